namespace Extractor.Reading.Pdf;

/// <summary>
/// Joins a page's text lines (top to bottom) into paragraphs. A paragraph ends where the next
/// line is further down than the page's usual line pitch, where a line stops well short of the
/// right margin, where the next line is indented, or where the type size changes.
/// </summary>
internal static class ParagraphBuilder
{
    public static List<List<GlyphLine>> Group(List<GlyphLine> lines, double textLeft, double textRight)
    {
        var groups = new List<List<GlyphLine>>();
        if (lines.Count == 0) return groups;
        var pitch = UsualPitch(lines);
        List<GlyphLine> current = [lines[0]];
        for (var i = 1; i < lines.Count; i++)
        {
            GlyphLine prev = lines[i - 1], line = lines[i];
            var size = Math.Max(prev.Size, line.Size);
            var breakHere =
                prev.Baseline - line.Baseline > pitch + 0.2 * size + 0.5
                || prev.Right < textRight - 2 * size
                || line.Left > textLeft + 1.5 * size && line.Left > prev.Left + size
                || Math.Abs(prev.Size - line.Size) > 1
                // A sentence that fills its line, then "四、…" or "（二）…": a heading starts, not a wrapped line.
                || EndsSentence(prev) && StartsNumberedHeading(line);
            if (breakHere)
            {
                groups.Add(current);
                current = [];
            }
            current.Add(line);
        }
        groups.Add(current);
        return groups;
    }

    private static bool EndsSentence(GlyphLine line) => line.Text.TrimEnd() is [.., '。' or '！' or '？' or '；'];

    private static readonly System.Text.RegularExpressions.Regex NumberedHeading =
        new(@"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool StartsNumberedHeading(GlyphLine line) => NumberedHeading.IsMatch(line.Text);

    /// <summary>The smallest common baseline-to-baseline distance: the pitch inside a paragraph.</summary>
    private static double UsualPitch(List<GlyphLine> lines)
    {
        var pitches = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            var d = lines[i - 1].Baseline - lines[i].Baseline;
            if (d > 0.5 * lines[i].Size) pitches.Add(Math.Round(d));
        }
        if (pitches.Count == 0) return lines[0].Size * 1.5;
        // The most frequent of the smaller half: paragraph gaps are larger, and rarer than line gaps.
        return pitches.OrderBy(p => p).Take(Math.Max(1, (pitches.Count + 1) / 2))
            .GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }
}
