using System.Globalization;
using System.Text.Json;
using Dapper;
using Extractor.Extraction;

namespace Extractor.Storage;

/// <summary>
/// Renditions and versions of one report. Files of one identity (unit and year) whose figures agree — no
/// figure stated in both with different values — are renditions of one version; a file that disagrees with
/// every version so far starts a new one, and VERSION_CONFLICT names each differing figure with both values
/// and both files. A figure one file states and another does not is no conflict (it may not have been read).
/// </summary>
public sealed partial class Store
{
    private sealed record Member(long ReportId, string Path, string? Unit, int? Year, Dictionary<string, (decimal? Value, string? Word, int? Page)> Figures);

    private void Reconcile()
    {
        using var tx = _db.BeginTransaction();
        _dialect.Serialize(_db, tx); // two ingests finishing at once on a server would otherwise number versions twice
        _db.Execute("DELETE FROM cross_findings WHERE rule = 'VERSION_CONFLICT'", transaction: tx);
        var shared = _db.Query<string>(
            "SELECT identity FROM reports WHERE identity NOT LIKE 'doc:%' GROUP BY identity HAVING COUNT(*) > 1", transaction: tx).ToList();
        _db.Execute("UPDATE reports SET version = 1 WHERE version <> 1", transaction: tx);
        foreach (var identity in shared)
        {
            var members = Members(identity, tx);
            var versions = new List<List<Member>>();
            foreach (var m in members)
            {
                var home = versions.FirstOrDefault(v => Differences(v[0], m).Count == 0);
                if (home is null) versions.Add([m]); else home.Add(m);
            }
            for (var v = 1; v < versions.Count; v++)
            {
                _db.Execute($"UPDATE reports SET version = @n WHERE {_dialect.InList("id", "ids")}", new { n = v + 1, ids = versions[v].Select(m => m.ReportId).ToArray() }, tx);
                Conflict(identity, versions[0][0], versions[v][0], v + 1, tx);
            }
        }
        tx.Commit();
    }

    private List<Member> Members(string identity, System.Data.Common.DbTransaction tx)
    {
        var rows = _db.Query<(long Report, string Path, string? Unit, long? Year, string? Key, object? Value, string? Word, long? Page)>(
            """
            SELECT r.id, d.path, r.unit_name, r.fiscal_year, f.key, f.value, f.word, f.page
            FROM reports r JOIN documents d ON d.id = r.document_id
            LEFT JOIN figures f ON f.report_id = r.id AND f.statement = 0
            WHERE r.identity = @identity ORDER BY d.id, f.key
            """, new { identity }, tx);
        return rows.GroupBy(x => (x.Report, x.Path, x.Unit, x.Year))
            .Select(g => new Member(g.Key.Report, g.Key.Path, g.Key.Unit, (int?)g.Key.Year,
                g.Where(x => x.Key is not null).ToDictionary(x => x.Key!, x => (Number(x.Value), x.Word, (int?)x.Page))))
            .ToList();
    }

    // SQLite gives an integral NUMERIC back as an integer, others as a real.
    internal static decimal? Number(object? v) => v is null or DBNull ? null : Math.Round(Convert.ToDecimal(v, CultureInfo.InvariantCulture), 6);

    private static List<string> Differences(Member a, Member b) =>
        a.Figures.Keys.Intersect(b.Figures.Keys)
            .Where(k => a.Figures[k].Value != b.Figures[k].Value || a.Figures[k].Word != b.Figures[k].Word)
            .Order(StringComparer.Ordinal).ToList();

    private void Conflict(string identity, Member first, Member other, int version, System.Data.Common.DbTransaction tx)
    {
        var keys = Differences(first, other);
        string Show(Member m, string k) => m.Figures[k].Word ?? m.Figures[k].Value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
        var parts = keys.Select(k => $"{Keys.Label(k)}：{System.IO.Path.GetFileName(first.Path)} 为{Show(first, k)}，{System.IO.Path.GetFileName(other.Path)}（版本{version}）为{Show(other, k)}");
        var single = keys.Count == 1;
        _db.Execute(
            """
            INSERT INTO cross_findings(finding_id, rule, severity, identity, unit_name, fiscal_year, fields, stated, expected, message, page, source_text, files)
            VALUES (@id, 'VERSION_CONFLICT', 'error', @identity, @unit, @year, @fields, @stated, @expected, @message, @page, NULL, @files)
            ON CONFLICT (finding_id) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, identity = excluded.identity,
                unit_name = excluded.unit_name, fiscal_year = excluded.fiscal_year, fields = excluded.fields, stated = excluded.stated,
                expected = excluded.expected, message = excluded.message, page = excluded.page, source_text = excluded.source_text, files = excluded.files
            """,
            new
            {
                id = ReportIdentity.FindingId(identity, "VERSION_CONFLICT", keys, version), identity, unit = first.Unit, year = first.Year,
                fields = JsonSerializer.Serialize(keys),
                stated = single ? Show(other, keys[0]) : null, expected = single ? Show(first, keys[0]) : null,
                message = $"同一单位同一年度的报告有不同版本，{keys.Count}项数据不一致：" + string.Join("；", parts),
                page = other.Figures[keys[0]].Page,
                files = string.Join("\n", new[] { (first.Path, first.Figures[keys[0]].Page), (other.Path, other.Figures[keys[0]].Page) }.Select(p => $"{p.Item1}#{p.Item2}")),
            }, tx);
    }
}
