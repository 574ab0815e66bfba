using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Extractor.Storage;

namespace Extractor.Tests;

public class StoreTests
{
    private static string NewDb() => Path.Combine(Directory.CreateTempSubdirectory("extractor-db-").FullName, "t.db");

    private static readonly string[] Files = new[] { "000", "003", "105", "106" }.Select(id => Corpus.Path("txt", id + ".txt")).ToArray();

    private static string Snapshot(Store s) => string.Join("\n",
        s.Connection.Query<string>("SELECT path || '|' || status || '|' || COALESCE(error_code,'') FROM documents ORDER BY path")
            .Concat(s.Connection.Query<string>("SELECT key || '|' || statement || '|' || COALESCE(CAST(value AS TEXT), word) FROM figures ORDER BY report_id, key, statement"))
            .Concat(s.Connection.Query<string>("SELECT rule || '|' || fingerprint FROM discrepancies ORDER BY fingerprint")));

    [Fact]
    public void Ingesting_twice_gives_identical_rows_and_skips_everything_the_second_time()
    {
        var db = NewDb();
        using var store = Store.Open(db);
        var run = store.StartRun();
        Assert.All(Files, f => Assert.True(store.Save(Pipeline.Process(f), run, force: false)));
        var first = Snapshot(store);
        Assert.All(Files, f => Assert.False(store.Save(Pipeline.Process(f), run, force: false)));
        Assert.Equal(first, Snapshot(store));
        Assert.Equal(4, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
        Assert.Equal("not_a_report", store.Connection.ExecuteScalar<string>("SELECT error_code FROM documents WHERE path LIKE '%106.txt'"));
        Assert.Equal(3, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM v_reports"));
    }

    /// <summary>
    /// The 汇总 and the 疑点清单 are read from tables kept at save time: a file changed at the same path must take its
    /// old report's rows away and bring its own, before any run is finished.
    /// </summary>
    [Fact]
    public void A_file_replaced_at_its_path_replaces_its_summary_and_findings_rows_at_once()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-replace-").FullName;
        var path = Path.Combine(dir, "report.txt");
        using var store = Store.Open(Path.Combine(dir, "t.db"));
        var run = store.StartRun();
        File.Copy(Corpus.Path("txt", "003.txt"), path);
        store.Save(Pipeline.Process(path), run, false);
        var before = store.Summary();
        var unitBefore = Assert.Single(before.Rows)[0];
        Assert.NotEmpty(store.Findings());

        File.Copy(Corpus.Path("txt", "105.txt"), path, overwrite: true);
        var replaced = Pipeline.Process(path);
        Assert.True(store.Save(replaced, run, false));
        var row = Assert.Single(store.Summary().Rows);
        Assert.Equal(replaced.Report!.Info.UnitName, row[0]);
        Assert.NotEqual(unitBefore, row[0]);
        var identity = ReportIdentity.Of(replaced.Report!.Info.UnitName, replaced.Report.Info.FiscalYear, replaced.Sha256);
        var errors = replaced.Discrepancies.Where(d => d.Severity == "error").Select(d => ReportIdentity.FindingId(identity, d.Rule, d.Fields, d.Indicator)).Distinct().Count();
        Assert.True(errors > 0);
        Assert.Equal((long)errors, Convert.ToInt64(row[Array.IndexOf(store.Summary().Columns.ToArray(), "疑点(错误)")]));
        // Every listed finding is one of the new report's, and each of them is listed.
        Assert.Equal(replaced.Discrepancies.Select(d => d.Rule).Distinct().Order(), store.Findings().Select(f => f.Rule).Distinct().Order());
        Assert.All(store.Findings(), f => Assert.Equal(replaced.Report.Info.UnitName, f.UnitName));
    }

    [Fact]
    public void Two_ingests_at_once_neither_corrupt_nor_duplicate()
    {
        var db = NewDb();
        using (Store.Open(db)) { }
        var all = Directory.GetFiles(Corpus.Path("txt"), "*.txt");
        var processed = all.Select(f => Pipeline.Process(f)).ToList();
        Parallel.For(0, 2, _ =>
        {
            using var store = Store.Open(db);
            var run = store.StartRun();
            foreach (var f in processed) store.Save(f, run, force: false);
        });
        using var check = Store.Open(db);
        Assert.Equal("ok", check.Connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(all.Length, check.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
        Assert.Equal(0, check.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT report_id, key, statement FROM figures GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)"));
    }

    [Fact]
    public void A_review_survives_re_ingest_of_the_same_content()
    {
        var db = NewDb();
        using var store = Store.Open(db);
        var file = Corpus.Path("txt", "003.txt");
        store.Save(Pipeline.Process(file), store.StartRun(), false);
        var finding = Assert.Single(store.Findings(new FindingFilter(Rule: "BUDGET_ADJUSTMENT_RATE")));
        store.Review(finding.Id, "confirmed", "调整率填报错误", "审计一组");
        var second = store.StartRun();
        store.Save(Pipeline.Process(file), second, force: true);
        Assert.Equal(second, store.Connection.ExecuteScalar<long>("SELECT run_id FROM documents")); // the rows are new
        var again = Assert.Single(store.Findings(new FindingFilter(Rule: "BUDGET_ADJUSTMENT_RATE")));
        Assert.Equal((finding.Id, "confirmed", "调整率填报错误", "审计一组"), (again.Id, again.Status, again.Note, again.Reviewer));
    }

    [Fact]
    public void Page_text_is_searchable_without_word_breaks()
    {
        using var store = Store.Open(NewDb());
        store.Save(Pipeline.Process(Corpus.Rendition("pdf-lo", "000")), store.StartRun(), false);
        Assert.True(store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM page_text WHERE page_text MATCH '\"预算调整率\"'") >= 1);
    }

    [Fact]
    public void Query_connection_refuses_to_write()
    {
        var db = NewDb();
        using (Store.Open(db)) { }
        using var ro = Store.OpenReadOnly(db);
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => ro.Execute("DELETE FROM documents"));
    }

    private static readonly Exports.Tabular Sample = new(["单位", "规则", "金额"], [["河西县教育局", "SCORE_TOTAL", 1235.68m], ["东川市, \"市场\"", "=HYPERLINK(\"http://x\")", -12.5m]]);

    [Fact]
    public void Csv_starts_with_a_bom_and_quotes_what_needs_it()
    {
        using var ms = new MemoryStream();
        Exports.TextFormats.Csv(Sample, ms);
        var bytes = ms.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        // A formula is guarded with a leading '; a negative number stays a number.
        Assert.Equal("单位,规则,金额\r\n河西县教育局,SCORE_TOTAL,1235.68\r\n\"东川市, \"\"市场\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\",-12.5\r\n", text);
    }

    [Fact]
    public void Xlsx_reads_back_with_header_frozen_pane_and_filter()
    {
        using var ms = new MemoryStream();
        Exports.Xlsx.Write(ms, [new Exports.Xlsx.Sheet("疑点清单", Sample)]);
        ms.Position = 0;
        using var doc = SpreadsheetDocument.Open(ms, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("单位", rows[0].Elements<Cell>().First().InlineString!.InnerText);
        Assert.Equal("1235.68", rows[1].Elements<Cell>().Last().CellValue!.Text);
        Assert.Equal(CellValues.Number, rows[1].Elements<Cell>().Last().DataType!.Value);
        Assert.Equal("A1:C3", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
    }
}

public class KilledIngestTests
{
    [Fact]
    public void Ingest_killed_mid_way_leaves_a_valid_database_and_a_rerun_completes_without_duplicates()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("extractor-kill-").FullName, "k.db");
        var cli = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
        System.Diagnostics.Process Ingest()
        {
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            // --ocr never: the scans get their no_text row in no time; OCR has its own tests.
            foreach (var a in new[] { cli, "ingest", Path.Combine(Corpus.Root, "corpus"), "--db", db, "--jobs", "2", "--ocr", "never" }) psi.ArgumentList.Add(a);
            return System.Diagnostics.Process.Start(psi)!;
        }
        using (var first = Ingest())
        {
            // Kill (SIGKILL) once some documents are committed, before the run ends.
            for (var i = 0; i < 200 && !first.HasExited; i++)
            {
                Thread.Sleep(100);
                if (File.Exists(db) && CountDocuments(db) >= 3) break;
            }
            if (!first.HasExited) first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }
        var partial = CountDocuments(db);
        using (var second = Ingest()) { second.StandardOutput.ReadToEnd(); second.WaitForExit(); Assert.Equal(0, second.ExitCode); }
        using var check = Storage.Store.Open(db);
        Assert.Equal("ok", check.Connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        var files = Directory.GetFiles(Path.Combine(Corpus.Root, "corpus"), "*", SearchOption.AllDirectories)
            .Count(f => f.EndsWith(".pdf") || f.EndsWith(".docx") || f.EndsWith(".txt"));
        Assert.Equal(files, check.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
        Assert.Equal(0, check.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT report_id, key, statement FROM figures GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)"));
        Assert.InRange(partial, 0, files - 1);
    }

    private static long CountDocuments(string db)
    {
        try
        {
            using var c = Storage.Store.OpenReadOnly(db);
            return c.ExecuteScalar<long>("SELECT COUNT(*) FROM documents");
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { return 0; }
    }
}
