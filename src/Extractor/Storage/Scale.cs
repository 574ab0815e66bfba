using System.Diagnostics;
using Dapper;
using Extractor.Exports;

namespace Extractor.Storage;

/// <summary>How long one listing took (the median of several runs, rows read to the end) and its query plan.</summary>
public sealed record ListingTime(string Listing, int Rows, double Milliseconds, string Plan);

/// <summary>The store measured at scale: its size, and the time and plan of the listings auditors wait for.</summary>
public sealed partial class Store
{
    public long SizeBytes()
    {
        lock (_lock) return _dialect.Size(_db);
    }

    /// <summary>The 疑点清单, 汇总, figures and page search over the whole store and narrowed to one unit, each timed.</summary>
    public IReadOnlyList<ListingTime> TimeListings(int repeat)
    {
        string unit;
        lock (_lock) unit = _db.ExecuteScalar<string?>("SELECT unit_name FROM reports WHERE unit_name IS NOT NULL ORDER BY id LIMIT 1") ?? "";
        IReadOnlyList<string> keys = [Extraction.Keys.BudgetInitial, Extraction.Keys.Adjusted, Extraction.Keys.Actual, Extraction.Keys.ExecutionRate,
            Extraction.Keys.TotalScore, Extraction.Keys.Grade];
        var figures = FigureColumnsQuery(keys, null, null);
        var oneUnit = FigureColumnsQuery(keys, null, unit);
        var search = _dialect.Search("SELECT r.unit_name, r.fiscal_year, d.path, p.page, ", "预算调整率");
        (string Name, string Sql, object? Args)[] listings =
        [
            ("figures: every report", figures.Sql, figures.Args),
            ("figures: one unit", oneUnit.Sql, oneUnit.Args),
            ("疑点清单: every finding", FindingsSql, new FindingFilter()),
            ("疑点清单: one unit", FindingsSql, new FindingFilter(Unit: unit)),
            ("疑点清单: one rule", FindingsSql, new FindingFilter(Rule: "BUDGET_ADJUSTMENT_RATE")),
            ("汇总: every report", SummarySql, null),
            ("search: 预算调整率 (first 500)", search.Sql + " ORDER BY r.unit_name NULLS FIRST, d.path, p.page LIMIT 500", search.Args),
        ];
        return listings.Select(l =>
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < repeat; i++)
            {
                var clock = Stopwatch.StartNew();
                rows = Table(l.Sql, l.Args).Rows.Count;
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return new ListingTime(l.Name, rows, times.Order().ElementAt(times.Count / 2), Plan(l.Sql, l.Args));
        }).ToList();
    }

    private string Plan(string sql, object? args)
    {
        var plan = Table(_dialect.Explain + sql, args);
        return string.Join("\n", plan.Rows.Select(r => Tabular.Text(r[^1])));
    }
}
