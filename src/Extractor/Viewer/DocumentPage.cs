using System.Text;
using Extractor.Storage;
using static Extractor.Viewer.Html;

namespace Extractor.Viewer;

/// <summary>
/// `/document/{doc}/page/{n}?figure=KEY` (or `?indicator=SEQ`): one page of a stored document with the named
/// figure's statements on that page highlighted — a box over the PDF page image, or a mark in the page's text.
/// </summary>
internal static class DocumentPage
{
    public static string? Render(Store store, PageImages images, long documentId, int page, string? figure, int? indicator)
    {
        if (store.Document(documentId) is not { } doc || page < 1 || page > Math.Max(1, doc.Pages)) return null;
        var report = store.ReportEntries().FirstOrDefault(r => r.Document.Id == doc.Id);
        var detail = report is null ? null : store.ReportDetail(report.Id);
        var highlights = new List<Highlight>();
        if (detail is not null && figure is not null)
            highlights.AddRange(detail.Figures.Where(f => f.Key == figure && (f.Page ?? 1) == page).Select(SourceView.Of));
        if (detail?.Indicators.FirstOrDefault(i => i.Seq == indicator) is { } ind)
            highlights.AddRange(IndicatorParts(ind, page, doc.Format == "pdf"));

        var sb = new StringBuilder();
        if (report is not null) sb.Append($"<p><a href=\"/report/{report.Id}\">返回报告</a></p>");
        sb.Append("<p>");
        if (page > 1) sb.Append($"<a href=\"/document/{doc.Id}/page/{page - 1}\">上一页</a> ");
        if (page < doc.Pages) sb.Append($"<a href=\"/document/{doc.Id}/page/{page + 1}\">下一页</a>");
        sb.Append("</p>");
        if ((figure is not null || indicator is not null) && highlights.Count == 0) sb.Append("<p class=\"warn\">此页没有所选数字的记录</p>");
        if (doc.Format == "pdf")
            sb.Append(images.Check(doc) is not SourceState.Ok and var state ? $"<p class=\"warn\">{E(PageImages.Explain(state, doc))}</p>"
                : SourceView.PdfPage(doc, page, store.PageSize(doc.Id, page), highlights));
        else sb.Append(SourceView.TextPage(store.Blocks(doc.Id), page, highlights));
        return Page($"{Path.GetFileName(doc.Path)} 第 {page} 页", sb.ToString());
    }

    // A PDF indicator is highlighted part by part (target, actual, rate, score); in a text its name is marked in its paragraph.
    private static IEnumerable<Highlight> IndicatorParts(PlacedIndicator ind, int page, bool pdf)
    {
        var key = $"indicator.{ind.Seq}";
        if (pdf)
            return ind.Places.Where(p => p.Value.Page == page).Select(p =>
                new Highlight($"{key}.{p.Key}", $"指标“{ind.Name}”{p.Key}", new EvidenceItem(key, ind.Name, ind.Name, page, p.Value.Box, ind.Paragraph, null, null)));
        return (ind.Page ?? 1) == page ? [new Highlight(key, $"指标“{ind.Name}”", new EvidenceItem(key, ind.Name, ind.Name, page, null, ind.Paragraph, null, null))] : [];
    }
}
