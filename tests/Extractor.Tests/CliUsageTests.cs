using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Extractor.Tests;

/// <summary>
/// Every command with the usual mistakes: a non-zero exit, one message a person understands — no
/// "Unhandled exception", no stack frame, no .NET type name — and no database created by a read command.
/// </summary>
public class CliUsageTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "extractor.dll");

    private static (int Exit, string Output) Run(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir };
        psi.ArgumentList.Add(Cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("EXTRACTOR_DB");
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    private static readonly Lazy<string> Db = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("extractor-cli-").FullName;
        var db = Path.Combine(dir, "good.db");
        var (exit, output) = Run(dir, "ingest", Corpus.Path("txt", "105.txt"), Corpus.Path("txt", "003.txt"), "--db", db);
        Assert.True(exit == 0, output);
        return db;
    });

    public static IEnumerable<object[]> Mistakes()
    {
        // {db} is an existing store; {missing} a store that does not exist; {dir} an empty folder.
        string[][] cases =
        [
            ["discrepancies", "--db", "{missing}"],
            ["discrepancies"],
            ["figures", "--db", "{missing}"],
            ["query", "SELECT 1", "--db", "{missing}"],
            ["search", "调减", "--db", "{missing}"],
            ["review", "F0000000000", "--status", "已确认", "--db", "{missing}"],
            ["workbook", "--out", "{dir}/x.xlsx", "--db", "{missing}"],
            ["discrepancies", "--db", "{db}", "--format", "pdf"],
            ["discrepancies", "--db", "{db}", "--rule", "NOPE"],
            ["discrepancies", "--db", "{db}", "--year", "abc"],
            ["discrepancies", "--db", "{db}", "--severity", "严重"],
            ["discrepancies", "--db", "{db}", "--status", "maybe"],
            ["discrepancies", "--db", "{db}", "--format", "csv", "--out", "/nonexistent-folder/x.csv"],
            ["discrepancies", "--db", "{db}", "--format", "xlsx"],
            ["discrepancies", "--db", "{db}", "--bogus"],
            ["figures", "--db", "{db}", "--key", "no.such.key"],
            ["workbook", "--db", "{db}"],
            ["review", "F0000000000", "--status", "已确认", "--db", "{db}"],
            ["review", "--db", "{db}"],
            ["show", "--db", "{db}"],
            ["show", "F0000000000", "--db", "{db}"],
            ["show", "F0000000000", "--db", "{missing}"],
            ["show", "1", "--context", "9", "--db", "{db}"],
            ["review", "1", "--status", "maybe", "--db", "{db}"],
            ["review", "--import", "{dir}/missing.xlsx", "--db", "{db}"],
            ["review", "--import", "{dir}/not-a-workbook.xlsx", "--db", "{db}"],
            ["query", "DELETE FROM documents", "--db", "{db}"],
            ["query", "SELEC nonsense", "--db", "{db}"],
            ["search", "", "--db", "{db}"],
            ["compare", "--db", "{db}"],
            ["compare", "--unit", "不存在的单位", "--db", "{db}"],
            ["compare", "--unit", "青山县财政局", "--db", "{missing}"],
            ["compare", "--unit", "青山县财政局", "--db", "{db}", "--format", "pdf"],
            ["units", "--db", "{missing}"],
            ["extract", Corpus.Path("txt", "105.txt"), "--timeout", "0"],
            ["read", Corpus.Path("txt", "105.txt"), "--timeout", "abc"],
            ["ingest", "{dir}/missing.pdf", "--db", "{dir}/new.db"],
            ["ingest", "{dir}", "--db", "{dir}/new.db"],
            ["ingest", "{dir}", "--jobs", "0", "--db", "{dir}/new.db"],
            ["ingest", "{dir}", "--timeout", "abc", "--db", "{dir}/new.db"],
            ["ingest", Corpus.Path("txt", "105.txt"), "--db", "/nonexistent-folder/x.db"],
            ["ingest", Corpus.Path("txt", "105.txt"), "--lexicon", "{dir}/missing.tsv", "--db", "{dir}/new.db"],
            ["extract", "{dir}/missing.pdf"],
            ["extract", Corpus.Path("txt", "106.txt")],
            ["read", "{dir}/missing.pdf"],
            ["evaluate", "{dir}/nothing"],
            ["evaluate", Path.GetDirectoryName(Corpus.Path("gold"))!, "--kind", "pdf-bogus"],
            ["evaluate", "{dir}/badgold"],
            ["corpus", "{dir}/nothing"],
            ["serve", "--db", "{missing}"],
            ["serve"],
            ["serve", "--db", "{db}", "--port", "99999"],
            ["serve", "--db", "{db}", "--port", "abc"],
            ["bench", "{dir}", "--ingest"],
            ["bench", "{dir}/missing.pdf", "--ingest"],
            ["bench", "{dir}", "--ingest", "--repeat", "0"],
            ["frobnicate"],
        ];
        return cases.Select(c => new object[] { c });
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_gets_a_clear_line_and_a_non_zero_exit(string[] usage)
    {
        var dir = Directory.CreateTempSubdirectory("extractor-usage-").FullName;
        File.WriteAllText(Path.Combine(dir, "not-a-workbook.xlsx"), "这不是工作簿");
        Directory.CreateDirectory(Path.Combine(dir, "badgold", "gold"));
        File.WriteAllText(Path.Combine(dir, "badgold", "gold", "900.json"), "{not json");
        var missing = Path.Combine(dir, "missing.db");
        var args = usage.Select(a => a.Replace("{db}", Db.Value).Replace("{missing}", missing).Replace("{dir}", dir)).ToArray();
        var line = string.Join(" ", usage);
        var (exit, output) = Run(dir, args);
        Assert.True(exit != 0, $"{line}: exit 0\n{output}");
        Assert.True(output.Trim().Length > 0, $"{line}: said nothing");
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotMatch(@"\n\s+at \S+\(", output);
        Assert.DoesNotMatch(@"System\.[A-Z][A-Za-z]+\.|`1\[|Nullable", output);
        Assert.False(File.Exists(missing), $"{line}: created {missing}");
        Assert.False(File.Exists(Path.Combine(dir, "extractor.db")), $"{line}: created extractor.db in the working folder");
    }

    [Fact]
    public void Bench_ingest_stores_every_copy_and_reports_the_ratio_and_the_workers_peaks()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-bench-").FullName;
        File.Copy(Corpus.Path("pdf-lo", "003.pdf"), Path.Combine(dir, "a.pdf"));
        File.Copy(Corpus.Path("pdf-lo", "105.pdf"), Path.Combine(dir, "b.pdf"));
        var (exit, output) = Run(dir, "bench", dir, "--ingest", "--repeat", "2");
        Assert.True(exit == 0, output);
        // Four copies of two reports: each copy is new content, so each is read and stored, none skipped.
        Assert.Contains("2 PDFs × 2 = 4 files", output);
        Assert.Contains("(4 reports, 0 failed)", output);
        Assert.Matches(@"ratio to reference: \d+\.\d\d×", output);
        Assert.Matches(@"workers \d+ MB", output);
    }

    [Fact]
    public void A_folder_walk_gives_a_row_to_every_file_a_report_may_come_as()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-walk-").FullName;
        File.Copy(Corpus.Path("txt", "105.txt"), Path.Combine(dir, "report.txt"));
        File.Copy(Corpus.Fixture("legacy.doc"), Path.Combine(dir, "old.doc"));
        File.WriteAllBytes(Path.Combine(dir, "scan.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);
        File.WriteAllText(Path.Combine(dir, "notes.json"), "{}");
        var db = Path.Combine(dir, "walk.db");
        var (exit, output) = Run(dir, "ingest", dir, "--db", db);
        Assert.True(exit == 0, output);
        var (_, csv) = Run(dir, "query", "SELECT path || ':' || status || ':' || COALESCE(error_code, '') FROM documents ORDER BY path", "--db", db, "--format", "csv");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Path.GetFileName(l.Trim().Trim('\uFEFF', '"'))).Skip(1).ToList();
        Assert.Equal(["old.doc:failed:unsupported_format", "report.txt:ok:", "scan.jpg:failed:unsupported_format"], rows);
    }

    [Fact]
    public void Every_option_of_every_command_has_a_description()
    {
        var (exit, help) = Run(Path.GetTempPath(), "--help");
        Assert.Equal(0, exit);
        var commands = Regex.Matches(help, @"^\s{2}([a-z-]+)\s", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("ingest", commands);
        foreach (var c in commands)
        {
            var (_, text) = Run(Path.GetTempPath(), c, "--help");
            foreach (Match option in Regex.Matches(text, @"^\s{2}(--[a-z-]+)[^\n]*$", RegexOptions.Multiline))
                Assert.True(Regex.IsMatch(option.Value.Trim(), @"^--[a-z-]+(?: <[^>]+>)?(?: \(REQUIRED\))?\s{2,}\S"), $"{c} {option.Groups[1].Value} has no description");
        }
    }

    [Fact]
    public void The_database_can_come_from_EXTRACTOR_DB()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { Cli, "discrepancies", "--format", "json" }) psi.ArgumentList.Add(a);
        psi.Environment["EXTRACTOR_DB"] = Db.Value;
        using var p = Process.Start(psi)!;
        var json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        var rows = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsArray();
        Assert.Contains(rows, r => r!["规则代码"]!.ToString() == "SCORE_TOTAL" && r["填报值"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<decimal>(out _));
    }

    [Fact]
    public void Search_finds_two_character_words_by_scanning()
    {
        var (exit, output) = Run(Path.GetTempPath(), "search", "惠民", "--db", Db.Value, "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Contains("105.txt", output);
    }
}
