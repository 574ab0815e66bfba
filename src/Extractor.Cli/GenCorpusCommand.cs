using System.CommandLine;
using Extractor.Generation;

namespace Extractor.Cli;

/// <summary>`extractor gen-corpus DIR --count N [--seed S]`: deterministic realistic .docx reports for scale tests,
/// one in ten with one injected contradiction (a wrong adjustment rate).</summary>
internal static class GenCorpusCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "folder to write the .docx reports into (created if missing)" };
        var count = Cli.Int("--count", "reports to write", 1000, 1, 10_000_000);
        var seed = Cli.Int("--seed", "random seed (the same seed, the same reports)", 1, int.MinValue, int.MaxValue);
        var cmd = new Command("gen-corpus", "write generated reports (.docx) for scale tests") { dir, count, seed };
        cmd.SetAction(parse =>
        {
            var root = parse.GetValue(dir)!;
            root.Create();
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
}
