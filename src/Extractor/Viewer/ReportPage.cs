using System.Text;
using Extractor.Storage;
using Extractor.Validation;
using static Extractor.Viewer.Html;

namespace Extractor.Viewer;

/// <summary>`/report/{id}`: everything one report states — figures, indicators, projects — and its findings, each linked to its place.</summary>
internal static class ReportPage
{
    public static string Render(ReportDetail detail)
    {
        var r = detail.Report;
        var doc = r.Document.Id;
        string Place(int? page, string query) => page is { } p ? $"<a href=\"/document/{doc}/page/{p}{query}\">第 {p} 页</a>" : "—";
        var sb = new StringBuilder($"<p>文件：{E(r.Document.Path)}（{E(r.Document.Format)}，{r.Document.Pages} 页） · 填报日期：{E(r.FilledDate ?? "—")}</p>");

        sb.Append($"<h2>疑点（{detail.Findings.Count}）</h2><table id=\"report-findings\"><tr><th>疑点编号</th><th>疑点类型</th><th>核查状态</th><th>说明</th></tr>");
        foreach (var f in detail.Findings)
            sb.Append($"<tr><td><a href=\"/finding/{Uri.EscapeDataString(f.Id)}\">{E(f.Id)}</a></td><td>{E(RuleNames.Of(f.Rule))}</td><td>{E(RuleNames.StatusName(f.Status))}</td><td>{E(f.Message)}</td></tr>");
        sb.Append("</table>");

        sb.Append($"<h2>数字（{detail.Figures.Count}）</h2><table id=\"figures\"><tr><th>数据项</th><th>键</th><th>数值</th><th>原文</th><th>位置</th></tr>");
        foreach (var f in detail.Figures)
            sb.Append($"<tr><td>{E(f.Label)}</td><td>{E(f.Key)}</td><td>{Num(f.Value)}{E(f.Unit)}</td><td>{E(f.Text)}</td>" +
                      $"<td>{Place(f.Page, $"?figure={Uri.EscapeDataString(f.Key)}")}</td></tr>");
        sb.Append("</table>");

        sb.Append($"<h2>绩效指标（{detail.Indicators.Count}）</h2><table id=\"indicators\"><tr><th>序号</th><th>指标</th><th>目标值</th><th>实际值</th><th>完成率</th><th>权重</th><th>得分</th><th>位置</th></tr>");
        foreach (var i in detail.Indicators)
            sb.Append($"<tr><td>{i.Seq}</td><td>{E(i.Name)}</td><td>{E(i.TargetOp)}{Num(i.Target)}{E(i.TargetUnit)}</td><td>{Num(i.Actual)}{E(i.ActualUnit)}</td>" +
                      $"<td>{Num(i.CompletionRate)}</td><td>{Num(i.Weight)}</td><td>{Num(i.Score)}</td><td>{Place(i.Page, $"?indicator={i.Seq}")}</td></tr>");
        sb.Append("</table>");

        sb.Append($"<h2>项目（{detail.Projects.Count}）</h2><table id=\"projects\"><tr><th>项目</th><th>预算</th><th>实际支出</th><th>位置</th></tr>");
        foreach (var p in detail.Projects)
            sb.Append($"<tr><td>{E(p.Name)}</td><td>{Num(p.Budget)}</td><td>{Num(p.Actual)}</td><td>{Place(p.Page, "")}</td></tr>");
        sb.Append("</table>");
        return Page($"{r.UnitName ?? "（未识别单位）"} {r.Year} 年度报告", sb.ToString());
    }
}
