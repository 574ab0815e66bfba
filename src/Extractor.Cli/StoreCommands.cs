using System.CommandLine;
using System.Diagnostics;
using System.Threading.Channels;
using Dapper;
using Extractor.Extraction;
using Extractor.Storage;
using Spectre.Console;

namespace Extractor.Cli;

/// <summary>The audit workflow: ingest a folder, list discrepancies and figures, query, search, review.</summary>
internal static class StoreCommands
{
    private static readonly Option<string> Db = new("--db") { Description = "the SQLite database", DefaultValueFactory = _ => "extractor.db" };
    private static readonly string[] Extensions = [".pdf", ".docx", ".txt"];

    public static IEnumerable<Command> Create() => [Ingest(), Discrepancies(), Figures(), Query(), Search(), Review()];

    private static Command Ingest()
    {
        var paths = new Argument<string[]>("paths") { Description = "files or folders (searched recursively for .pdf, .docx, .txt)", Arity = ArgumentArity.OneOrMore };
        var jobs = new Option<int>("--jobs") { Description = "parallel extractions", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "re-ingest files whose content is already stored" };
        var timeout = new Option<int>("--timeout") { Description = "seconds allowed to read one file", DefaultValueFactory = _ => 30 };
        var lexicon = LexiconOption.Create();
        var ocr = OcrOption.Create();
        var cmd = new Command("ingest", "ingest reports into the database (idempotent by content hash)") { paths, Db, jobs, force, timeout, lexicon, ocr };
        cmd.SetAction(async (parse, ct) =>
        {
            if (LexiconOption.Options(parse.GetValue(lexicon), out var error) is not { } options)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var files = parse.GetValue(paths)!.SelectMany(Expand).Distinct().ToList();
            using var store = Store.Open(parse.GetValue(Db)!);
            var run = store.StartRun();
            int ok = 0, failed = 0, skipped = 0;
            var byCode = new SortedDictionary<string, int>();
            var byRule = new SortedDictionary<string, int>();
            var sw = Stopwatch.StartNew();
            var forced = parse.GetValue(force);
            var channel = Channel.CreateBounded<ProcessedFile?>(Math.Max(2, parse.GetValue(jobs) * 2));
            // One isolated reader process per parallel job; a worker that hangs or dies is replaced.
            var workers = new System.Collections.Concurrent.ConcurrentBag<Isolation.IsolatedReader>();
            var limit = TimeSpan.FromSeconds(parse.GetValue(timeout));
            string[] workerCommand = [.. Isolation.IsolatedReader.SelfCommand(), "--ocr", parse.GetValue(ocr)!];

            void Count(ProcessedFile? f, bool saved)
            {
                if (f is null || !saved) { skipped++; return; }
                if (f.Ok) { ok++; foreach (var d in f.Discrepancies) byRule[d.Rule] = byRule.GetValueOrDefault(d.Rule) + 1; }
                else { failed++; byCode[f.ErrorCode ?? "?"] = byCode.GetValueOrDefault(f.ErrorCode ?? "?") + 1; }
            }

            // Extraction in parallel; this thread is the one writer.
            var producer = Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(jobs)), CancellationToken = ct },
                async (file, token) =>
                {
                    var sha = Hash(file);
                    ProcessedFile? result = null;
                    if (forced || sha is null || !store.HasShared(sha))
                    {
                        if (!workers.TryTake(out var reader)) reader = new Isolation.IsolatedReader(workerCommand, limit);
                        try { result = Pipeline.Process(file, reader.Read, options); }
                        finally { workers.Add(reader); }
                    }
                    await channel.Writer.WriteAsync(result, token);
                }).ContinueWith(_ => channel.Writer.Complete(), TaskScheduler.Default);

            async Task Consume(Action<string> step)
            {
                await foreach (var f in channel.Reader.ReadAllAsync(ct))
                {
                    var saved = f is not null && store.Save(f, run, forced);
                    Count(f, saved);
                    step(f is null ? "skipped (unchanged)" : $"{(saved ? f.Ok ? "ok" : "failed: " + f.ErrorCode : "skipped")}  {Path.GetFileName(f.Path)}");
                }
            }

