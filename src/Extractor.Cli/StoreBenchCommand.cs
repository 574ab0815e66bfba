using System.CommandLine;
using System.Diagnostics;
using Extractor.Generation;
using Extractor.Storage;

namespace Extractor.Cli;

/// <summary>
/// `extractor bench-store --reports N --db STORE`: fills a store (SQLite or PostgreSQL) with N generated reports
/// (ScaleReports: a few hundred through the pipeline, copied as reports of their own) and measures what an audit
/// team waits for: the load, the store's size, and each listing's time and query plan.
/// </summary>
internal static class StoreBenchCommand
{
    public static Command Create()
    {
        var reports = Cli.Int("--reports", "how many reports the store should hold (0: time the store as it is)", 10_000, 0, 10_000_000);
        var models = Cli.Int("--models", "distinct generated reports the copies are made from", 300, 1, 100_000);
        var repeat = Cli.Int("--repeat", "runs of each listing (the median is reported)", 5, 1, 100);
        var copies = Cli.Int("--copies", "then multiply the store in SQL: each report copied as a report of its own (for 10^5 reports)", 1, 1, 1000);
        var plans = new Option<bool>("--plans") { Description = "print each listing's query plan" };
        var db = Cli.Db();
        var cmd = new Command("bench-store", "measure the store at scale: load N generated reports, time the listings") { reports, models, copies, repeat, plans, db };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            var n = parse.GetValue(reports);
            var clock = Stopwatch.StartNew();
            using var store = Store.Open(parse.GetValue(db)!);
            Console.WriteLine($"store opened (and brought to this version) in {clock.Elapsed.TotalSeconds:0.0} s");
            if (n == 0) return Time(store, parse.GetValue(repeat), parse.GetValue(plans));
            clock.Restart();
            var made = ScaleReports.Models(parse.GetValue(models), seed: 1);
            Console.WriteLine($"{made.Count} model reports through the pipeline in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            var run = store.StartRun();
            var saved = 0;
            for (var i = 0; i < n; i++)
            {
                if (store.Save(ScaleReports.Copy(made, i), run, force: false)) saved++;
                if ((i + 1) % 10_000 == 0) Console.WriteLine($"  {i + 1} reports, {clock.Elapsed.TotalSeconds:0} s");
            }
            store.FinishRun(run, n, saved, 0, n - saved);
            var load = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"store: {store.Path}");
            Console.WriteLine($"loaded {saved} new reports ({n} in the store) in {load:0.0} s ({saved / Math.Max(load, 1e-9):0} reports/s); size {store.SizeBytes() / (1024.0 * 1024):0.0} MiB");
            if (parse.GetValue(copies) is > 1 and var k)
            {
                clock.Restart();
                store.Replicate(k);
                Console.WriteLine($"copied to {n * k} reports in SQL in {clock.Elapsed.TotalSeconds:0.0} s; size {store.SizeBytes() / (1024.0 * 1024):0.0} MiB");
            }
            return Time(store, parse.GetValue(repeat), parse.GetValue(plans));
        }));
        return cmd;
    }

    private static int Time(Store store, int repeat, bool plans)
    {
        foreach (var t in store.TimeListings(repeat))
        {
            var server = t.ServerMilliseconds is { } ms ? $" ({ms:0.0} ms executing on the server)" : "";
            Console.WriteLine($"{t.Listing,-34} {t.Rows,8} rows {t.SqlMilliseconds,10:0.0} ms in SQL{server} {t.Milliseconds,10:0.0} ms read into memory");
            if (plans) Console.WriteLine("    " + t.Plan.Replace("\n", "\n    "));
        }
        return 0;
    }
}
