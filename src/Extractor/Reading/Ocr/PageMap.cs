using Extractor.Reading.Pdf;

namespace Extractor.Reading.Ocr;

/// <summary>Pixels of the rendered page (origin top-left) ↔ PDF points (origin bottom-left).</summary>
internal sealed record PageMap(double Sx, double Sy, double HeightPt)
{
    public Segment ToPoints(PixelRuling r) => r.Horizontal
        ? new Segment(true, HeightPt - r.At * Sy, r.From * Sx, r.To * Sx)
        : new Segment(false, r.At * Sx, HeightPt - r.To * Sy, HeightPt - r.From * Sy);

    public PixelRect ToPixels(Box b, GrayImage image) => new(
        Math.Clamp((int)Math.Round(b.Left / Sx), 0, image.Width), Math.Clamp((int)Math.Round((HeightPt - b.Top) / Sy), 0, image.Height),
        Math.Clamp((int)Math.Round(b.Right / Sx), 0, image.Width), Math.Clamp((int)Math.Round((HeightPt - b.Bottom) / Sy), 0, image.Height));

    public Glyph ToGlyph(OcrChar c) => new(Glyphs.RepairRadicals(c.Text), c.Left * Sx, c.Right * Sx,
        HeightPt - c.LineBaseline * Sy, HeightPt - c.Bottom * Sy, HeightPt - c.Top * Sy,
        Math.Max(1, c.LineSize * Sy), (float)Math.Round(c.Confidence, 2), c.Word);
}
