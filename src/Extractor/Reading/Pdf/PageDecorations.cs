using System.Text.RegularExpressions;

namespace Extractor.Reading.Pdf;

/// <summary>
/// Running headers, footers and page numbers: lines in a page's top or bottom margin zone that are
/// a page number ("— 3 —", "第 3 页 共 9 页", "3/9") or that repeat, digits aside, on most pages.
/// They are taken out of the reading flow so they never split a sentence.
/// </summary>
internal static partial class PageDecorations
{
    private const double Zone = 0.12; // share of the page height at top and at bottom

    [GeneratedRegex(@"^[-—–－_\s·•]*(第\s*\d+\s*页\s*[,，/／]?\s*(共\s*\d+\s*页)?|\d+\s*[/／]\s*\d+|[-—–－]?\s*\d+\s*[-—–－]?|page\s*\d+(\s*of\s*\d+)?)[-—–－_\s·•]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public readonly record struct PageLines(double Height, List<GlyphLine> Lines, double Width = 0);

    // A page's top line repeated inside the line right below it (a running header "金沙街道办事处"
    // over the title "金沙街道办事处2022年度…"): with one page there is no repetition across pages to go by.
    private static bool RepeatedBelow(List<GlyphLine> lines, int i)
    {
        var top = lines.OrderByDescending(l => l.Baseline).ToList();
        if (top.Count < 2 || !ReferenceEquals(top[0], lines[i])) return false;
        string Bare(string s) => s.Replace(" ", "");
        var (a, b) = (Bare(top[0].Text), Bare(top[1].Text));
        return a.Length >= 2 && b.Length > a.Length && b.Contains(a);
    }

    /// <summary>Returns, per page, the set of line indexes that are decoration.</summary>
    public static List<HashSet<int>> Find(IReadOnlyList<PageLines> pages)
    {
        string Key(GlyphLine l) => Digits().Replace(l.Text.Replace(" ", ""), "#");
        bool InTop(PageLines p, GlyphLine l) => l.Bottom >= p.Height * (1 - Zone);
        bool InBottom(PageLines p, GlyphLine l) => l.Top <= p.Height * Zone;

        // Where each text (digits aside) stands in each page's margin zones: a running header repeats
        // at the same height; a title that merely shares its words sits lower and stays in the flow.
        var seen = new Dictionary<(bool Top, string Key), List<(int Page, double Baseline)>>();
        for (var pi = 0; pi < pages.Count; pi++)
            foreach (var l in pages[pi].Lines)
            {
                bool t = InTop(pages[pi], l), b = InBottom(pages[pi], l);
                if (!t && !b) continue;
                var k = (t, Key(l));
                (seen.TryGetValue(k, out var list) ? list : seen[k] = []).Add((pi, l.Baseline));
            }
        int Repeats(bool t, GlyphLine l) => l.Confidence is not null ? ScanMarks.Repeats(pages, t ? InTop : InBottom, l)
            : seen[(t, Key(l))].Where(s => Math.Abs(s.Baseline - l.Baseline) <= 3).Select(s => s.Page).Distinct().Count();
        var needed = Math.Max(2, (pages.Count + 1) / 2);
        var result = new List<HashSet<int>>();
        foreach (var p in pages)
        {
            var set = new HashSet<int>();
            for (var i = 0; i < p.Lines.Count; i++)
            {
                var l = p.Lines[i];
                bool t = InTop(p, l), b = InBottom(p, l);
                if (!t && !b) continue;
                if (PageNumber().IsMatch(l.Text)
                    || Repeats(t, l) >= needed
                    || (t && RepeatedBelow(p.Lines, i)))
                    set.Add(i);
            }
            result.Add(set);
        }
        return result;
    }
}
