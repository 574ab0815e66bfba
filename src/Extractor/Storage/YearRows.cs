using Dapper;

namespace Extractor.Storage;

/// <summary>One figure of one unit's report of one year (its first version's first file).</summary>
public sealed record YearFigure(string UnitKey, string? UnitName, int Year, string Key, string Label, decimal? Value, string? Word, string? Unit);

/// <summary>One indicator of one unit's report of one year.</summary>
public sealed record YearIndicator(string UnitKey, string? UnitName, int Year, int Seq, string Name, string? Op,
    decimal? Target, string? TargetUnit, decimal? Actual, string? ActualUnit, decimal? Weight, decimal? Score);

/// <summary>
/// Each unit's reports year by year, for the year-over-year comparison: per unit and year, the report's first
/// version as read from its first file (as 汇总 lists it). A unit is its identity's unit key
/// (<see cref="ReportIdentity.UnitKey"/>); reports whose unit or year was not read are left out.
/// </summary>
public sealed partial class Store
{
    private const string FirstOfYear = """
        WITH rep AS (
            SELECT s.report_id, s.identity, s.unit_name, s.fiscal_year FROM report_summary s
            WHERE s.version = 1 AND s.fiscal_year IS NOT NULL AND s.identity NOT LIKE 'doc:%'
              AND (@prefix IS NULL OR s.identity LIKE @prefix ESCAPE '\'))
        """;

    /// <summary>Every figure of every year of one unit (or of every unit when <paramref name="unitKey"/> is null).</summary>
    public IReadOnlyList<YearFigure> FiguresByYear(string? unitKey = null)
    {
        lock (_lock)
            return _db.Query<FigureByYear>(FirstOfYear + """
                SELECT rep.identity AS Identity, rep.unit_name AS UnitName, rep.fiscal_year AS Year, f.key AS Key, k.label AS Label,
                       f.value AS Value, f.word AS Word, f.unit AS Unit
                FROM rep JOIN figures f ON f.report_id = rep.report_id AND f.statement = 0 LEFT JOIN figure_keys k ON k.key = f.key
                ORDER BY rep.identity, COALESCE(k.ord, 999), f.key
                """, new { prefix = Prefix(unitKey) })
                .Select(r => new YearFigure(UnitKeyOf(r.Identity), r.UnitName, (int)r.Year, r.Key, r.Label ?? r.Key, Number(r.Value), r.Word, r.Unit))
                .ToList();
    }

    /// <summary>Every indicator of every year of one unit (or of every unit).</summary>
    public IReadOnlyList<YearIndicator> IndicatorsByYear(string? unitKey = null)
    {
        lock (_lock)
            return _db.Query<IndicatorByYear>(FirstOfYear + """
                SELECT rep.identity AS Identity, rep.unit_name AS UnitName, rep.fiscal_year AS Year, i.seq AS Seq, i.name AS Name,
                       i.target_op AS Op, i.target_value AS Target, i.target_unit AS TargetUnit, i.actual_value AS Actual,
                       i.actual_unit AS ActualUnit, i.weight AS Weight, i.score AS Score
                FROM rep JOIN indicators i ON i.report_id = rep.report_id
                ORDER BY rep.identity, i.seq
                """, new { prefix = Prefix(unitKey) })
                .Select(r => new YearIndicator(UnitKeyOf(r.Identity), r.UnitName, (int)r.Year, (int)r.Seq, r.Name, r.Op, Number(r.Target), r.TargetUnit,
                    Number(r.Actual), r.ActualUnit, Number(r.Weight), Number(r.Score)))
                .ToList();
    }

    // Numbers come back as the database stores them (SQLite: integer or real; PostgreSQL: numeric).
    private sealed class FigureByYear
    {
        public string Identity { get; set; } = "";
        public string? UnitName { get; set; }
        public long Year { get; set; }
        public string Key { get; set; } = "";
        public string? Label { get; set; }
        public object? Value { get; set; }
        public string? Word { get; set; }
        public string? Unit { get; set; }
    }

    private sealed class IndicatorByYear
    {
        public string Identity { get; set; } = "";
        public string? UnitName { get; set; }
        public long Year { get; set; }
        public long Seq { get; set; }
        public string Name { get; set; } = "";
        public string? Op { get; set; }
        public object? Target { get; set; }
        public string? TargetUnit { get; set; }
        public object? Actual { get; set; }
        public string? ActualUnit { get; set; }
        public object? Weight { get; set; }
        public object? Score { get; set; }
    }

    // identity = "unit key|year".
    private static string UnitKeyOf(string identity) => identity[..identity.LastIndexOf('|')];

    private static string? Prefix(string? unitKey) =>
        unitKey is null ? null : unitKey.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "|%";
}
