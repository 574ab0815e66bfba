using System.Globalization;
using Dapper;
using Extractor.Analysis;

namespace Extractor.Storage;

/// <summary>
/// COPIED_TEXT across the store: after each run, every report's analysis paragraphs (from its stored blocks)
/// go through the <see cref="CopyFinder"/>, and each pair of reports that share one becomes a warning under the
/// later report (the later year; the copy of an earlier year is the later one's), naming both files, both pages
/// and the shared paragraph. Recomputed whole, like VERSION_CONFLICT, since any new report can pair with any old.
/// </summary>
public sealed partial class Store
{
    private void FindCopies()
    {
        var paragraphs = AnalysisParagraphs();
        var pairs = new CopyFinder().Find(paragraphs);
        using var tx = _db.BeginTransaction();
        _db.Execute("DELETE FROM cross_findings WHERE rule = 'COPIED_TEXT'", transaction: tx);
        foreach (var pair in pairs)
        {
            var (later, earlier) = (pair.First.Year ?? 0) > (pair.Second.Year ?? 0) ? (pair.First, pair.Second) : (pair.Second, pair.First);
            _db.Execute(
                """
                INSERT INTO cross_findings(finding_id, rule, severity, identity, unit_name, fiscal_year, fields, stated, expected, message, page, source_text, files)
                VALUES (@id, 'COPIED_TEXT', 'warning', @identity, @unit, @year, '[]', NULL, NULL, @message, @page, @text, @files)
                ON CONFLICT (finding_id) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, identity = excluded.identity,
                    unit_name = excluded.unit_name, fiscal_year = excluded.fiscal_year, fields = excluded.fields, stated = excluded.stated,
                    expected = excluded.expected, message = excluded.message, page = excluded.page, source_text = excluded.source_text, files = excluded.files
                """,
                new
                {
                    id = ReportIdentity.FindingId(later.Identity, "COPIED_TEXT", [earlier.Identity], null), identity = later.Identity,
                    unit = later.UnitNames.FirstOrDefault(), year = later.Year,
                    message = $"分析段落与{earlier.UnitNames.FirstOrDefault() ?? "另一单位"}{(earlier.Year is { } y ? $"{y}年度" : "")}报告" +
                              $"（{System.IO.Path.GetFileName(earlier.Path)}第{earlier.Page}页）的段落雷同，相似度{pair.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}：" +
                              $"“{Excerpt(later.Text)}”",
                    page = later.Page, text = later.Text,
                    files = $"{later.Path}#{later.Page}\n{earlier.Path}#{earlier.Page}",
                }, tx);
        }
        tx.Commit();
    }

    private static string Excerpt(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private List<AnalysisParagraph> AnalysisParagraphs()
    {
        var rows = _db.Query<(long Doc, string Identity, string? Unit, long? Year, string Path, long Page, string Content)>(
            """
            SELECT d.id, r.identity, r.unit_name, r.fiscal_year, d.path, b.page, b.content
            FROM reports r JOIN documents d ON d.id = r.document_id JOIN blocks b ON b.document_id = d.id AND b.kind = 'paragraph'
            ORDER BY d.id, b.seq
            """);
        var list = new List<AnalysisParagraph>();
        foreach (var doc in rows.GroupBy(r => (r.Doc, r.Identity, r.Unit, r.Year, r.Path)))
        {
            var (_, identity, unit, year, path) = doc.Key;
            var names = UnitNames(unit);
            var unitKey = identity.StartsWith("doc:", StringComparison.Ordinal) ? identity : identity[..identity.LastIndexOf('|')];
            foreach (var (page, text) in NarrativeParagraphs.Select(doc.Select(r => ((int)r.Page, r.Content))))
                list.Add(new AnalysisParagraph(identity, unitKey, (int?)year, path, page, text, names));
        }
        return list;
    }

    // The names a report may call itself by: as written, normalised, and the part after a bracketed parent.
    private static string[] UnitNames(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return [];
        var key = ReportIdentity.UnitKey(unit);
        var cut = key.LastIndexOfAny(['）', ')']);
        return new[] { unit, key, cut >= 0 ? key[(cut + 1)..] : key }.Where(n => n.Length > 0).Distinct().ToArray();
    }
}
