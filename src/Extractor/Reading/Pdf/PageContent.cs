using Extractor.Reading.Ocr;
using PdfPage = UglyToad.PdfPig.Content.Page;

namespace Extractor.Reading.Pdf;

/// <summary>
/// Where a page's glyphs and rulings come from: its text layer (PdfPig's letters and paths), or, for a page
/// without a usable one, OCR of its image. Either way the PDF reader's layout steps take them alike.
/// </summary>
internal sealed class PageContent(byte[] pdf, OcrOptions ocr)
{
    public int OcrPages { get; private set; }

    /// <summary>Set when a page needed OCR and the tools are not installed: the page is then read as empty.</summary>
    public string? OcrUnavailable { get; private set; }

    public (List<Glyph> Glyphs, List<Segment> Rulings) Read(PdfPage page)
    {
        var glyphs = TextGlyphs(page);
        var needsOcr = ocr.Mode switch
        {
            OcrMode.Always => true,
            OcrMode.Never => false,
            _ => !TextLayer.IsUsable(glyphs.Select(g => g.Text).ToList(), PictureCoverage(page)),
        };
        if (!needsOcr) return (glyphs, Rulings.Find(page));
        if (OcrUnavailable is not null) return ([], []);
        if (++OcrPages > ocr.MaxPages)
            throw new ReadException(ErrorCodes.TooLarge, $"more than {ocr.MaxPages} pages need OCR");
        ocr.OnPage?.Invoke(page.Number);
        try
        {
            var result = PageOcr.Read(pdf, page.Number, page.Width, page.Height, ocr);
            return (result.Glyphs, result.Rulings);
        }
        catch (ToolException e) when (e.Missing)
        {
            OcrUnavailable = e.Message;
            return ([], []);
        }
        catch (ToolException e) when (e.TimedOut)
        {
            throw new ReadException(ErrorCodes.Timeout, $"OCR of page {page.Number}: {e.Message}", e);
        }
        catch (Exception e) when (e is ToolException or FormatException)
        {
            throw new ReadException(ErrorCodes.Unreadable, $"OCR of page {page.Number} failed: {e.Message}", e);
        }
    }

    private static List<Glyph> TextGlyphs(PdfPage page)
    {
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var l in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value)) continue;
            var r = l.BoundingBox;
            glyphs.Add(new Glyph(Glyphs.RepairRadicals(l.Value), l.StartBaseLine.X, l.EndBaseLine.X,
                l.StartBaseLine.Y, r.Bottom, r.Top, l.PointSize > 0 ? l.PointSize : Math.Max(1, r.Height)));
        }
        return glyphs;
    }

    // Share of the page under pictures (overlaps counted twice, capped at the whole page).
    private static double PictureCoverage(PdfPage page)
    {
        var area = page.Width * page.Height;
        if (area <= 0) return 0;
        var covered = 0.0;
        foreach (var image in page.GetImages())
        {
            var b = image.BoundingBox;
            var w = Math.Min(b.Right, page.Width) - Math.Max(b.Left, 0);
            var h = Math.Min(b.Top, page.Height) - Math.Max(b.Bottom, 0);
            if (w > 0 && h > 0) covered += w * h;
        }
        return Math.Min(1, covered / area);
    }
}
