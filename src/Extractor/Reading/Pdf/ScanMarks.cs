namespace Extractor.Reading.Pdf;

/// <summary>
/// Running headers and footers on OCR'd pages. OCR does not read a header the same way on every page
/// ("南岭县卫生健康委员会" once, "南岭县中“健康委员会" the next time), nor a page number at all ("— 2 —"
/// comes out 所尺王), so exact repetition cannot find them. A line in a margin zone repeats when most pages
/// have, at about the same height in the same zone, a line that reads mostly the same, or when both are
/// short lines centred on the page (page numbers).
/// </summary>
internal static class ScanMarks
{
    private const double SameHeight = 6;   // points; a scanner feeds sheets a little higher or lower
    private const double Similar = 0.6;    // share of characters in common (longest common subsequence)
    private const int Short = 8;

    public static int Repeats(IReadOnlyList<PageDecorations.PageLines> pages, Func<PageDecorations.PageLines, GlyphLine, bool> inZone, GlyphLine line) =>
        pages.Count(p => p.Lines.Any(o => inZone(p, o) && Math.Abs(o.Baseline - line.Baseline) <= SameHeight
            && (Alike(o.Text, line.Text) || IsMark(o, p) && IsMark(line, p))));

    private static bool Alike(string a, string b)
    {
        a = a.Replace(" ", "");
        b = b.Replace(" ", "");
        var longer = Math.Max(a.Length, b.Length);
        return longer > 0 && (a.Length + b.Length - Fidelity.EditDistance(a, b)) / 2.0 >= Similar * longer;
    }

    private static bool IsMark(GlyphLine l, PageDecorations.PageLines p) =>
        l.Text.Replace(" ", "").Length <= Short && p.Width > 0 && Math.Abs((l.Left + l.Right) / 2 - p.Width / 2) <= 0.08 * p.Width;
}
