namespace Extractor.Reading.Pdf;

/// <summary>
/// Groups glyphs into visual lines by baseline and orders them left to right. Spaces come from
/// geometry, never between two CJK characters: justified CJK lines stretch the gaps between
/// glyphs, and naive extraction turns those gaps into "全 年 预 算".
/// </summary>
internal static class LineBuilder
{
    public static List<GlyphLine> Build(IEnumerable<Glyph> glyphs)
    {
        var sorted = glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left).ToList();
        var lines = new List<GlyphLine>();
        var current = new List<Glyph>();
        foreach (var g in sorted)
        {
            if (current.Count > 0 && Math.Abs(current[0].Baseline - g.Baseline) > 0.4 * Math.Max(current[0].Size, g.Size))
            {
                lines.AddRange(Split(current));
                current.Clear();
            }
            current.Add(g);
        }
        if (current.Count > 0) lines.AddRange(Split(current));
        return lines;
    }

    // One baseline may carry separate runs far apart (a form's label and value): keep them one line,
    // but with a space, so that neither word fuses into the other.
    private static IEnumerable<GlyphLine> Split(List<Glyph> sameBaseline)
    {
        sameBaseline.Sort((a, b) => a.Left.CompareTo(b.Left));
        var sb = new System.Text.StringBuilder();
        var ocr = sameBaseline.Any(g => g.Confidence is not null);
        var confidence = new List<float>();
        var x = new List<float>();
        Glyph? prev = null;
        foreach (var g in sameBaseline)
        {
            if (prev is { } p)
            {
                var gap = g.Left - p.Right;
                var size = Math.Max(p.Size, g.Size);
                if (Overlaps(p, g)) continue; // the same glyph drawn twice (fake bold)
                var cjk = Glyphs.IsCjk(p.Text[^1]) || Glyphs.IsCjk(g.Text[0])
                    || ocr && InFigure(p.Text[^1]) && InFigure(g.Text[0]); // fullwidth digits come back from OCR as one word each
                var sameWord = g.Word != 0 && g.Word == p.Word; // OCR boxes are approximate: a word is never split
                if (!sameWord && gap > (cjk ? 1.5 : 0.2) * size)
                {
                    sb.Append(' ');
                    confidence.Add(Math.Min(p.Confidence ?? 1f, g.Confidence ?? 1f));
                    x.Add((float)p.Right); x.Add((float)g.Left);
                }
            }
            sb.Append(g.Text);
            // Every character of the glyph's text (a ligature gives several) stands where the glyph stands.
            foreach (var _ in g.Text) { confidence.Add(g.Confidence ?? 1f); x.Add((float)g.Left); x.Add((float)g.Right); }
            prev = g;
        }
        var first = sameBaseline[0];
        yield return new GlyphLine(sb.ToString(), first.Left, sameBaseline.Max(g => g.Right),
            first.Baseline, sameBaseline.Min(g => g.Bottom), sameBaseline.Max(g => g.Top),
            sameBaseline.Max(g => g.Size), ocr ? [.. confidence] : null) { CharX = x.ToArray() };
    }

    private static bool InFigure(char c) => char.IsAsciiDigit(c) || c is '.' or ',' or '%';

    // Never for OCR: its boxes are rough, and "44" may come with two boxes nearly on top of each other.
    private static bool Overlaps(Glyph a, Glyph b) =>
        a.Confidence is null && a.Text == b.Text && Math.Abs(a.Left - b.Left) < 0.2 * a.Size;
}
