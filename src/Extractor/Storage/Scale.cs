using System.Diagnostics;
using Dapper;
using Extractor.Exports;

namespace Extractor.Storage;

/// <summary>How long one listing took (the median of several runs) in SQL — executed and stepped to its last row, on a
/// server with the rows sent to the client — and read into memory as a table (every value fetched and boxed, as the
/// exports do), and its query plan.</summary>
public sealed record ListingTime(string Listing, int Rows, double SqlMilliseconds, double Milliseconds, string Plan)
{
    /// <summary>On a server: the execution time it reports itself (EXPLAIN ANALYZE), without sending the rows.</summary>
    public double? ServerMilliseconds { get; init; }
}

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
        // A unit with findings, so that the narrowed 疑点清单 has rows to find.
        lock (_lock)
            unit = _db.ExecuteScalar<string?>("SELECT r.unit_name FROM discrepancies x JOIN reports r ON r.id = x.report_id WHERE r.unit_name IS NOT NULL ORDER BY x.id LIMIT 1")
                   ?? _db.ExecuteScalar<string?>("SELECT unit_name FROM reports WHERE unit_name IS NOT NULL ORDER BY id LIMIT 1") ?? "";
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
            var (sql, read, server) = (new List<double>(), new List<double>(), new List<double>());
            var rows = 0;
            for (var i = 0; i < repeat; i++)
            {
                var clock = Stopwatch.StartNew();
                rows = Step(l.Sql, l.Args);
                sql.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                Table(l.Sql, l.Args);
                read.Add(clock.Elapsed.TotalMilliseconds);
                if (ServerTime(l.Sql, l.Args) is { } ms) server.Add(ms);
            }
            static double Median(List<double> t) => t.Order().ElementAt(t.Count / 2);
            return new ListingTime(l.Name, rows, Median(sql), Median(read), Plan(l.Sql, l.Args))
            {
                ServerMilliseconds = server.Count > 0 ? Median(server) : null,
            };
        }).ToList();
    }

    // Tables copied by Replicate, parents first, and which of their columns name a parent row or must stay unique.
    private static readonly string[] Copied = ["documents", "reports", "figures", "indicators", "projects", "discrepancies", "checks_skipped", "unread", "pages", "blocks", "page_text"];
    private static readonly string[] Renamed = ["path", "sha256", "unit_name", "identity", "finding_id", "fingerprint"];

    /// <summary>
    /// Multiplies what the store holds by <paramref name="times"/>, in SQL: copy k of every document, report and
    /// their rows gets ids shifted past the originals and its own path, hash, unit name, identity and finding ids
    /// (suffix -k), so it is a report of its own. For scale measurements at 10^5 reports, where saving each
    /// generated report through the pipeline would take hours on a small machine.
    /// </summary>
    public void Replicate(int times)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var top = Copied.Where(t => t is "documents" or "reports" or "figures" or "indicators" or "projects" or "discrepancies" or "checks_skipped" or "unread" or "blocks")
                .ToDictionary(t => t, t => _db.ExecuteScalar<long?>($"SELECT MAX(id) FROM {t}", transaction: tx) ?? 0);
            for (var k = 1; k < times; k++)
                foreach (var table in Copied)
                {
                    var columns = _dialect.Columns(_db, tx, table);
                    string Value(string c) => c switch
                    {
                        "id" => $"id + {k * top[table]}",
                        "document_id" => $"document_id + {k * top["documents"]}",
                        "report_id" => $"report_id + {k * top["reports"]}",
                        _ when Renamed.Contains(c) => $"{c} || '-{k}'",
                        _ => c,
                    };
                    var limit = top.TryGetValue(table, out var max) ? $"WHERE id <= {max}"
                        : $"WHERE document_id <= {top["documents"]}";
                    _db.Execute($"INSERT INTO {table}({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(Value))} FROM {table} {limit}",
                        transaction: tx, commandTimeout: 3600);
                }
            _dialect.AfterBulkInsert(_db, tx, Copied);
            RefreshListings(_db, tx, _dialect, null);
            tx.Commit();
        }
    }

    // The query run to its last row without fetching the values.
    private int Step(string sql, object? args)
    {
        lock (_lock)
        {
            using var reader = _db.ExecuteReader(sql, args);
            var rows = 0;
            while (reader.Read()) rows++;
            return rows;
        }
    }

    private double? ServerTime(string sql, object? args)
    {
        if (_dialect.ExplainAnalyze is not { } explain) return null;
        var line = Table(explain + sql, args).Rows.Select(r => Tabular.Text(r[^1]) ?? "").LastOrDefault(t => t.StartsWith("Execution Time:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Plan(string sql, object? args)
    {
        var plan = Table(_dialect.Explain + sql, args);
        return string.Join("\n", plan.Rows.Select(r => Tabular.Text(r[^1])));
    }
}
