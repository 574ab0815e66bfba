using Extractor.Reading;

namespace Extractor.Tests;

public class PdfReaderTests
{
    public static IEnumerable<object[]> PdfKinds() => [["pdf-lo"], ["pdf-chrome"]];

    [Theory]
    [MemberData(nameof(PdfKinds))]
    public void No_space_is_inserted_between_CJK_characters(string kind)
    {
        var text = DocumentText.Render(DocumentLoader.Read(Corpus.Rendition(kind, "000")));
        Assert.Contains("全年预算数为556.83万元", text);
        Assert.Contains("部门单位整体支出", text);
        Assert.DoesNotContain("全 年", text);
    }

    [Theory]
    [MemberData(nameof(PdfKinds))]
    public void Wrapped_lines_are_joined_into_one_paragraph(string kind)
    {
        var doc = DocumentLoader.Read(Corpus.Rendition(kind, "101"));
        var para = doc.Blocks.OfType<Paragraph>().Single(p => p.Text.StartsWith("2022年本部门年初批复预算数"));
        Assert.True(para.Lines.Count >= 2, "the paragraph spans several printed lines");
        Assert.Contains("年中调减预算1,235,680.00元，调整后全年预算数为11,121,120.00元，预算调整率为10.00%。", para.Text);
    }

    [Theory]
    [MemberData(nameof(PdfKinds))]
    public void Running_header_and_page_numbers_leave_the_flow_but_the_title_stays(string kind)
    {
        var doc = DocumentLoader.Read(Corpus.Rendition(kind, "101"));
        var paragraphs = doc.Blocks.OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Equal(2, doc.Source.Pages);
        Assert.Single(paragraphs, t => t == "河西县教育局2022年度部门整体支出绩效自评报告");
        Assert.Equal("河西县教育局2022年度部门整体支出绩效自评报告", paragraphs[0]);
        Assert.DoesNotContain(paragraphs, t => t.Contains("页") && t.Contains("共"));
    }

    [Theory]
    [MemberData(nameof(PdfKinds))]
    public void Dash_page_numbers_and_unit_name_header_are_removed(string kind)
    {
        foreach (var id in new[] { "102", "103" })
        {
            var text = DocumentText.Render(DocumentLoader.Read(Corpus.Rendition(kind, id)));
            Assert.DoesNotContain("— 1 —", text);
            Assert.DoesNotContain("—1—", text);
            Assert.DoesNotContain("\n南岭县卫生健康委员会\n", "\n" + text.Replace('\f', '\n'));
        }
    }

    [Theory]
    [MemberData(nameof(PdfKinds))]
    public void Ruled_table_is_rebuilt_into_cells(string kind)
    {
        var doc = DocumentLoader.Read(Corpus.Rendition(kind, "101"));
        var budget = doc.Blocks.OfType<Table>().First();
        string[][] expected =
        [
            ["项目", "年初预算数", "调整后预算数", "实际支出数", "执行率"],
            ["合计", "12,356,800.00", "11,121,120.00", "10,687,396.32", "96.10%"],
            ["基本支出", "8,245,600.00", "8,245,600.00", "8,012,345.67", "97.17%"],
            ["项目支出", "4,111,200.00", "2,875,520.00", "2,675,050.65", "93.03%"],
        ];
        Assert.Equal(expected, budget.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray());
        Assert.All(budget.Rows.SelectMany(r => r.Cells), c => Assert.NotNull(c.Box));
    }

    [Theory]
    [MemberData(nameof(PdfKinds))]
    public void Merged_cells_of_the_self_evaluation_table_keep_their_spans(string kind)
    {
        var doc = DocumentLoader.Read(Corpus.Rendition(kind, "101"));
        var cells = doc.Blocks.OfType<Table>().Where(t => t.Rows[0].Cells.Any(c => c.Text == "一级指标"))
            .SelectMany(t => t.Rows).SelectMany(r => r.Cells).ToList();
        var output = cells.Single(c => c.Text == "产出指标");
        Assert.Equal((4, 1), (output.RowSpan, output.ColumnSpan));
        var quantity = cells.Single(c => c.Text == "数量指标");
        Assert.Equal(2, quantity.RowSpan);
        var execution = cells.Single(c => c.Text == "预算执行率");
        Assert.Equal((1, 3), (execution.RowSpan, execution.ColumnSpan));
        var total = cells.Single(c => c.Text == "总分");
        Assert.Equal(5, total.ColumnSpan);
    }

    [Fact]
    public void Chromium_radical_code_points_are_mapped_to_ideographs()
    {
        var text = DocumentText.Render(DocumentLoader.Read(Corpus.Rendition("pdf-chrome", "002")));
        Assert.Contains("部门", text);
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public void Every_piece_of_a_pdf_knows_its_page_and_position()
    {
        var doc = DocumentLoader.Read(Corpus.Rendition("pdf-lo", "002"));
        Assert.Equal(doc.Source.Pages, doc.Pages.Count);
        foreach (var page in doc.Pages)
            Assert.All(page.Blocks, b => { Assert.Equal(page.Number, b.Page); Assert.NotNull(b.Box); });
        Assert.Equal(64, doc.Source.Sha256.Length);
    }
}
