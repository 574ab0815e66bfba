using Dapper;

namespace Extractor.Storage;

/// <summary>One unit as the store knows it: its name key, the names its files wrote (most written first), and its years with their files.</summary>
public sealed record StoredUnit(string Key, IReadOnlyList<string> Names, IReadOnlyList<(int Year, IReadOnlyList<string> Files)> Years);

/// <summary>
/// Units across years and renditions, by today's identity (<see cref="ReportIdentity.UnitKey"/>: NFKC, no spaces,
/// no seal note). Reports whose unit or year was not read are not listed.
/// </summary>
public sealed partial class Store
{
    public IReadOnlyList<StoredUnit> Units()
    {
        lock (_lock)
        {
            var rows = _db.Query<(string Identity, string? Unit, long Year, string Path)>(
                """
                SELECT r.identity, r.unit_name, r.fiscal_year, d.path FROM reports r JOIN documents d ON d.id = r.document_id
                WHERE r.identity NOT LIKE 'doc:%' AND r.fiscal_year IS NOT NULL ORDER BY r.identity, d.path
                """).ToList();
            return rows.GroupBy(r => r.Identity[..r.Identity.LastIndexOf('|')], StringComparer.Ordinal)
                .Select(u => new StoredUnit(u.Key,
                    u.Select(r => r.Unit ?? "").Where(n => n.Length > 0).GroupBy(n => n)
                        .OrderByDescending(n => n.Count()).ThenBy(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key).ToList(),
                    u.GroupBy(r => (int)r.Year).OrderBy(y => y.Key)
                        .Select(y => (y.Key, (IReadOnlyList<string>)y.Select(r => r.Path).ToList())).ToList()))
                .OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        }
    }
}
