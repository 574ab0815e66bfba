using System.Text;
using Extractor.Storage;
using Extractor.Validation;
using Microsoft.AspNetCore.Http;
using static Extractor.Viewer.Html;

namespace Extractor.Viewer;

/// <summary>
/// `/`: the 疑点清单 with select-box filters (unit, year, type, severity, review status) in the query string,
/// counts of what is shown, and a link from each row to its evidence. Unknown filter values filter nothing.
/// </summary>
internal static class ListPage
{
    private static readonly string[] Statuses = ["open", "confirmed", "dismissed"];
    private static readonly string[] Severities = [Severity.Error, Severity.Warning];

    public static string Render(Store store, IQueryCollection query)
    {
        var all = store.Findings();
        string? Pick(string name, IEnumerable<string> allowed) => query[name].FirstOrDefault() is { Length: > 0 } v && allowed.Contains(v) ? v : null;
        var units = all.Select(f => f.UnitName).OfType<string>().Distinct().Order().ToList();
        var years = all.Select(f => f.Year).OfType<int>().Distinct().Order().Select(y => y.ToString()).ToList();
        var rules = all.Select(f => f.Rule).Distinct().Order().ToList();
        var unit = Pick("unit", units);
        var year = Pick("year", years);
        var rule = Pick("rule", rules);
        var severity = Pick("severity", Severities);
        var status = Pick("status", Statuses);
        var shown = all.Where(f => (unit is null || f.UnitName == unit) && (year is null || f.Year?.ToString() == year) && (rule is null || f.Rule == rule)
            && (severity is null || f.Severity == severity) && (status is null || f.Status == status)).ToList();

        var sb = new StringBuilder("<form class=\"filters\" method=\"get\" action=\"/\">");
        sb.Append(Select("unit", "单位", units.Select(u => (u, u)), unit));
        sb.Append(Select("year", "年度", years.Select(y => (y, y)), year));
        sb.Append(Select("rule", "疑点类型", rules.Select(r => (r, RuleNames.Of(r))), rule));
        sb.Append(Select("severity", "严重程度", Severities.Select(s => (s, RuleNames.SeverityName(s))), severity));
        sb.Append(Select("status", "核查状态", Statuses.Select(s => (s, RuleNames.StatusName(s))), status));
        sb.Append("<button type=\"submit\" id=\"apply\">筛选</button> <a href=\"/\">清除筛选</a></form>");

        sb.Append($"<p class=\"counts\"><span id=\"total\">共 <b>{shown.Count}</b> 条疑点（全部 {all.Count} 条）</span></p>");
        sb.Append(Counts("按疑点类型", shown.GroupBy(f => RuleNames.Of(f.Rule))));
        sb.Append(Counts("按严重程度", shown.GroupBy(f => RuleNames.SeverityName(f.Severity))));
        sb.Append(Counts("按核查状态", shown.GroupBy(f => RuleNames.StatusName(f.Status))));

        sb.Append("<table id=\"findings\"><tr><th>疑点编号</th><th>单位</th><th>年度</th><th>疑点类型</th><th>严重程度</th><th>核查状态</th><th>说明</th><th>文件</th></tr>");
        foreach (var f in shown)
            sb.Append($"<tr data-finding=\"{E(f.Id)}\"><td><a href=\"/finding/{Uri.EscapeDataString(f.Id)}\">{E(f.Id)}</a></td><td>{E(f.UnitName ?? "（未识别）")}</td>" +
                      $"<td>{f.Year}</td><td>{E(RuleNames.Of(f.Rule))}</td><td>{E(RuleNames.SeverityName(f.Severity))}</td><td>{E(RuleNames.StatusName(f.Status))}</td>" +
                      $"<td>{E(f.Message)}</td><td>{E(string.Join("；", f.Files.Select(x => Path.GetFileName(x.Path) + (x.Page is { } p ? $" 第{p}页" : ""))))}</td></tr>");
        sb.Append("</table>");
        sb.Append("<h2>报告</h2><ul>");
        foreach (var r in store.ReportEntries())
            sb.Append($"<li><a href=\"/report/{r.Id}\">{E(r.UnitName ?? "（未识别单位）")} {r.Year} · {E(Path.GetFileName(r.Document.Path))}</a>（疑点 {r.Findings} 条）</li>");
        sb.Append("</ul>");
        return Page("疑点清单", sb.ToString());
    }

    private static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? chosen)
    {
        var sb = new StringBuilder($"<label>{E(label)} <select name=\"{name}\" id=\"{name}\"><option value=\"\">全部</option>");
        foreach (var (value, text) in options)
            sb.Append($"<option value=\"{E(value)}\"{(value == chosen ? " selected" : "")}>{E(text)}</option>");
        return sb.Append("</select></label>").ToString();
    }

    private static string Counts(string title, IEnumerable<IGrouping<string, Finding>> groups) =>
        $"<p class=\"counts\">{E(title)}：" + string.Concat(groups.OrderBy(g => g.Key).Select(g => $"<span>{E(g.Key)} {g.Count()}</span>")) + "</p>";
}
