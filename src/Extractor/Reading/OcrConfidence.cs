namespace Extractor.Reading;

/// <summary>
/// How sure the OCR was of a stretch of text (a figure, a name): the lowest per-character confidence
/// over the span, since one misread digit is enough to make a figure wrong. Null when the text was not
/// read by OCR. Offsets are into <see cref="Paragraph.Text"/> or <see cref="TableCell.Text"/>.
/// </summary>
public static class OcrConfidence
{
    public static float? Of(TableCell cell, int start, int length) => Min(cell.Confidence, start, length);

    public static float? Of(TextLine line, int start, int length) => Min(line.Confidence, start, length);

    /// <summary>A paragraph's text is its lines joined by <see cref="Glyphs.JoinWrapped(string, string)"/>; the span is mapped back onto them.</summary>
    public static float? Of(Paragraph p, int start, int length)
    {
        if (p.Lines.All(l => l.Confidence is null)) return null;
        var text = "";
        float? min = null;
        foreach (var line in p.Lines)
        {
            var joined = Glyphs.JoinWrapped(text, line.Text);
            var at = joined.Length - line.Text.Length; // where this line starts in the paragraph text
            text = joined;
            var from = Math.Max(start, at) - at;
            var to = Math.Min(start + length, at + line.Text.Length) - at;
            if (to > from && Min(line.Confidence, from, to - from) is { } c) min = Math.Min(min ?? 1f, c);
        }
        // Text not built from these lines (never for the PDF reader): the whole paragraph's lowest, to be safe.
        if (text != p.Text) return p.Lines.Select(l => Min(l.Confidence, 0, l.Text.Length)).Min();
        return min;
    }

    private static float? Min(IReadOnlyList<float>? confidence, int start, int length)
    {
        if (confidence is null) return null;
        float? min = null;
        for (var i = Math.Max(0, start); i < Math.Min(confidence.Count, start + length); i++)
            min = Math.Min(min ?? 1f, confidence[i]);
        return min;
    }
}
