using System.CommandLine;
using System.Diagnostics;
using Extractor.Exports;
using Extractor.Storage;
using Extractor.Validation;
using Spectre.Console;

namespace Extractor.Cli;

/// <summary>`extractor ingest PATH...`: read, extract and validate every report into the store.</summary>
internal static class IngestCommand
{
    // What a folder walk takes: the formats read, and the formats reports also arrive in (a .doc, a .wps,
    // a scan saved as an image, a 自评表 in Excel), which get a row with their error code instead of being passed over.
    private static readonly string[] Extensions = [".pdf", ".docx", ".txt", ".doc", ".wps", ".rtf", ".odt", ".docm",
        ".xls", ".xlsx", ".et", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".ofd"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "文件或文件夹（递归查找 .pdf、.docx、.txt，以及 .doc、.wps、图片等需转换的文件，后者记为失败并说明原因）", Arity = ArgumentArity.OneOrMore };
        var db = Cli.Db();
        var jobs = Cli.Int("--jobs", "并行处理的文件数", Environment.ProcessorCount, 1, 64);
        var force = new Option<bool>("--force") { Description = "重新导入内容未变的文件" };
        var timeout = IsolatedReading.Timeout();
        var lexicon = LexiconOption.Create();
        var ocr = OcrOption.Create();
        var cmd = new Command("ingest", "导入报告到数据库（按内容去重，可重复运行）") { paths, db, jobs, force, timeout, lexicon, ocr };
        cmd.SetAction((parse, ct) => Cli.Guard(async () =>
        {
            if (LexiconOption.Options(parse.GetValue(lexicon), out var error) is not { } options) throw new UsageException(error!);
            var given = parse.GetValue(paths)!;
            var missing = given.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0) throw new UsageException($"找不到文件或文件夹：{string.Join("，", missing)}");
            var files = given.SelectMany(Expand).Distinct().ToList();
            if (files.Count == 0) throw new UsageException($"在 {string.Join("，", given)} 中没有找到 .pdf、.docx 或 .txt 文件");
            using var store = Store.Open(parse.GetValue(db)!);
            var worker = IsolatedReading.Worker(parse.GetValue(ocr));
            var tally = await Run(store, files, options, worker, parse.GetValue(jobs), parse.GetValue(force), TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);
            tally.Print(files.Count);
            // Every file failed: their rows are stored, but a script must not take the run for a success.
            if (tally.Ok == 0 && tally.Failed > 0)
            {
                Console.Error.WriteLine($"没有一个文件能作为报告读取（{tally.Failed} 个失败，见上表）");
                return 1;
            }
            return 0;
        }));
        return cmd;
    }

    private sealed class Tally
    {
        public int Ok, Failed, Skipped;
        public readonly SortedDictionary<string, int> ByCode = new(), ByRule = new();
        public readonly List<(string File, string Code, string? Message)> Failures = [];
        public readonly Stopwatch Clock = Stopwatch.StartNew();

        public void Count(ProcessedFile? f, bool saved)
        {
            if (f is null || !saved) { Skipped++; return; }
            if (f.Ok) { Ok++; foreach (var d in f.Discrepancies) ByRule[d.Rule] = ByRule.GetValueOrDefault(d.Rule) + 1; return; }
            Failed++;
            var code = f.ErrorCode ?? "unreadable";
            ByCode[code] = ByCode.GetValueOrDefault(code) + 1;
            Failures.Add((f.Path, code, f.ErrorMessage));
        }

        public void Print(int files)
        {
            var table = new Table().AddColumns("项目", "数量");
            table.AddRow("文件", files.ToString());
            table.AddRow("成功", Ok.ToString());
            foreach (var (code, c) in ByCode) table.AddRow(Markup.Escape($"失败：{code}（{ErrorNames.Explain(code)}）"), c.ToString());
            table.AddRow("未变更，跳过", Skipped.ToString());
            foreach (var (rule, c) in ByRule) table.AddRow(Markup.Escape($"疑点：{RuleNames.Of(rule)}（{rule}）"), c.ToString());
            table.AddRow("用时（秒）", Clock.Elapsed.TotalSeconds.ToString("0.0"));
            AnsiConsole.Write(table);
            if (Failures.Count == 0) return;
            var failed = new Table().AddColumns("未能读取的文件", "错误代码", "说明");
            foreach (var (file, code, _) in Failures.OrderBy(x => x.File, StringComparer.Ordinal))
                failed.AddRow(Markup.Escape(file), code, Markup.Escape(ErrorNames.Explain(code) ?? ""));
            AnsiConsole.Write(failed);
        }
    }

    private static async Task<Tally> Run(Store store, List<string> files, Extraction.ExtractionOptions options, string[] worker, int jobs, bool forced, TimeSpan limit, CancellationToken ct)
    {
        var run = store.StartRun();
        var tally = new Tally();
        using var pool = new WorkerPool(worker, limit);
        Task Ingest(Action<string> step) => Ingestion.Run(store, run, files, options, pool, jobs, forced, (f, saved) =>
        {
            tally.Count(f, saved);
            step(f is null ? "未变更，跳过" : $"{(saved ? f.Ok ? "成功" : "失败：" + f.ErrorCode : "跳过")}  {Path.GetFileName(f.Path)}");
        }, ct);

        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var n = 0;
            await Ingest(line => Console.WriteLine($"[{++n}/{files.Count}] {line}"));
        }
        else
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("导入", maxValue: files.Count);
                    await Ingest(_ => task.Increment(1));
                });
        }
        store.FinishRun(run, files.Count, tally.Ok, tally.Failed, tally.Skipped);
        return tally;
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Select(Path.GetFullPath).Order(StringComparer.Ordinal);
        return [Path.GetFullPath(path)]; // a named file is always tried, and gets a row even if it is not a report
    }
}
