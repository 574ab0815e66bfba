using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Extractor.Extraction;
using Extractor.Reading;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Extractor.Tests;

/// <summary>
/// Pages of a .docx are where Word last rendered them. corpus/docx-word holds files carrying
/// w:lastRenderedPageBreak as Word saves them (made by corpus/tools/wordsave.py from the PDF LibreOffice
/// printed of the same file), so every figure must land on the page the PDF shows it on.
/// </summary>
public class DocxPageTests
{
    public static IEnumerable<object[]> WordSaved() =>
        Directory.GetFiles(Corpus.Path("docx-word"), "*.docx").Order().Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(WordSaved))]
    public void Figures_stand_on_the_page_the_printed_file_shows_them(string id)
    {
        var docx = ReportExtractor.Extract(DocumentLoader.Read(Corpus.Path("docx-word", id + ".docx")));
        var pdf = ReportExtractor.Extract(DocumentLoader.Read(Corpus.Rendition("pdf-lo", id)));
        var expected = pdf.Statements.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Page);
        var pages = docx.Statements.GroupBy(f => f.Key).Where(g => expected.ContainsKey(g.Key)).ToDictionary(g => g.Key, g => g.First().Page);
        Assert.True(pages.Count >= 8, $"{id}: only {pages.Count} figures to compare");
        Assert.Equal(pages.Keys.Order().Select(k => (k, expected[k])), pages.Keys.Order().Select(k => (k, pages[k])));
        Assert.Equal(pdf.Indicators.Select(i => (i.Name, i.Page)), docx.Indicators.Select(i => (i.Name, i.Page)));
        Assert.True(docx.Statements.Max(f => f.Page) > 1, $"{id}: every figure on page 1");
        // What Word adds (page marks, rsids, proofing marks, bookmarks) changes no value.
        var plain = ReportExtractor.Extract(DocumentLoader.Read(Corpus.Rendition("docx", id)));
        Assert.Equal(plain.Statements.Select(f => (f.Key, f.Value)), docx.Statements.Select(f => (f.Key, f.Value)));
    }

    private static byte[] Build(params OpenXmlElement[] body)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new W.Document(new Body(body));
            doc.MainDocumentPart!.Document.Save();
        }
        return ms.ToArray();
    }

    private static W.Paragraph P(params OpenXmlElement[] runContent) => new(new Run(runContent));

    private static List<(string, int)> Lines(byte[] docx) =>
        DocxReader.Read("t.docx", docx).Blocks.OfType<Extractor.Reading.Paragraph>()
            .SelectMany(p => p.Lines).Select(l => (l.Text, l.Page)).ToList();

    [Fact]
    public void Rendered_breaks_count_and_explicit_breaks_then_do_not()
    {
        // Word writes the explicit break and then a rendered break where the new page starts: one page, not two.
        var docx = Build(P(new Text("第一页")), P(new Text("前"), new Break { Type = BreakValues.Page }),
            P(new LastRenderedPageBreak(), new Text("第二页")),
            new W.Paragraph(new Run(new Text("跨页段落前半")), new Run(new LastRenderedPageBreak(), new Text("后半在第三页"))));
        Assert.Equal([("第一页", 1), ("前", 1), ("第二页", 2), ("跨页段落前半", 2), ("后半在第三页", 3)], Lines(docx));
    }

    [Fact]
    public void Without_rendered_breaks_explicit_breaks_make_the_pages()
    {
        var newPage = new W.Paragraph(new ParagraphProperties(new PageBreakBefore()), new Run(new Text("分页前置")));
        var section = new W.Paragraph(new ParagraphProperties(new SectionProperties(new SectionType { Val = SectionMarkValues.NextPage })),
            new Run(new Text("节末")));
        var docx = Build(P(new Text("一")), P(new Text("二"), new Break { Type = BreakValues.Page }, new Text("三")), newPage, section, P(new Text("新节")));
        Assert.Equal([("一", 1), ("二", 1), ("三", 2), ("分页前置", 3), ("节末", 3), ("新节", 4)], Lines(docx));
        Assert.Equal(4, DocxReader.Read("t.docx", docx).Pages.Count);
    }

    [Fact]
    public void Table_rows_take_the_page_they_were_rendered_on_and_blocks_their_body_index()
    {
        static W.TableRow Row(params OpenXmlElement[] content) => new(new W.TableCell(new W.Paragraph(new Run(content))));
        var docx = Build(P(new Text("表前")), new W.Table(Row(new Text("甲")), Row(new LastRenderedPageBreak(), new Text("乙"))), P(new Text("表后")));
        var doc = DocxReader.Read("t.docx", docx);
        var table = doc.Blocks.OfType<Extractor.Reading.Table>().Single();
        Assert.Equal([1, 2], table.Rows.Select(r => r.Page));
        Assert.Equal([0, 1, 2], doc.Blocks.Select(b => b.Index));
        Assert.Equal(2, doc.Blocks.Last().Page);
    }
}
