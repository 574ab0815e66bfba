namespace Extractor.Reading.Ocr;

/// <summary>A rectangle of pixels, top-left origin, right and bottom exclusive.</summary>
internal readonly record struct PixelRect(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
}

/// <summary>
/// A page's table cells laid out for one Tesseract call. Read in place, a row whose cells wrap differently (a
/// two-line name beside one-line figures) defeats Tesseract's line finding, and words of neighbouring cells
/// run together. So each cell with ink is cut out and the cuts are stacked; every character read goes back
/// into its cell on the page.
/// </summary>
internal static class CellMosaic
{
    /// <summary>The stack of the cells with ink, or null when no cell has any.</summary>
    public static Stack? Build(GrayImage page, IReadOnlyList<PixelRect> cells, byte ink, int dpi)
    {
        var inked = cells.Where(c => c.Width > 2 && c.Height > 2 && HasInk(page, c, ink)).Select(c => (page, c)).ToList();
        return inked.Count == 0 ? null : new Stack(inked, dpi);
    }

    // Cells are inset by a few pixels: what is left of an erased ruling at the border is not ink of the cell.
    private static bool HasInk(GrayImage page, PixelRect cell, byte ink)
    {
        var dark = 0;
        for (var yy = cell.Top + 3; yy < cell.Bottom - 3; yy++)
            for (var xx = cell.Left + 3; xx < cell.Right - 3; xx++)
                if (page[xx, yy] <= ink && ++dark >= 12) return true;
        return false;
    }
}
