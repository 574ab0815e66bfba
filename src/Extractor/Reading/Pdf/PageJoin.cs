namespace Extractor.Reading.Pdf;

/// <summary>
/// A paragraph cut by a page break is one paragraph: when a page's last block is a paragraph whose
/// last line runs to the right margin without closing punctuation, and the next page opens with a
/// paragraph, the two are joined (kept on the first page, lines keep their own page).
/// </summary>
internal static class PageJoin
{
    private const string Closing = "。！？；：:;!?";

    public static List<Page> JoinAcrossPages(List<Page> pages)
    {
        var result = pages.Select(p => p.Blocks.ToList()).ToList();
        for (var i = 0; i + 1 < pages.Count; i++)
        {
            if (result[i].Count == 0 || result[i + 1].Count == 0) continue;
            if (result[i][^1] is not Paragraph tail || result[i + 1][0] is not Paragraph head) continue;
            if (!RunsToMargin(tail, pages[i]) || Closing.Contains(tail.Text[^1]) || StartsIndented(head, tail)) continue;
            result[i][^1] = tail with
            {
                Lines = [.. tail.Lines, .. head.Lines],
                Text = Glyphs.JoinWrapped(tail.Text, head.Text),
            };
            result[i + 1].RemoveAt(0);
        }
        return pages.Select((p, i) => p with { Blocks = result[i] }).ToList();
    }

    private static bool RunsToMargin(Paragraph p, Page page)
    {
        var right = page.Blocks.OfType<Paragraph>().SelectMany(b => b.Lines).Select(l => l.Box?.Right ?? 0).DefaultIfEmpty(0).Max();
        var last = p.Lines[^1].Box;
        return last is not null && last.Right >= right - 0.05 * page.Width;
    }

    private static bool StartsIndented(Paragraph head, Paragraph tail)
    {
        var h = head.Lines[0].Box;
        var left = tail.Lines.Min(l => l.Box?.Left ?? 0);
        return h is not null && h.Left > left + 0.5 * h.Height;
    }
}
