using System.CommandLine;
using Extractor.Generation;

namespace Extractor.Cli;

/// <summary>`extractor gen-corpus DIR --count N [--seed S]`: deterministic realistic .docx reports for scale tests,
/// one in ten with one injected contradiction (a wrong adjustment rate); with --units, a multi-year set instead:
/// each unit's report of each year, with planned copied paragraphs listed in planned-copies.tsv.</summary>
internal static class GenCorpusCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "folder to write the .docx reports into (created if missing)" };
        var count = Cli.Int("--count", "reports to write", 1000, 1, 10_000_000);
        var seed = Cli.Int("--seed", "random seed (the same seed, the same reports)", 1, int.MinValue, int.MaxValue);
        var units = Cli.Int("--units", "write a multi-year set of this many units instead (0: single reports)", 0, 0, 1_000_000);
        var years = Cli.Int("--years", "years of the multi-year set", 3, 1, 20);
        var cmd = new Command("gen-corpus", "write generated reports (.docx) for scale tests") { dir, count, seed, units, years };
        cmd.SetAction(parse =>
        {
            var root = parse.GetValue(dir)!;
            root.Create();
            if (parse.GetValue(units) is > 0 and var u) return MultiYear(root, u, parse.GetValue(years), parse.GetValue(seed));
            var gen = new ReportGenerator(parse.GetValue(seed));
            var n = parse.GetValue(count);
            for (var i = 0; i < n; i++)
            {
                var r = gen.Next();
                if (i % 10 == 9) r.AdjustmentRate += 5; // the known share of contradictions: 10%
                using var f = File.Create(Path.Combine(root.FullName, $"gen-{i:D6}.docx"));
                DocxWriter.Write(ReportRenderer.Render(r, i % ReportRenderer.Phrasings), f);
            }
            Console.WriteLine($"{n} reports in {root.FullName} ({n / 10} with an injected BUDGET_ADJUSTMENT_RATE contradiction)");
            return 0;
        });
        return cmd;
    }

    private static int MultiYear(DirectoryInfo root, int units, int years, int seed)
    {
        var set = new MultiYearSet(units, years, seed);
        for (var i = 0; i < set.Reports.Count; i++)
        {
            using var f = File.Create(Path.Combine(root.FullName, $"unit-{i / years:D5}-{set.Reports[i].Year}.docx"));
            DocxWriter.Write(ReportRenderer.Render(set.Reports[i], i % ReportRenderer.Phrasings), f);
        }
        File.WriteAllLines(Path.Combine(root.FullName, "planned-copies.tsv"),
            ["kind\tfrom_unit\tfrom_year\tto_unit\tto_year", .. set.Copies.Select(c => $"{c.Kind}\t{c.FromUnit}\t{c.FromYear}\t{c.ToUnit}\t{c.ToYear}")]);
        Console.WriteLine($"{set.Reports.Count} reports of {units} units over {years} years in {root.FullName}; {set.Copies.Count} planned copies in planned-copies.tsv");
        return 0;
    }
}
