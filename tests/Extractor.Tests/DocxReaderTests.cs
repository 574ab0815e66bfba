using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Extractor.Reading;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Extractor.Tests;

public class DocxReaderTests
{
    /// <summary>A .docx built in memory with every construct the reader must handle.</summary>
    private static byte[] BuildDocx()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new W.Paragraph(new Run(new Text("页眉单位名称"))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new W.Paragraph(new Run(new Text("第1页"))));

            static W.TableCell Cell(string text, TableCellProperties? props = null)
            {
                var c = new W.TableCell(new W.Paragraph(new Run(new Text(text))));
                if (props is not null) c.PrependChild(props);
                return c;
            }
            var table = new W.Table(
                new W.TableRow(Cell("一级指标"), Cell("三级指标"), Cell("得分")),
                new W.TableRow(Cell("产出指标", new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart })), Cell("培训人次"), Cell("10")),
                new W.TableRow(Cell("", new TableCellProperties(new VerticalMerge())), Cell("满意度"), Cell("9")),
                new W.TableRow(Cell("合计", new TableCellProperties(new GridSpan { Val = 2 })), Cell("19")));

            main.Document = new W.Document(new Body(
                new W.Paragraph(new Run(new Text("年初预算数为"))),
                new W.Paragraph(
                    new Run(new Text("年初预算数为")),
                    new InsertedRun(new Run(new Text("775.45"))) { Author = "a", Id = "1" },
                    new DeletedRun(new Run(new DeletedText("999.99"))) { Author = "a", Id = "2" },
                    new Run(new Text("万元"))),
                new W.Paragraph(
                    new Run(new Text("共")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" = 3 ")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new Text("3")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                    new Run(new Text("个项目"))),
                new W.Paragraph(new Run(new Text("锚定段落")), new Run(new Picture(TextBoxShape("文本框里的文字")))),
                table,
                new W.Paragraph(new Run(new Text("结尾")))));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static DocumentFormat.OpenXml.Vml.Shape TextBoxShape(string text)
    {
        var content = new TextBoxContent(new W.Paragraph(new Run(new Text(text))));
        return new DocumentFormat.OpenXml.Vml.Shape(new DocumentFormat.OpenXml.Vml.TextBox(content));
    }

    [Fact]
    public void Paragraphs_tables_textboxes_and_tracked_changes_come_out_in_order()
    {
        var doc = DocxReader.Read("t.docx", BuildDocx());
        var texts = doc.Blocks.Select(b => b is Extractor.Reading.Paragraph p ? p.Text : "[table]").ToList();
        Assert.Equal(["年初预算数为", "年初预算数为775.45万元", "共3个项目", "锚定段落", "文本框里的文字", "[table]", "结尾"], texts);
        Assert.Equal("docx", doc.Source.Format);
        Assert.All(doc.Blocks, b => Assert.Equal(1, b.Page));
    }

    [Fact]
    public void Headers_and_footers_stay_out_of_the_flow()
    {
        var text = DocumentText.Render(DocxReader.Read("t.docx", BuildDocx()));
        Assert.DoesNotContain("页眉单位名称", text);
        Assert.DoesNotContain("第1页", text);
    }

    [Fact]
    public void Merged_cells_become_spans()
    {
        var table = DocxReader.Read("t.docx", BuildDocx()).Blocks.OfType<Extractor.Reading.Table>().Single();
        var merged = table.Rows[1].Cells[0];
        Assert.Equal(("产出指标", 1, 0, 2, 1), (merged.Text, merged.Row, merged.Column, merged.RowSpan, merged.ColumnSpan));
        Assert.Equal(["满意度", "9"], table.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(1, table.Rows[2].Cells[0].Column);
        var total = table.Rows[3].Cells[0];
        Assert.Equal(("合计", 2), (total.Text, total.ColumnSpan));
        Assert.Equal(2, table.Rows[3].Cells[1].Column);
    }

    [Fact]
    public void Corpus_docx_tables_keep_their_merged_cells()
    {
        var doc = DocumentLoader.Read(Corpus.Rendition("docx", "103"));
        var cells = doc.Blocks.OfType<Extractor.Reading.Table>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).ToList();
        Assert.Equal(4, cells.Single(c => c.Text == "产出指标").RowSpan);
        Assert.Equal(3, cells.Single(c => c.Text == "预算执行情况").ColumnSpan);
    }
}
