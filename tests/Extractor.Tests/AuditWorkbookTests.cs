using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Extractor.Exports;
using Extractor.Storage;

namespace Extractor.Tests;

/// <summary>
/// The 疑点清单 and workbook on a mixed folder: three renditions of one report, two versions of another,
/// and hostile files — one finding per report, the version conflict, six sheets in Chinese, reviews that
/// survive a round trip through Excel and a forced re-ingest.
/// </summary>
public class AuditWorkbookTests
{
    private static (string Folder, string Db) MixedFolder()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-mixed-").FullName;
        var folder = Path.Combine(dir, "reports");
        Directory.CreateDirectory(folder);
        // 105: three renditions of one report with three contradictions.
        File.Copy(Corpus.Path("txt", "105.txt"), Path.Combine(folder, "105.txt"));
        File.Copy(Corpus.Rendition("docx", "105"), Path.Combine(folder, "105.docx"));
        File.Copy(Corpus.Rendition("pdf-lo", "105"), Path.Combine(folder, "105.pdf"));
        // 108: the report, and a second version stating another execution rate.
        File.Copy(Corpus.Path("txt", "108.txt"), Path.Combine(folder, "108.txt"));
        File.WriteAllText(Path.Combine(folder, "108-修订.txt"), File.ReadAllText(Corpus.Path("txt", "108.txt")).Replace("预算执行率96.57%", "预算执行率96.75%"));
        // Hostile: a truncated PDF, an encrypted PDF, an empty file, a zip that is no Word file, a notice.
        File.WriteAllBytes(Path.Combine(folder, "truncated.pdf"), File.ReadAllBytes(Corpus.Rendition("pdf-lo", "101"))[..4000]);
        File.Copy(Corpus.Fixture("encrypted-user.pdf"), Path.Combine(folder, "encrypted.pdf"));
        File.WriteAllBytes(Path.Combine(folder, "empty.docx"), []);
        File.WriteAllBytes(Path.Combine(folder, "fake.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);
        File.Copy(Corpus.Path("txt", "106.txt"), Path.Combine(folder, "notice.txt"));
        return (folder, Path.Combine(dir, "audit.db"));
    }

    private static void Ingest(string folder, string db, bool force = false)
    {
        using var store = Store.Open(db);
        var run = store.StartRun();
        var files = Directory.GetFiles(folder).Order().ToList();
        foreach (var f in files) store.Save(Pipeline.Process(f), run, force);
        store.FinishRun(run, files.Count, 0, 0, 0);
    }

    private static string Text(Cell c, SharedStringTablePart? shared) =>
        c.DataType?.Value == CellValues.SharedString ? shared!.SharedStringTable.ElementAt(int.Parse(c.CellValue!.Text)).InnerText
        : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";

    [Fact]
    public void The_workbook_has_six_sheets_in_Chinese_one_row_per_finding_per_report_and_the_version_conflict()
    {
        var (folder, db) = MixedFolder();
        Ingest(folder, db);
        var xlsx = Path.Combine(Path.GetDirectoryName(db)!, "核查.xlsx");
        using (var store = Store.OpenExisting(db))
        using (var stream = File.Create(xlsx))
            AuditWorkbook.Write(store, stream);

        using var doc = SpreadsheetDocument.Open(xlsx, false);
        var book = doc.WorkbookPart!;
        var sheets = book.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(["疑点清单", "总览", "汇总", "主要数据", "绩效指标", "项目", "历年对比", "文件状态"], sheets.Select(s => s.Name!.Value));
        Worksheet Ws(string name) => ((WorksheetPart)book.GetPartById(sheets.Single(s => s.Name == name).Id!)).Worksheet;

        var list = Ws("疑点清单").Descendants<Row>().ToList();
        var header = list[0].Elements<Cell>().Select(c => Text(c, null)).ToList();
        Assert.Equal(FindingsSheet.Columns, header);
        var rows = list.Skip(1).Select(r => r.Elements<Cell>().ToList()).ToList();
        string Col(List<Cell> r, string name) => Text(r[header.IndexOf(name)], null);
        // 105's three contradictions once each, though three files hold them.
        var ofWest = rows.Where(r => Col(r, "单位名称") == "西城县文化和旅游局").ToList();
        Assert.Equal(["BUDGET_ADJUSTMENT_RATE", "INDICATOR_TARGET_MISSED", "SCORE_TOTAL"], ofWest.Select(r => Col(r, "规则代码")).Order());
        Assert.All(ofWest, r => Assert.Equal(3, Col(r, "文件").Split('\n').Length));
        Assert.All(ofWest, r => Assert.Equal("待核实", Col(r, "核查状态")));
        var rate = ofWest.Single(r => Col(r, "规则代码") == "BUDGET_ADJUSTMENT_RATE");
        Assert.Equal("预算调整率与调整数不符", Col(rate, "疑点类型"));
        Assert.Equal("错误", Col(rate, "严重程度"));
        foreach (var numeric in new[] { "填报值", "复算值", "差额" })
            Assert.Equal(CellValues.Number, rate[header.IndexOf(numeric)].DataType!.Value);
        Assert.Equal(("100", "0", "100"), (Col(rate, "填报值"), Col(rate, "复算值"), Col(rate, "差额")));
        // The two versions of 108: the differing figure, both values, both files.
        var conflict = Assert.Single(rows, r => Col(r, "规则代码") == "VERSION_CONFLICT");
        Assert.Contains("预算执行率", Col(conflict, "疑点描述"));
        Assert.Contains("96.57", Col(conflict, "疑点描述"));
        Assert.Contains("96.75", Col(conflict, "疑点描述"));
        Assert.Equal(2, Col(conflict, "文件").Split('\n').Length);
        // The status column offers the three statuses.
        var validation = Assert.Single(Ws("疑点清单").Descendants<DataValidation>());
        Assert.Equal("\"待核实,已确认,已排除\"", validation.Formula1!.Text);
        Assert.StartsWith(Xlsx.ColumnName(header.IndexOf("核查状态") + 1) + "2:", validation.SequenceOfReferences!.InnerText);

        // 汇总: one row per report version; 文件状态: every file, the failures explained.
        var summary = Ws("汇总").Descendants<Row>().Skip(1).ToList();
        Assert.Equal(3, summary.Count); // 105, 108 version 1, 108 version 2
        // 汇总 counts each version's own error findings, and the version conflict with the first version (the file
        // ingested first: "108-修订.txt" sorts before "108.txt").
        using (var store = Store.OpenExisting(db))
        {
            long Own(string file)
            {
                var f = Pipeline.Process(Path.Combine(folder, file));
                var identity = ReportIdentity.Of(f.Report!.Info.UnitName, f.Report.Info.FiscalYear, f.Sha256);
                return f.Discrepancies.Where(d => d.Severity == "error").Select(d => ReportIdentity.FindingId(identity, d.Rule, d.Fields, d.Indicator)).Distinct().Count();
            }
            var t = store.Summary();
            int At(string column) => t.Columns.ToList().IndexOf(column);
            var second = Assert.Single(t.Rows, r => Convert.ToInt64(r[At("版本")]) == 2);
            var first = Assert.Single(t.Rows, r => Convert.ToInt64(r[At("版本")]) == 1 && Equals(r[At("单位名称")], second[At("单位名称")]));
            Assert.Equal(Own("108-修订.txt") + 1, Convert.ToInt64(first[At("疑点(错误)")]));
            Assert.Equal(Own("108.txt"), Convert.ToInt64(second[At("疑点(错误)")]));
        }
        var files = Ws("文件状态").Descendants<Row>().ToList();
        var fileHeader = files[0].Elements<Cell>().Select(c => Text(c, null)).ToList();
        Assert.Equal(10, files.Count - 1);
        var failed = files.Skip(1).Select(r => r.Elements<Cell>().Select(c => Text(c, null)).ToList()).Where(r => r[fileHeader.IndexOf("状态")] == "失败").ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, r => Assert.NotEqual("", r[fileHeader.IndexOf("说明")]));
        var main = Ws("主要数据").Descendants<Row>().ToList();
        Assert.Contains(main, r => r.Elements<Cell>().Any(c => Text(c, null) == "年初预算数"));
    }

