using System.Text;
using Extractor.Storage;
using static Extractor.Viewer.Html;

namespace Extractor.Viewer;

/// <summary>A figure to highlight: its key, its label, and where it stands (page, box on a PDF page, passage).</summary>
public sealed record Highlight(string Key, string Label, EvidenceItem Evidence);

/// <summary>
/// Where figures stand in a source, as HTML: a PDF page image with an overlay box per figure (positioned in
/// percent of the page, so it stays on the figure at any width), or a paragraph or table with the written
/// number in a &lt;mark&gt;. Both carry data-figure="KEY" so that tests and scripts can find them.
/// </summary>
internal static class SourceView
{
    /// <summary>One PDF page as an image with the boxes of the figures on it. Boxes are in points, origin bottom-left.</summary>
    public static string PdfPage(StoredDocument doc, int page, (double Width, double Height)? size, IEnumerable<Highlight> figures)
    {
        var sb = new StringBuilder();
        sb.Append($"<figure class=\"page\"><figcaption>{E(Path.GetFileName(doc.Path))} 第 {page} 页</figcaption>");
        sb.Append($"<div class=\"sheet\"><img src=\"/document/{doc.Id}/page/{page}/image\" alt=\"第 {page} 页\">");
        foreach (var f in figures)
        {
            if (f.Evidence.Box is not { } b || size is not { } s || s.Width <= 0 || s.Height <= 0) continue;
            sb.Append($"<div class=\"box\" data-figure=\"{E(f.Key)}\" data-page=\"{page}\" title=\"{E(f.Label)}：{E(Num(f.Evidence.Value))}{E(f.Evidence.Unit)}\" style=\"");
            sb.Append($"left:{Pct(b.Left / s.Width * 100)};top:{Pct((s.Height - b.Top) / s.Height * 100)};");
            sb.Append($"width:{Pct((b.Right - b.Left) / s.Width * 100)};height:{Pct((b.Top - b.Bottom) / s.Height * 100)}\"></div>");
        }
        sb.Append("</div>");
        var unplaced = figures.Where(f => f.Evidence.Box is null).Select(f => f.Label).ToList();
        if (unplaced.Count > 0) sb.Append($"<p class=\"warn\">未记录位置框（只知页码）：{E(string.Join("、", unplaced))}</p>");
        sb.Append("</figure>");
        return sb.ToString();
    }

    /// <summary>The block a figure stands in, with a few blocks around it, the written number marked.</summary>
    public static string Passage(IReadOnlyList<StoredBlock> blocks, Highlight figure, int context = 1)
    {
        var at = Passages.FindBlock(blocks, figure.Evidence);
        if (at < 0) return $"<div class=\"passage\"><p class=\"warn\">在文档中未找到此段落；提取时的原文：</p><p>{E(figure.Evidence.Text)}</p></div>";
        var sb = new StringBuilder("<div class=\"passage\">");
        for (var i = Math.Max(0, at - context); i <= Math.Min(blocks.Count - 1, at + context); i++)
            sb.Append(Block(blocks[i], i == at ? Passages.Locate(blocks[i], figure.Evidence) : null, i == at ? figure.Key : null));
        return sb.Append("</div>").ToString();
    }

    /// <summary>All blocks of one page of a text document, the figures on it marked.</summary>
    public static string TextPage(IReadOnlyList<StoredBlock> blocks, int page, IReadOnlyList<Highlight> figures)
    {
        var marks = new Dictionary<int, (Mark Mark, string Key)>();
        foreach (var f in figures)
            if (Passages.FindBlock(blocks, f.Evidence) is var at and >= 0 && Passages.Locate(blocks[at], f.Evidence) is { } m) marks.TryAdd(at, (m, f.Key));
        var sb = new StringBuilder("<div class=\"passage\">");
        for (var i = 0; i < blocks.Count; i++)
            if (blocks[i].Page == page)
                sb.Append(marks.TryGetValue(i, out var m) ? Block(blocks[i], m.Mark, m.Key) : Block(blocks[i], null, null));
        return sb.Append("</div>").ToString();
    }

    private static string Block(StoredBlock block, Mark? mark, string? key)
    {
        string Marked(string text, int cell)
        {
            text = Passages.Normal(text);
            if (mark is not { } m || m.Cell != cell || key is null) return E(text);
            return E(text[..m.Start]) + $"<mark data-figure=\"{E(key)}\">{E(text.Substring(m.Start, m.Length))}</mark>" + E(text[(m.Start + m.Length)..]);
        }
        var here = mark is not null ? " class=\"here\"" : "";
        if (block.Kind == "paragraph") return $"<p{here}>{Marked(block.Text, -1)}</p>";
        // A long table shows its header row and the rows around the figure, not all of it.
        var markedRow = mark is { Cell: >= 0 } mm ? block.Cells[mm.Cell].Row : -1;
        var sb = new StringBuilder($"<table{here}>");
        foreach (var row in block.Cells.Select((c, i) => (c, i)).GroupBy(x => x.c.Row))
        {
            if (markedRow >= 0 && row.Key != 0 && Math.Abs(row.Key - markedRow) > 2) continue;
            sb.Append("<tr>");
            foreach (var (c, i) in row)
                sb.Append($"<td{(c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan}\"" : "")}{(c.ColumnSpan > 1 ? $" colspan=\"{c.ColumnSpan}\"" : "")}>{Marked(c.Text, i)}</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</table>").ToString();
    }

    /// <summary>A stored figure statement as the evidence `show` and the viewer mark.</summary>
    public static Highlight Of(PlacedFigure f) =>
        new(f.Key, f.Label, new EvidenceItem(f.Key, f.Label, f.Text ?? "", f.Page ?? 1, f.Box, f.Paragraph, f.Value, f.Unit));

    public static Highlight Of(EvidenceItem e) => new(e.Field, e.Label, e);
}
