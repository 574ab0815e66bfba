using System.CommandLine;
using System.Diagnostics;
using Extractor.Analysis;
using Extractor.Generation;
using Extractor.Storage;

namespace Extractor.Cli;

/// <summary>
/// `extractor bench-copies --reports N [--seed S]`: the COPIED_TEXT candidate search (shingles, boilerplate counts,
/// MinHash, LSH, exact check) over N generated reports' paragraph sets (a template paragraph and two of their own
/// each, N/2 units over two years, with planned copies). Reports the time, the managed heap and the peak working
/// set, and how many planned copies were found and how many other pairs were flagged.
/// </summary>
internal static class BenchCopiesCommand
{
    public static Command Create()
    {
        var reports = Cli.Int("--reports", "generated reports (paragraph sets) to search", 10_000, 2, 10_000_000);
        var seed = Cli.Int("--seed", "random seed (the same seed, the same reports)", 1, int.MinValue, int.MaxValue);
        var cmd = new Command("bench-copies", "measure the COPIED_TEXT candidate search on generated reports") { reports, seed };
        cmd.SetAction(parse =>
        {
            var n = parse.GetValue(reports);
            var generate = Stopwatch.StartNew();
            var set = new MultiYearSet(units: Math.Max(1, n / 2), years: 2, parse.GetValue(seed));
            var paragraphs = set.Reports.SelectMany((r, i) => r.Analysis.Select(text =>
                new AnalysisParagraph($"{ReportIdentity.UnitKey(r.Unit)}|{r.Year}", ReportIdentity.UnitKey(r.Unit), r.Year, $"gen-{i:D7}", 3, text, [r.Unit]))).ToList();
            Console.WriteLine($"{set.Reports.Count} reports, {paragraphs.Count} paragraphs, {set.Copies.Count} planned copies (generated in {generate.Elapsed.TotalSeconds:0.0} s)");

            GC.Collect();
            var before = GC.GetTotalMemory(true);
            var sw = Stopwatch.StartNew();
            var found = new CopyFinder().Find(paragraphs);
            var seconds = sw.Elapsed.TotalSeconds;
            var heap = GC.GetTotalMemory(false) - before;

            var planned = set.Copies.Select(c => Key($"{ReportIdentity.UnitKey(c.FromUnit)}|{c.FromYear}", $"{ReportIdentity.UnitKey(c.ToUnit)}|{c.ToYear}")).ToHashSet();
            var flagged = found.Select(p => Key(p.First.Identity, p.Second.Identity)).ToHashSet();
            Console.WriteLine($"candidate search {seconds:0.00} s on {Environment.ProcessorCount} cores, heap +{heap / (1024 * 1024)} MB after, " +
                              $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
            Console.WriteLine($"planned copies found {planned.Count(flagged.Contains)}/{planned.Count}, other pairs flagged {flagged.Count(p => !planned.Contains(p))}");
            return 0;
        });
        return cmd;
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + "~" + b : b + "~" + a;
}
