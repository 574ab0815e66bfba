using Dapper;
using System.Data.Common;

namespace Extractor.Storage;

/// <summary>
/// The listings auditors open — 汇总 and figure columns (one row per report version), the 疑点清单 (one row per
/// finding of a report's files) — kept as tables (report_summary, finding_list) so that each reads in one pass
/// at 10^5 reports instead of a dozen lookups per row. They are derived rows: refreshed for a document's identity
/// when it is saved (and for the identity it replaced), and all of them after each run, when versions are
/// renumbered and findings across reports recomputed. Reviews are never copied in: the listings join them. A full
/// refresh writes the summary in listing order, so that reading it by its index reads the table front to back.
/// </summary>
public sealed partial class Store
{
    /// <summary>Recomputes the listing rows of <paramref name="identities"/> (null: of the whole store) inside <paramref name="tx"/>.</summary>
    private static void RefreshListings(DbConnection db, DbTransaction tx, IStoreDialect dialect, IReadOnlyCollection<string>? identities)
    {
        if (identities is { Count: 0 }) return;
        var only = identities is null ? "" : "WHERE " + dialect.InList("identity", "identities");
        var onlyReports = identities is null ? "" : "WHERE " + dialect.InList("r.identity", "identities");
        var args = new { identities = identities?.ToArray() };
        db.Execute($"DELETE FROM report_summary {only}", args, tx, commandTimeout: 3600);
        db.Execute($"DELETE FROM finding_list {only}", args, tx, commandTimeout: 3600);
        // Upserts: on a shared server another process may have written the same rows since the deletes.
        db.Execute($"""
            WITH rep AS (
                SELECT r.identity, r.version, r.id AS report_id FROM reports r {onlyReports}
                {(identities is null ? "WHERE" : "AND")} NOT EXISTS (SELECT 1 FROM reports o WHERE o.identity = r.identity AND o.version = r.version AND o.id < r.id))
            INSERT INTO report_summary(identity, version, report_id, unit_name, fiscal_year, files, {string.Join(", ", Headline.Values)}, errors, warnings, skipped)
            SELECT rep.identity, rep.version, r.id, r.unit_name, r.fiscal_year,
                   (SELECT {dialect.Lines("d.path", "d.id")} FROM reports o JOIN documents d ON d.id = o.document_id
                    WHERE o.identity = rep.identity AND o.version = rep.version),
                   {string.Join(", ", Headline.Keys.Select(key => $"(SELECT {FigureColumn(key)} FROM figures WHERE report_id = r.id AND key = '{key}' AND statement = 0)"))},
                   {Findings("error")}, {Findings("warning")},
                   (SELECT COUNT(*) FROM checks_skipped s WHERE s.report_id = r.id)
            FROM rep JOIN reports r ON r.id = rep.report_id
            WHERE true
            {(identities is null ? "ORDER BY r.unit_name NULLS FIRST, r.fiscal_year NULLS FIRST, rep.version" : "")}
            ON CONFLICT (identity, version) DO UPDATE SET report_id = excluded.report_id, unit_name = excluded.unit_name,
                fiscal_year = excluded.fiscal_year, files = excluded.files, {string.Join(", ", Headline.Values.Select(c => $"{c} = excluded.{c}"))},
                errors = excluded.errors, warnings = excluded.warnings, skipped = excluded.skipped
            """, args, tx, commandTimeout: 3600);
        // A finding is listed once, with the first file's row (unit, year) and every file it was found in.
        db.Execute($"""
            WITH doc AS (
                SELECT x.finding_id, r.identity, x.rule, x.severity, x.message, x.stated, x.expected, x.page, x.source_text, x.indicator,
                       r.unit_name, r.fiscal_year, ROW_NUMBER() OVER (PARTITION BY x.finding_id ORDER BY d.id) AS n
                FROM discrepancies x JOIN reports r ON r.id = x.report_id JOIN documents d ON d.id = r.document_id {onlyReports})
            INSERT INTO finding_list(finding_id, identity, rule, severity, message, stated, expected, page, source_text, indicator, unit_name, fiscal_year, files)
            SELECT doc.finding_id, identity, rule, severity, message, stated, expected, page, source_text, indicator, unit_name, fiscal_year,
                   (SELECT {dialect.Lines("f.path || '#' || COALESCE(CAST(f.page AS TEXT), '')", "f.path, f.page")}
                    FROM (SELECT DISTINCT d2.path, x2.page FROM discrepancies x2 JOIN reports r2 ON r2.id = x2.report_id
                          JOIN documents d2 ON d2.id = r2.document_id WHERE x2.finding_id = doc.finding_id ORDER BY d2.path) AS f)
            FROM doc WHERE n = 1
            ON CONFLICT (finding_id) DO UPDATE SET identity = excluded.identity, rule = excluded.rule, severity = excluded.severity,
                message = excluded.message, stated = excluded.stated, expected = excluded.expected, page = excluded.page,
                source_text = excluded.source_text, indicator = excluded.indicator, unit_name = excluded.unit_name,
                fiscal_year = excluded.fiscal_year, files = excluded.files
            """, args, tx, commandTimeout: 3600);
        if (identities is null) dialect.AfterRewrite(db, tx, "report_summary", "finding_list");
    }

    /// <summary>The headline figures kept in report_summary (the figure listing's default columns), by key: its column there.</summary>
    private static readonly IReadOnlyDictionary<string, string> Headline = new Dictionary<string, string>
    {
        [Extraction.Keys.BudgetInitial] = "budget_initial", [Extraction.Keys.Adjusted] = "budget_adjusted", [Extraction.Keys.Actual] = "budget_actual",
        [Extraction.Keys.ExecutionRate] = "execution_rate", [Extraction.Keys.TotalScore] = "total_score", [Extraction.Keys.Grade] = "grade",
    };

    // A word key (评价结果) is read from its word, every other key from its number: one type per column on every database.
    private static string FigureColumn(string key) => Extraction.Keys.KindOf(key) == Extraction.KeyKind.Word ? "word" : "value";

    // The findings of one severity of the report version rep: its files' (each finding once) and, for the first
    // version, those across reports.
    private static string Findings(string severity) => $"""
        ((SELECT COUNT(DISTINCT x.finding_id) FROM reports o JOIN discrepancies x ON x.report_id = o.id
          WHERE o.identity = rep.identity AND o.version = rep.version AND x.severity = '{severity}')
         + (SELECT COUNT(*) FROM cross_findings c WHERE c.identity = rep.identity AND rep.version = 1 AND c.severity = '{severity}'))
        """;

    /// <summary>Every listing row again, after a run renumbered versions and recomputed the findings across reports;
    /// serialised like those, and mending rows a concurrent save computed without the other process's files.</summary>
    private void RefreshAllListings()
    {
        using var tx = _db.BeginTransaction();
        _dialect.Serialize(_db, tx);
        RefreshListings(_db, tx, _dialect, null);
        tx.Commit();
    }
}
