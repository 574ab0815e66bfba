using System.Text;
using Extractor.Storage;
using Extractor.Validation;
using static Extractor.Viewer.Html;

namespace Extractor.Viewer;

/// <summary>
/// `/finding/{id}`: the finding (what it says, 填报值, 复算值, 差额, rule), its review with the form that
/// records a new one, and for each file of the report each figure it names where it stands: the PDF page
/// with the figure's box, or the paragraph or table with the number marked.
/// </summary>
internal static class FindingPage
{
    public static string Render(Store store, PageImages images, FindingDetail detail, (string Field, string Token) antiforgery)
    {
        var f = detail.Finding;
        var sb = new StringBuilder("<dl class=\"finding\">");
        sb.Append($"<dt>疑点类型</dt><dd>{E(RuleNames.Of(f.Rule))}（{E(f.Rule)}）</dd>");
        sb.Append($"<dt>严重程度</dt><dd>{E(RuleNames.SeverityName(f.Severity))}</dd>");
        sb.Append($"<dt>单位 · 年度</dt><dd>{E(f.UnitName ?? "（未识别）")} · {f.Year}</dd>");
        sb.Append($"<dt>说明</dt><dd id=\"message\">{E(f.Message)}</dd>");
        sb.Append($"<dt>填报值</dt><dd id=\"stated\">{E(f.Stated ?? "—")}</dd>");
        sb.Append($"<dt>复算值</dt><dd id=\"expected\">{E(f.Expected ?? "—")}</dd>");
        sb.Append($"<dt>差额</dt><dd id=\"difference\">{Num(f.Difference)}</dd>");
        sb.Append("</dl>");
        sb.Append(Review(f, antiforgery));

        foreach (var source in detail.Sources)
        {
            var doc = source.Document;
            sb.Append($"<section class=\"source\" data-document=\"{doc.Id}\"><h2>文件：{E(doc.Path)}（{E(doc.Format)}）</h2>");
            sb.Append($"<p><a href=\"/report/{source.ReportId}\">本报告的全部数字、指标和疑点</a></p>");
            if (source.Evidence.Count == 0) sb.Append("<p>（此疑点未记录来源数字）</p>");
            var figures = source.Evidence.Select(SourceView.Of).ToList();
            if (doc.Format == "pdf") sb.Append(PdfEvidence(store, images, doc, figures));
            var blocks = store.Blocks(doc.Id);
            foreach (var h in figures)
            {
                sb.Append($"<h3>{E(h.Label)}（{E(h.Key)}）：{Num(h.Evidence.Value)}{E(h.Evidence.Unit)} · 第 {h.Evidence.Page} 页");
                sb.Append($" · <a href=\"/document/{doc.Id}/page/{h.Evidence.Page}?figure={Uri.EscapeDataString(h.Key)}\">在页面中查看</a></h3>");
                // The PDF's passage text is shown too, but its number stays unmarked: there the box on the page is the highlight.
                sb.Append(doc.Format == "pdf" ? $"<p class=\"passage\">{E(h.Evidence.Text)}</p>" : SourceView.Passage(blocks, h));
            }
            sb.Append("</section>");
        }
        return Page($"疑点 {f.Id}", sb.ToString());
    }

    private static string PdfEvidence(Store store, PageImages images, StoredDocument doc, IReadOnlyList<Highlight> figures)
    {
        if (images.Check(doc) is not SourceState.Ok and var state) return $"<p class=\"warn\">{E(PageImages.Explain(state, doc))}</p>";
        if (PageImages.Pdftoppm is null) return "<p class=\"warn\">未安装 pdftoppm（poppler-utils），无法显示页面图像</p>";
        return string.Concat(figures.GroupBy(h => h.Evidence.Page).OrderBy(g => g.Key)
            .Select(g => SourceView.PdfPage(doc, g.Key, store.PageSize(doc.Id, g.Key), g)));
    }

    private static string Review(Finding f, (string Field, string Token) antiforgery)
    {
        var sb = new StringBuilder("<section class=\"review\"><h2>核查</h2>");
        sb.Append($"<p>当前核查状态：<b id=\"status\">{E(RuleNames.StatusName(f.Status))}</b>");
        if (f.Reviewer is not null) sb.Append($"（{E(f.Reviewer)}，{E(f.ReviewedAt)}）");
        sb.Append("</p>");
        if (f.Note is not null) sb.Append($"<p>核查意见：<span id=\"note\">{E(f.Note)}</span></p>");
        sb.Append($"<form method=\"post\" action=\"/finding/{Uri.EscapeDataString(f.Id)}/review\">");
        sb.Append($"<input type=\"hidden\" name=\"{E(antiforgery.Field)}\" value=\"{E(antiforgery.Token)}\">");
        sb.Append($"<label>核查意见<textarea name=\"note\" id=\"note-input\">{E(f.Note)}</textarea></label>");
        sb.Append("<button type=\"submit\" name=\"status\" value=\"confirmed\" id=\"confirm\">已确认</button>");
        sb.Append("<button type=\"submit\" name=\"status\" value=\"dismissed\" id=\"dismiss\">已排除</button>");
        sb.Append("<button type=\"submit\" name=\"status\" value=\"open\" id=\"reopen\">待核实</button>");
        return sb.Append("</form></section>").ToString();
    }
}
