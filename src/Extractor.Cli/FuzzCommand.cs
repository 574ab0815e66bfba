using System.CommandLine;
using System.Diagnostics;
using Extractor.Isolation;

namespace Extractor.Cli;

/// <summary>`extractor fuzz [--count N] [--seed S]`: mutants of the corpus through the whole pipeline, isolated; counts by outcome.</summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("corpus") { DefaultValueFactory = _ => new DirectoryInfo("corpus") };
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--timeout") { Description = "seconds per file", DefaultValueFactory = _ => 30 };
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
