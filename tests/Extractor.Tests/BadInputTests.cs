using System.IO.Compression;
using Extractor.Reading;
using UglyToad.PdfPig.Writer;

namespace Extractor.Tests;

public class BadInputTests
{
    private static string Code(Action read) => Assert.Throws<ReadException>(read).Code;

    private static string Temp(string name, byte[] bytes)
    {
        var dir = Directory.CreateTempSubdirectory("extractor-bad-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Empty_file_is_unreadable() =>
        Assert.Equal(ErrorCodes.Unreadable, Code(() => DocumentLoader.Read(Temp("empty.pdf", []))));

    [Fact]
    public void Truncated_pdf_is_unreadable()
    {
        var bytes = File.ReadAllBytes(Corpus.Rendition("pdf-lo", "000"));
        Assert.Equal(ErrorCodes.Unreadable, Code(() => DocumentLoader.Read(Temp("cut.pdf", bytes[..600]))));
    }

    [Fact]
    public void Corrupt_docx_is_unreadable()
    {
        var bytes = File.ReadAllBytes(Corpus.Rendition("docx", "000"));
        Assert.Equal(ErrorCodes.Unreadable, Code(() => DocumentLoader.Read(Temp("cut.docx", bytes[..(bytes.Length / 2)]))));
    }

    [Fact]
    public void Pdf_with_user_password_is_encrypted() =>
        Assert.Equal(ErrorCodes.Encrypted, Code(() => DocumentLoader.Read(Corpus.Fixture("encrypted-user.pdf"))));

    [Fact]
    public void Pdf_with_only_an_owner_password_reads_normally()
    {
        var doc = DocumentLoader.Read(Corpus.Fixture("encrypted-owner-only.pdf"));
        Assert.Contains("关于召开2024年度预算绩效管理工作会议的通知", DocumentText.Render(doc));
    }

    [Fact]
    public void Pdf_without_text_needs_ocr()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(100, 100), 200, 300, 1, fill: true);
        Assert.Equal(ErrorCodes.NoText, Code(() => DocumentLoader.Read(Temp("scan.pdf", builder.Build()))));
    }

    [Fact]
    public void Spreadsheet_renamed_docx_is_unsupported()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            w.Write("<workbook/>");
        }
        Assert.Equal(ErrorCodes.UnsupportedFormat, Code(() => DocumentLoader.Read(Temp("sheet.docx", ms.ToArray()))));
    }

    [Fact]
    public void Legacy_doc_is_unsupported_with_advice()
    {
        var e = Assert.Throws<ReadException>(() => DocumentLoader.Read(Corpus.Fixture("legacy.doc")));
        Assert.Equal(ErrorCodes.UnsupportedFormat, e.Code);
        Assert.Contains(".docx", e.Message);
    }

    [Fact]
    public void Image_file_is_unsupported() =>
        Assert.Equal(ErrorCodes.UnsupportedFormat, Code(() => DocumentLoader.Read(Temp("scan.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]))));

    [Fact]
    public void File_over_the_size_limit_is_too_large() =>
        Assert.Equal(ErrorCodes.TooLarge, Code(() => DocumentLoader.Read(Corpus.Rendition("pdf-lo", "000"), new ReadLimits(MaxBytes: 1000))));

    [Fact]
    public void Pdf_over_the_page_limit_is_too_large() =>
        Assert.Equal(ErrorCodes.TooLarge, Code(() => DocumentLoader.Read(Corpus.Rendition("pdf-lo", "002"), new ReadLimits(MaxPages: 3))));

    [Fact]
    public void Pdf_named_docx_is_read_as_pdf()
    {
        var path = Temp("report.docx", File.ReadAllBytes(Corpus.Rendition("pdf-lo", "104")));
        Assert.Equal("pdf", DocumentLoader.Read(path).Source.Format);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_unreadable() =>
        Assert.Equal(ErrorCodes.Unreadable, Code(() => DocumentLoader.Read(Temp("gbk.txt", [0xC4, 0xEA, 0xB3, 0xF5, 0xFF]))));
}
