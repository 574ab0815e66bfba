namespace Extractor.Reading.Ocr;

/// <summary>
/// Whether a page image holds anything legible. A blank sheet (scanner noise, a punched hole) is not sent
/// to Tesseract at all; on a photo or a drawing Tesseract still "reads" characters, at low confidence, and
/// those must not become text.
/// </summary>
internal static class Legibility
{
    private const double MinInkShare = 0.0005;   // text covers 3–10% of a page; a blank scan's specks, far less
    private const float MinLineConfidence = 0.5f; // mean over a line's characters
    private const int MinLegibleChars = 4;
    // Taller than any heading a report is printed with (初号 is 42 pt): on a photo Tesseract finds "characters"
    // hundreds of pixels high in the shading, with confidences as high as real text's.
    private const double MaxCharHeightPt = 48;

    public static bool IsBlank(GrayImage image, byte ink)
    {
        long dark = 0;
        foreach (var p in image.Pixels) if (p <= ink) dark++;
        return dark < MinInkShare * image.Pixels.Length;
    }

    /// <summary>Drops characters too large to be print and lines Tesseract itself doubts; returns nothing when what is
    /// left is too little to be text.</summary>
    public static List<OcrChar> Filter(List<OcrChar> chars, int dpi)
    {
        var maxHeight = MaxCharHeightPt / 72 * dpi;
        var kept = chars.Where(c => c.Bottom - c.Top <= maxHeight)
            .GroupBy(c => c.Line).Where(g => g.Average(c => c.Confidence) >= MinLineConfidence).SelectMany(g => g).ToList();
        return kept.Count >= MinLegibleChars ? kept : [];
    }
}
