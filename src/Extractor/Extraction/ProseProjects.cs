using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>
/// Projects listed in prose: "高新人才大厦…项目，预算金额为203.30万元，执行金额为203.30万元" (a name,
/// then its budget and actual). Subtotals by funding source ("本级财力项目：共计3个项目，金额为…")
/// are read as neither projects nor totals. Both are marked consumed so figure rules skip them.
/// </summary>
internal static partial class ProseProjects
{
    [GeneratedRegex(@"(?<name>[^,;。:、\n]{2,60}?)[,:]\s*(?:全年|年度|年初)?(?:预算(?:金额|数)?|金额)\s*(?:为|是)?\s*(?<b>" + Values.Number + @")\s*(?<bu>亿元|万元|元)\s*[,;]\s*(?:执行金额|实际支出|实际支付|支出金额|执行数|支出)\s*(?:为|是)?\s*(?<a>" + Values.Number + @")\s*(?<au>亿元|万元|元)")]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"共计\s*(?:\d+|[一二三四五六七八九十]+)\s*个项目\s*[,:]?\s*(?:预算)?金额\s*(?:为)?\s*" + Values.Number + @"\s*(?:亿元|万元|元)(?:\s*[,;]\s*(?:执行金额|实际支付|实际支出)\s*(?:为)?\s*" + Values.Number + @"\s*(?:亿元|万元|元))?")]
    private static partial Regex Subtotal();

    public static void Extract(FlowText flow, Spans consumed, Report report)
    {
        foreach (Match m in Subtotal().Matches(flow.Text))
            if (!consumed.Overlaps(m.Index, m.Length)) consumed.Add(m.Index, m.Length);
        foreach (Match m in ProjectLine().Matches(flow.Text))
        {
            if (consumed.Overlaps(m.Index, m.Length)) continue;
            // "其中：重点项目为…": a highlight of one listed project, under another wording; the list counts.
            if (Regex.IsMatch(m.Groups["name"].Value, "重点项目(?:为|是)")) { consumed.Add(m.Index, m.Length); continue; }
            var name = CleanName(m.Groups["name"].Value);
            if (name is null) continue;
            consumed.Add(m.Index, m.Length);
            // The same project named again (a highlight before the list) is one project.
            if (report.Projects.Any(p => p.Name == name)) continue;
            report.Projects.Add(new Project(name,
                Extraction.Money.ToWan(Values.Parse(m.Groups["b"].Value), m.Groups["bu"].Value),
                Extraction.Money.ToWan(Values.Parse(m.Groups["a"].Value), m.Groups["au"].Value),
                flow.PageAt(m.Index), flow.SourceSpan(m.Index, m.Length)));
        }
    }

    // "分别为：高新人才大厦项目" → "高新人才大厦项目"; a clause that is not a name (一个项目, 其中) is dropped.
    private static string? CleanName(string raw)
    {
        var name = Regex.Replace(raw, @"^.*(?:分别为|分别是|包括|其中)", "").Trim();
        name = Regex.Replace(name, @"^(?:\d+[.、]|\(\d+\)|[一二三四五六七八九十]+、)", "").Trim();
        if (name.Length < 2 || Regex.IsMatch(name, @"^(?:本级|上级|共计|合计|总计|项目总|全年)") || name.EndsWith("个项目")) return null;
        return name;
    }
}
