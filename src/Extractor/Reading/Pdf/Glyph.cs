namespace Extractor.Reading.Pdf;

/// <summary>One drawn character, already repaired (radicals) and placed: the unit the PDF layout code works on.
/// A glyph read by OCR carries its confidence (0–1) and the OCR word it belongs to (no space inside a word);
/// a text-layer glyph has neither.</summary>
internal readonly record struct Glyph(string Text, double Left, double Right, double Baseline, double Bottom, double Top, double Size,
    float? Confidence = null, int Word = 0)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Bottom + Top) / 2;
}

/// <summary>A visual line built from glyphs, before it becomes a paragraph line or a cell line.
/// Confidence, for OCR text only, has one entry per character of Text.</summary>
internal sealed record GlyphLine(string Text, double Left, double Right, double Baseline, double Bottom, double Top, double Size,
    float[]? Confidence = null)
{
    public Box Box => new(Left, Bottom, Right, Top);

    /// <summary>Left and right x of each character of Text (see TextLine.CharX).</summary>
    public float[] CharX { get; init; } = [];

    public TextLine ToTextLine(int page) => new(Text, Box, page, Confidence) { CharX = CharX };
}
