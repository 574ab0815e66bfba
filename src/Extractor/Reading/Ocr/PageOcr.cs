using System.Globalization;
using Extractor.Reading.Pdf;

namespace Extractor.Reading.Ocr;

/// <summary>What OCR made of one page, in PDF points like PdfPig's letters and paths: the glyphs and the table rulings.</summary>
internal sealed record OcrPage(List<Glyph> Glyphs, List<Segment> Rulings)
{
    public static readonly OcrPage Empty = new([], []);
}

/// <summary>
/// One page through OCR: render (pdftoppm, grey), straighten, find the table rulings and erase them, read
/// the text outside tables and, separately, the table cells (Tesseract), then characters → glyphs in the
/// page's own coordinates, so that the PDF reader's layout steps (TableGrid, lines, paragraphs, running
/// headers) take them as they take PdfPig's letters and paths.
/// </summary>
internal static class PageOcr
{
    public static OcrPage Read(byte[] pdf, int page, double widthPt, double heightPt, OcrOptions options)
    {
        var dpi = Dpi(widthPt, heightPt, options);
        var n = page.ToString(CultureInfo.InvariantCulture);
        var budget = new PageBudget(options);
        var raster = budget.Run("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", n, "-l", n, "-"], pdf);
        var image = GrayImage.ReadPgm(raster);
        var ink = image.InkThreshold();
        if (Legibility.IsBlank(image, ink)) return OcrPage.Empty;

        var angle = Deskew.Estimate(image, ink);
        if (Math.Abs(angle) >= 0.05) image = Deskew.Straighten(image, angle);
        var map = new PageMap(widthPt / image.Width, heightPt / image.Height, heightPt);
        // Rulings are often lighter than text (thin lines softened by the scan): a laxer threshold, safe because
        // a run must be long to count.
        var rulings = ImageRulings.Find(image, (byte)Math.Min(200, ink + 40), dpi);
        var segments = ImageRulings.EraseTableRulings(image, rulings, Math.Max(2, dpi / 50)).Select(map.ToPoints).ToList();
        var grids = TableGrid.Find(segments);
        var cells = grids.SelectMany(g => g.Cells).Select(c => map.ToPixels(c.Box, image)).ToList();
        var tableAreas = grids.Select(g => map.ToPixels(g.Box, image)).ToList();
        image.Whiten((byte)((ink + 255) / 2));
        var flowImage = Blanked(image, tableAreas);
        var flow = Legibility.IsBlank(flowImage, ink) ? [] : Tesseract.Recognise(flowImage, dpi, budget);
        var mosaic = CellMosaic.Build(image, cells, ink, dpi);
        var inMosaic = mosaic is null ? [] : Tesseract.Recognise(mosaic.Image, dpi, budget);
        var reread = NumberReread.Apply([(flowImage, flow), (mosaic?.Image ?? flowImage, inMosaic)], dpi, budget);
        var inCells = mosaic is null ? [] : mosaic.Split(reread[1]).SelectMany(c => c).ToList();
        flow = reread[0];
        var lines = flow.Count == 0 ? 0 : flow.Max(c => c.Line);
        var words = flow.Count == 0 ? 0 : flow.Max(c => c.Word);
        var chars = Legibility.Filter([.. flow, .. inCells.Select(c => c with { Line = c.Line + lines, Word = c.Word + words })], dpi);
        return new OcrPage(chars.Select(map.ToGlyph).ToList(), segments);
    }

    // The text outside tables: table areas whited out, so their text is read once, from the cells.
    private static GrayImage Blanked(GrayImage image, List<PixelRect> areas)
    {
        var copy = new GrayImage(image.Width, image.Height, (byte[])image.Pixels.Clone());
        foreach (var a in areas)
            for (var y = Math.Max(0, a.Top); y < Math.Min(image.Height, a.Bottom); y++)
                Array.Fill(copy.Pixels, (byte)255, y * image.Width + Math.Max(0, a.Left), Math.Min(image.Width, a.Right) - Math.Max(0, a.Left));
        return copy;
    }

    // The asked-for resolution, unless the page is so large that the raster would pass MaxPixels.
    private static int Dpi(double widthPt, double heightPt, OcrOptions options)
    {
        var squareInches = Math.Max(1e-6, widthPt / 72 * (heightPt / 72));
        return (int)Math.Clamp(Math.Min(options.Dpi, Math.Sqrt(options.MaxPixels / squareInches)), 36, options.Dpi);
    }
}
