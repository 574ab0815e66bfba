using System.Globalization;
using System.Text;
using Extractor.Exports;
using Extractor.Storage;
using static Extractor.Viewer.Html;

namespace Extractor.Viewer;

/// <summary>
/// `/overview`: the 总览 as charts drawn on the server (SVG bars, no script and nothing vendored): grades, execution
/// rates, findings by type and by unit, and the reports graded 优 that carry error findings, each linked to its
/// findings. Every bar is a <c>&lt;g class="bar" data-label data-count&gt;</c> so that tests and scripts read the values.
/// </summary>
internal static class OverviewPage
{
    private const int BarsShown = 20;

    public static string Render(Store store)
    {
        var o = Overview.Of(store);
        var sb = new StringBuilder($"<p id=\"reports\">报告 <b>{o.Reports}</b> 份（每份报告计一次）。同样的数字在核查工作簿的“总览”工作表中。</p>");
        sb.Append("<h2>评价结果分布</h2>").Append(Bars("chart-grades", o.Grades, _ => "", link: false));
        sb.Append("<h2>预算执行率分布</h2>").Append(Bars("chart-rates", o.ExecutionRates, _ => "", link: false));

        sb.Append($"<h2>自评为优但有错误疑点的报告（{o.GoodButErrors.Count}）</h2><table id=\"good-with-errors\"><tr><th>单位</th><th>年度</th><th>综合得分</th><th>错误疑点</th><th>疑点类型</th></tr>");
        foreach (var g in o.GoodButErrors)
            sb.Append($"<tr><td>{E(g.Unit)}</td><td>{g.Year}</td><td>{Num(g.Score)}</td>" +
                      $"<td><a href=\"/?{Query("unit", g.Unit)}&amp;{Query("year", g.Year?.ToString())}&amp;severity=error\">{g.Errors}</a></td><td>{E(g.Rules)}</td></tr>");
        sb.Append("</table>");

        sb.Append("<h2>按疑点类型</h2>").Append(Bars("chart-rules", o.ByRule, _ => "", link: false));
        sb.Append($"<h2>按单位（疑点最多的 {Math.Min(BarsShown, o.ByUnit.Count)} 个单位，共 {o.ByUnit.Count} 个）</h2>")
          .Append(Bars("chart-units", o.ByUnit.Take(BarsShown).ToList(), t => $"/?{Query("unit", t.Label)}", link: true));
        return Page("总览", sb.ToString());
    }

    private static string Query(string name, string? value) => $"{name}={Uri.EscapeDataString(value ?? "")}";

    // A horizontal bar chart: label, bar scaled to the largest count, the count (and its note as a tooltip).
    private static string Bars(string id, IReadOnlyList<Tally> tallies, Func<Tally, string> href, bool link)
    {
        const int label = 300, width = 420, row = 26;
        var max = Math.Max(1, tallies.Select(t => t.Count).DefaultIfEmpty().Max());
        var sb = new StringBuilder($"<svg id=\"{id}\" class=\"chart\" role=\"img\" width=\"{label + width + 60}\" height=\"{tallies.Count * row + 4}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < tallies.Count; i++)
        {
            var t = tallies[i];
            var y = i * row + 2;
            var w = (t.Count * (double)width / max).ToString("0.#", CultureInfo.InvariantCulture);
            var shown = t.Label.Length > 20 ? "…" + t.Label[^19..] : t.Label; // the end of a long name tells units apart
            var text = $"<text x=\"{label - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{E(shown)}</text>";
            sb.Append($"<g class=\"bar\" data-label=\"{E(t.Label)}\" data-count=\"{t.Count}\"><title>{E(t.Label)}：{t.Count}{(t.Note is null ? "" : "（" + E(t.Note) + "）")}</title>")
              .Append(link ? $"<a href=\"{E(href(t))}\">{text}</a>" : text)
              .Append($"<rect x=\"{label}\" y=\"{y + 3}\" width=\"{w}\" height=\"{row - 8}\" fill=\"#2b4a6f\"/>")
              .Append($"<text x=\"{label + 6}\" dx=\"{w}\" y=\"{y + 17}\">{t.Count}</text></g>");
        }
        return sb.Append("</svg>").ToString();
    }
}
