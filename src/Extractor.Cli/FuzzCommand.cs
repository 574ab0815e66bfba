using System.CommandLine;
using System.Diagnostics;
using Extractor.Isolation;

namespace Extractor.Cli;

/// <summary>`extractor fuzz [--count N] [--seed S]`: mutants of the corpus through the whole pipeline, isolated; counts by outcome.</summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("corpus") { Description = "the corpus folder whose renditions are mutated", DefaultValueFactory = _ => new DirectoryInfo("corpus") }.AcceptExistingOnly();
        var count = Cli.Int("--count", "mutants to run", 1000, 1, 10_000_000);
        var seed = Cli.Int("--seed", "random seed (the same seed, the same mutants)", 1, int.MinValue, int.MaxValue);
        var timeout = Cli.Int("--timeout", "seconds per file", 30, 1, 3600);
        var cmd = new Command("fuzz", "run mutated corpus files through the pipeline and count outcomes") { dir, count, seed, timeout };
        cmd.SetAction(parse =>
        {
            var report = FuzzRun.Run(parse.GetValue(dir)!.FullName, parse.GetValue(count), parse.GetValue(seed),
                IsolatedReader.SelfCommand(), TimeSpan.FromSeconds(parse.GetValue(timeout)), Console.Out);
            return report.Crashes == 0 && report.Hangs == 0 ? 0 : 1;
        });
        return cmd;
    }
}