            if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            {
                var n = 0;
                await Consume(line => Console.WriteLine($"[{++n}/{files.Count}] {line}"));
            }
            else
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("ingest", maxValue: files.Count);
                        await Consume(_ => task.Increment(1));
                    });
            }
            await producer;
            foreach (var w in workers) w.Dispose();
            store.FinishRun(run, files.Count, ok, failed, skipped);

            var table = new Table().AddColumns("", "count");
            table.AddRow("files", files.Count.ToString());
            table.AddRow("ok", ok.ToString());
            foreach (var (code, c) in byCode) table.AddRow($"failed: {code}", c.ToString());
            table.AddRow("skipped (unchanged)", skipped.ToString());
            foreach (var (rule, c) in byRule) table.AddRow($"discrepancy {rule}", c.ToString());
            table.AddRow("seconds", sw.Elapsed.TotalSeconds.ToString("0.0"));
            AnsiConsole.Write(table);
            return 0;
        });
        return cmd;
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Select(Path.GetFullPath).Order(StringComparer.Ordinal);
        return [Path.GetFullPath(path)]; // a named file is always tried, and gets a row even if it is not a report
    }

    private static string? Hash(string file)
    {
        try { using var s = File.OpenRead(file); return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static readonly Option<string> Format = new("--format") { Description = "table, csv, xlsx, html or json", DefaultValueFactory = _ => "table" };
    private static readonly Option<string?> Out = new("--out") { Description = "write to this file instead of the terminal" };

    private static void Emit(Tabular t, string format, string? outPath, string title)
    {
        if (format == "table" && outPath is null)
        {
            var table = new Table();
            foreach (var c in t.Columns) table.AddColumn(Markup.Escape(c));
            foreach (var r in t.Rows) table.AddRow(r.Select(v => Markup.Escape(v ?? "")).ToArray());
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"{t.Rows.Count} rows");
            return;
        }
        if (format is "xlsx" && outPath is null) throw new ArgumentException("--format xlsx needs --out FILE");
        using var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
        switch (format)
        {
            case "csv" or "table": Export.Csv(t, stream); break;
            case "json": Export.Json(t, stream); break;
            case "html": Export.Html(t, stream, title); break;
            case "xlsx": Export.Xlsx(t, stream, title); break;
            default: throw new ArgumentException($"unknown format {format}");
        }
        if (outPath is not null) Console.Error.WriteLine($"{t.Rows.Count} rows written to {outPath}");
    }

    private static Command Discrepancies()
    {
        var rule = new Option<string?>("--rule");
        var unit = new Option<string?>("--unit") { Description = "unit name contains" };
        var year = new Option<int?>("--year");
        var cmd = new Command("discrepancies", "the discrepancy list auditors work from") { Db, rule, unit, year, Format, Out };
        cmd.SetAction(parse =>
        {
            using var store = Store.Open(parse.GetValue(Db)!);
            using var reader = store.Connection.ExecuteReader(
                """
                SELECT id, unit_name, fiscal_year, rule, severity, message, page, indicator, review_status, review_note, path
                FROM v_discrepancies
                WHERE (@rule IS NULL OR rule = @rule) AND (@unit IS NULL OR unit_name LIKE '%' || @unit || '%') AND (@year IS NULL OR fiscal_year = @year)
                ORDER BY unit_name, fiscal_year, id
                """, new { rule = parse.GetValue(rule), unit = parse.GetValue(unit), year = parse.GetValue(year) });
            Emit(Tabular.From(reader), parse.GetValue(Format)!, parse.GetValue(Out), "discrepancies");
            return 0;
        });
        return cmd;
    }

    private static Command Figures()
    {
        var keys = new Option<string[]>("--key") { Description = "figure keys to show as columns", AllowMultipleArgumentsPerToken = true };
        var year = new Option<int?>("--year");
        var cmd = new Command("figures", "one row per report, chosen figures as columns") { Db, keys, year, Format, Out };
        cmd.SetAction(parse =>
        {
            var chosen = parse.GetValue(keys) is { Length: > 0 } k ? k : [Keys.BudgetInitial, Keys.Adjusted, Keys.Actual, Keys.ExecutionRate, Keys.TotalScore, Keys.Grade];
            using var store = Store.Open(parse.GetValue(Db)!);
            var p = new DynamicParameters();
            p.Add("year", parse.GetValue(year));
            // Keys are parameters, never SQL text: one correlated lookup per chosen key.
            var columns = string.Join(", ", chosen.Select((key, i) =>
            {
                p.Add($"k{i}", key);
                return $"(SELECT COALESCE(f.word, f.value) FROM figures f WHERE f.report_id = r.id AND f.key = @k{i} AND f.statement = 0) AS \"c{i}\"";
            }));
            using var reader = store.Connection.ExecuteReader(
                $"SELECT r.unit_name, r.fiscal_year, {columns} FROM reports r WHERE (@year IS NULL OR r.fiscal_year = @year) ORDER BY r.unit_name, r.fiscal_year", p);
            var t = Tabular.From(reader);
            t = t with { Columns = ["unit_name", "fiscal_year", .. chosen] };
            Emit(t, parse.GetValue(Format)!, parse.GetValue(Out), "figures");
            return 0;
        });
        return cmd;
    }

    private static Command Query()
    {
        var sql = new Argument<string>("sql");
        var cmd = new Command("query", "run a read-only SQL query") { sql, Db, Format, Out };
        cmd.SetAction(parse =>
        {
            using (Store.Open(parse.GetValue(Db)!)) { } // create and migrate if new
            using var db = Store.OpenReadOnly(parse.GetValue(Db)!);
            try
            {
                using var reader = db.ExecuteReader(parse.GetValue(sql)!);
                Emit(Tabular.From(reader), parse.GetValue(Format)!, parse.GetValue(Out), "query");
                return 0;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                Console.Error.WriteLine($"query refused: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }

    private static Command Search()
    {
        var text = new Argument<string>("text");
        var cmd = new Command("search", "full-text search of page text") { text, Db, Format, Out };
        cmd.SetAction(parse =>
        {
            using var store = Store.Open(parse.GetValue(Db)!);
            using var reader = store.Connection.ExecuteReader(
                """
                SELECT r.unit_name, r.fiscal_year, d.path, p.page, snippet(page_text, 2, '[', ']', '…', 16) AS snippet
                FROM page_text p JOIN documents d ON d.id = p.document_id LEFT JOIN reports r ON r.document_id = d.id
                WHERE page_text MATCH @q ORDER BY r.unit_name, p.page LIMIT 200
                """, new { q = "\"" + parse.GetValue(text)!.Replace("\"", "\"\"") + "\"" });
            Emit(Tabular.From(reader), parse.GetValue(Format)!, parse.GetValue(Out), "search");
            return 0;
        });
        return cmd;
    }

    private static Command Review()
    {
        var id = new Argument<long>("id") { Description = "discrepancy id (from `discrepancies`)" };
        var status = new Option<string>("--status") { Description = "confirmed, dismissed or open", Required = true };
        status.AcceptOnlyFromAmong("confirmed", "dismissed", "open");
        var note = new Option<string?>("--note");
        var cmd = new Command("review", "record the auditor's verdict on a discrepancy") { id, status, note, Db };
        cmd.SetAction(parse =>
        {
            using var store = Store.Open(parse.GetValue(Db)!);
            if (store.Review(parse.GetValue(id), parse.GetValue(status)!, parse.GetValue(note))) { Console.WriteLine("recorded"); return 0; }
            Console.Error.WriteLine($"no discrepancy {parse.GetValue(id)}");
            return 2;
        });
        return cmd;
    }
}
