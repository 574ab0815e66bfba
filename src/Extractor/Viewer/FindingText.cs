using System.Text;
using Extractor.Storage;
using Extractor.Validation;

namespace Extractor.Viewer;

/// <summary>
/// A finding as `extractor show` prints it: what it says in Chinese, both numbers, and for each file the
/// figures it names, each in its sentence or table row with the number between 【 and 】 and the lines around it.
/// </summary>
public static class FindingText
{
    public static string Render(FindingDetail detail, Func<long, IReadOnlyList<StoredBlock>> blocksOf, int context = 1)
    {
        var f = detail.Finding;
        var sb = new StringBuilder();
        sb.AppendLine($"疑点 {f.Id}  {RuleNames.Of(f.Rule)}（{f.Rule}） · {RuleNames.SeverityName(f.Severity)} · {RuleNames.StatusName(f.Status)}");
        sb.AppendLine($"单位：{f.UnitName ?? "（未识别）"}    年度：{f.Year?.ToString() ?? "（未识别）"}");
        sb.AppendLine($"说明：{f.Message}");
        if (f.Stated is not null || f.Expected is not null)
            sb.AppendLine($"报告所写：{f.Stated ?? "—"}    重新计算：{f.Expected ?? "—"}" + (f.Difference is { } d ? $"    差额：{d:0.####}" : ""));
        if (f.Status != "open" || f.Note is not null)
            sb.AppendLine($"核查意见：{f.Note ?? "（无）"}（{f.Reviewer ?? "—"}，{f.ReviewedAt ?? "—"}）");
        foreach (var source in detail.Sources)
        {
            sb.AppendLine();
            sb.AppendLine($"文件：{source.Document.Path}（{source.Document.Format}，第 {source.Page?.ToString() ?? "?"} 页）");
            if (source.Evidence.Count == 0) sb.AppendLine("  （此疑点未记录来源数字）");
            var blocks = blocksOf(source.Document.Id);
            foreach (var e in source.Evidence)
            {
                sb.AppendLine($"  {e.Label}（{e.Field}）第 {e.Page} 页" + (e.Box is { } b ? $"  位置 [{b.Left:0.#}, {b.Bottom:0.#}, {b.Right:0.#}, {b.Top:0.#}]" : "")
                    + (e.Paragraph is { } p ? $"  段落 {p}" : ""));
                foreach (var line in Context(blocks, e, context)) sb.AppendLine("    " + line);
            }
        }
        return sb.ToString();
    }

    // The block with the figure (marked, "▶"), and the blocks around it on the same page; long lines cut around the mark.
    private static IEnumerable<string> Context(IReadOnlyList<StoredBlock> blocks, EvidenceItem e, int context)
    {
        var at = Passages.FindBlock(blocks, e);
        if (at < 0) { yield return "▶ " + e.Text; yield break; }
        for (var i = Math.Max(0, at - context); i <= Math.Min(blocks.Count - 1, at + context); i++)
        {
            var mark = i == at ? Passages.Locate(blocks[i], e) : null;
            var lines = Passages.Lines(blocks[i], mark);
            // A table: its row with the figure and the rows next to it.
            if (blocks[i].Kind == "table" && mark is { } m)
            {
                var row = blocks[i].Cells[m.Cell].Row;
                lines = lines.Skip(Math.Max(0, row - 1)).Take(3).ToList();
            }
            else if (blocks[i].Kind == "table") lines = lines.Take(2).ToList();
            foreach (var line in lines) yield return (i == at && line.Contains('【') ? "▶ " : "  ") + Cut(line);
        }
    }

    private static string Cut(string line, int around = 60)
    {
        var m = line.IndexOf('【');
        if (line.Length <= 2 * around + 20) return line;
        if (m < 0) return line[..(2 * around)] + "…";
        var start = Math.Max(0, m - around);
        var end = Math.Min(line.Length, m + around);
        return (start > 0 ? "…" : "") + line[start..end] + (end < line.Length ? "…" : "");
    }
}
