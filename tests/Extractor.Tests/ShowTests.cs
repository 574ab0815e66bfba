using Extractor.Storage;
using Extractor.Viewer;

namespace Extractor.Tests;

/// <summary>
/// `show`: each finding's figures found again in the stored document, in every rendition, with the written
/// number marked inside its sentence or table row; the number as written back from 万元.
/// </summary>
public class ShowTests
{
    private static readonly Lazy<string> Db = new(() =>
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("extractor-show-").FullName, "show.db");
        using var store = Store.Open(db);
        var run = store.StartRun();
        string[] files = [Corpus.Path("txt", "003.txt"), Corpus.Rendition("docx", "003"), Corpus.Rendition("pdf-lo", "003"),
            Corpus.Path("docx-word", "112.docx"), Corpus.Rendition("pdf-chrome", "105"), Corpus.Rendition("docx", "105")];
        foreach (var f in files) store.Save(Pipeline.Process(f), run, false);
        store.FinishRun(run, files.Length, 0, 0, 0);
        return db;
    });

    [Theory]
    [InlineData("100", "%", "预算调整率 100%。", 6)]
    [InlineData("2180.6", "万元", "财政拨款2,180.60万元", 4)]
    [InlineData("2180.6", "万元", "财政拨款２１８０．６万元", 4)]
    [InlineData("0.98", "元", "共计9,800.00元", 2)]
    [InlineData("15000", "亿元", "约15,000.00万元，合1.50亿元", 14)]
    public void A_value_is_found_as_the_report_wrote_it(string value, string unit, string text, int at)
    {
        var m = Passages.NumberPattern(decimal.Parse(value), unit)!.Match(Passages.Normal(text));
        Assert.True(m.Success, text);
        Assert.Equal(at, m.Index);
    }

    [Fact]
    public void A_number_inside_a_longer_number_is_not_the_figure()
    {
        Assert.DoesNotMatch(Passages.NumberPattern(10m, "%")!, "2010年完成率100.5%");
    }

    [Fact]
    public void A_table_figure_is_marked_in_its_own_cell_not_inside_a_longer_number_of_its_row()
    {
        // 得分 10 in a row whose 完成率 is 100%: the passage "10" is found in "100%" first, the number only in its cell.
        var cells = new[] { "1", "普通国省道优良路率", "100%", "10" }.Select((t, i) => new StoredCell(0, i, 1, 1, t)).ToList();
        var block = new StoredBlock(0, 0, 1, "table", string.Join("\t", cells.Select(c => c.Text)), cells);
        var e = new EvidenceItem("indicators.score", "得分", "1 | 普通国省道优良路率 | 100% | 10", 1, null, 0, 10m, null);
        Assert.Equal(new Mark(3, 0, 2), Passages.Locate(block, e));
    }

    [Fact]
    public void Every_evidence_of_every_finding_is_marked_in_its_passage()
    {
        using var store = Store.OpenExisting(Db.Value);
        var findings = store.Findings();
        Assert.True(findings.Count >= 5, $"only {findings.Count} findings");
        var marked = 0;
        foreach (var f in findings)
        {
            var detail = store.FindingDetail(f.Id)!;
            Assert.NotEmpty(detail.Sources);
            foreach (var source in detail.Sources)
            {
                var blocks = store.Blocks(source.Document.Id);
                foreach (var e in source.Evidence.Where(e => e.Value is not null))
                {
                    var at = Passages.FindBlock(blocks, e);
                    Assert.True(at >= 0, $"{f.Id} {e.Field} in {source.Document.Path}: no block");
                    Assert.Equal(e.Page, blocks[at].Page);
                    var mark = Passages.Locate(blocks[at], e)!;
                    var text = mark.Cell < 0 ? blocks[at].Text : blocks[at].Cells[mark.Cell].Text;
                    var shown = Passages.Normal(text).Substring(mark.Start, mark.Length);
                    Assert.Matches(Passages.NumberPattern(e.Value, e.Unit)!, shown);
                    marked++;
                }
            }
        }
        Assert.True(marked >= 20, $"only {marked} marks");
    }

    [Fact]
    public void Show_prints_the_finding_both_numbers_and_each_file_with_the_number_marked()
    {
        using var store = Store.OpenExisting(Db.Value);
        var f = store.Findings(new FindingFilter(Rule: "BUDGET_ADJUSTMENT_RATE", Unit: "商务局")).Single();
        var text = FindingText.Render(store.FindingDetail(f.Id)!, store.Blocks);
        Assert.Contains("预算调整率与调整数不符", text);
        Assert.Contains("报告所写：100", text);
        Assert.Contains("▶我单位年初批复预算数3142.55万元,年中调增数0万元,调整后全年预算数3142.55万元,预算调整率【100】%", text.Replace(" ", ""));
        foreach (var file in new[] { "003.txt", "003.docx", "003.pdf（pdf，第2页）" })
            Assert.Contains(file, text.Replace(" ", ""));
        Assert.Contains("位置 [", text);
    }
}