    [Fact]
    public void Reviews_edited_in_the_workbook_come_back_by_finding_id_and_survive_a_forced_re_ingest()
    {
        var (folder, db) = MixedFolder();
        Ingest(folder, db);
        var xlsx = Path.Combine(Path.GetDirectoryName(db)!, "核查.xlsx");
        using (var store = Store.OpenExisting(db))
        using (var stream = File.Create(xlsx))
            AuditWorkbook.Write(store, stream);
        // The auditor's edits: two verdicts with notes, as Excel would hold them (shared strings).
        var rows = Xlsx.Read(xlsx, "疑点清单");
        var confirm = rows.First(r => r["规则代码"] == "SCORE_TOTAL")["疑点编号"];
        var dismiss = rows.First(r => r["规则代码"] == "VERSION_CONFLICT")["疑点编号"];
        using (var doc = SpreadsheetDocument.Open(xlsx, true))
        {
            var book = doc.WorkbookPart!;
            var shared = book.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheet = ((WorksheetPart)book.GetPartById(book.Workbook.Descendants<Sheet>().First().Id!)).Worksheet;
            var all = sheet.Descendants<Row>().ToList();
            var header = all[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            void Set(string id, string column, string value)
            {
                var row = all.Single(r => r.Elements<Cell>().Any(c => c.InnerText == id));
                var cell = row.Elements<Cell>().ElementAt(header.IndexOf(column));
                shared.SharedStringTable.AppendChild(new SharedStringItem(new Text(value)));
                cell.InlineString = null;
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue((shared.SharedStringTable.Count() - 1).ToString());
            }
            Set(confirm, "核查状态", "已确认");
            Set(confirm, "核查意见", "得分合计多计2分，已与单位核实");
            Set(dismiss, "核查状态", "已排除");
            sheet.Save();
        }

        using (var store = Store.OpenExisting(db))
        {
            var changes = store.ImportReviews(Xlsx.Read(xlsx, "疑点清单").Select(r => (r["疑点编号"], (string?)r["核查状态"], (string?)r["核查意见"])), "张审计");
            Assert.Equal(new[] { confirm, dismiss }.Order(), changes.Select(c => c.FindingId).Order());
            // Importing the same workbook again changes nothing.
            Assert.Empty(store.ImportReviews(Xlsx.Read(xlsx, "疑点清单").Select(r => (r["疑点编号"], (string?)r["核查状态"], (string?)r["核查意见"])), "张审计"));
        }
        var before = FindingIds(db);
        Ingest(folder, db, force: true);
        Assert.Equal(before, FindingIds(db));
        using (var store = Store.OpenExisting(db))
        {
            var confirmed = Assert.Single(store.Findings(new FindingFilter(Id: confirm)));
            Assert.Equal(("confirmed", "得分合计多计2分，已与单位核实", "张审计"), (confirmed.Status, confirmed.Note, confirmed.Reviewer));
            Assert.NotNull(confirmed.ReviewedAt);
            Assert.Equal("dismissed", Assert.Single(store.Findings(new FindingFilter(Id: dismiss))).Status);
        }
    }

    private static List<string> FindingIds(string db)
    {
        using var store = Store.OpenExisting(db);
        return store.Findings().Select(f => f.Id).Order().ToList();
    }

    [Fact]
    public void Finding_ids_do_not_depend_on_the_machine_or_the_order_of_ingest()
    {
        var id = ReportIdentity.FindingId(ReportIdentity.Of("西城县文化和旅游局（公章）", 2023, "x"), "SCORE_TOTAL", ["score.total", "indicators.score", "score.execution"], null);
        Assert.Equal(id, ReportIdentity.FindingId(ReportIdentity.Of("西城县 文化和旅游局", 2023, "y"), "SCORE_TOTAL", ["score.total", "indicators.score", "score.execution"], null));
        Assert.Matches("^F[0-9A-F]{10}$", id);
    }
}

/// <summary>A store written by the first version of the program (schema 1) opens, and keeps its reviews.</summary>
public class StoreMigrationTests
{
    [Fact]
    public void A_version_1_store_is_brought_up_to_date_and_its_review_follows_the_finding()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("extractor-v1-").FullName, "old.db");
        File.Copy(Corpus.Fixture("store-v1.db"), db);
        using var store = Store.OpenExisting(db);
        Assert.Equal(4L, Dapper.SqlMapper.ExecuteScalar<long>(store.Connection, "PRAGMA user_version"));
        var reviewed = Assert.Single(store.Findings(), f => f.Status != "open");
        Assert.Equal(("BUDGET_ADJUSTMENT_RATE", "confirmed", "v1 note"), (reviewed.Rule, reviewed.Status, reviewed.Note));
        Assert.Matches("^F[0-9A-F]{10}$", reviewed.Id);
        Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(store.Connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reviews_v1'"));
        // Stored before evidence was kept: `show` rebuilds it from the stored statements of the fields.
        var source = Assert.Single(store.FindingDetail(reviewed.Id)!.Sources);
        Assert.Contains(source.Evidence, e => e.Field == "budget.adjustment_rate" && e.Value is not null && e.Text.Length > 0);
    }
}
