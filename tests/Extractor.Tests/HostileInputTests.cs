using System.IO.Compression;
using System.Text;
using Extractor.Isolation;
using Extractor.Reading;
using Xunit.Abstractions;

namespace Extractor.Tests;

public class HostileInputTests(ITestOutputHelper output)
{
    private static string[] Worker() => ["dotnet", Path.Combine(AppContext.BaseDirectory, "extractor.dll"), "worker"];

    private static string Temp(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("extractor-hostile-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Zip_bomb_is_refused_before_parsing()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) w.Write("<w:document/>");
            using var big = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 40; i++) big.Write(zeros);
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ReadException>(() => DocumentLoader.Read(Temp("bomb.docx", ms.ToArray())));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
        Assert.Contains("zip bomb", e.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"took {sw.Elapsed}");
    }

    [Fact]
    public void External_entity_never_shows_a_local_file()
    {
        var docx = File.ReadAllBytes(Corpus.Rendition("docx", "000"));
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            entry.Delete();
            xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml[(xml.IndexOf("?>") + 2)..].Replace("</w:t>", "&x;</w:t>");
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        var result = Pipeline.Run(Temp("xxe.docx", ms.ToArray()));
        Assert.DoesNotContain("root:", result.ToJsonString());
        Assert.Equal("failed", result["status"]!.GetValue<string>());
    }

    [Fact]
    public void A_reader_that_hangs_is_killed_and_the_file_times_out()
    {
        using var reader = new IsolatedReader(["sh", "-c", "sleep 60"], TimeSpan.FromSeconds(1));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ReadException>(() => reader.Read("/any/file.pdf"));
        Assert.Equal(ErrorCodes.Timeout, e.Code);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(1, reader.Restarts);
    }

    /// <summary>Each page the worker announces for OCR grows the file's limit by one page's allowance, and the reader
    /// says what limit the file was finally given (the fuzz run's hang test is measured against it).</summary>
    [Fact]
    public void Each_announced_OCR_page_grows_the_files_limit()
    {
        using var reader = new IsolatedReader(["sh", "-c", "read x; echo '{\"OcrPage\":1}'; sleep 1.5; echo '{\"OcrPage\":2}'; echo '{\"Code\":\"no_text\",\"Message\":\"m\"}'"],
            TimeSpan.FromSeconds(1), ocrPage: TimeSpan.FromSeconds(2));
        var e = Assert.Throws<ReadException>(() => reader.Read("x.pdf"));
        Assert.Equal(ErrorCodes.NoText, e.Code); // 1.5 s: past the 1 s limit, inside the 3 s the first OCR page gave
        Assert.Equal(TimeSpan.FromSeconds(5), reader.LastLimit);
    }

    [Fact]
    public void A_reader_that_dies_gives_a_status_and_is_restarted()
    {
        using var reader = new IsolatedReader(["sh", "-c", "read x; exit 3"], TimeSpan.FromSeconds(5));
        var e = Assert.Throws<ReadException>(() => reader.Read("/any/file.pdf"));
        Assert.Equal(ErrorCodes.Unreadable, e.Code);
        Assert.Contains("crashed", e.Message);
        Assert.Throws<ReadException>(() => reader.Read("/any/other.pdf")); // a fresh worker took over
        Assert.Equal(2, reader.Restarts);
    }

    [Fact]
    public void The_isolated_worker_reads_like_the_reader_in_process()
    {
        using var reader = new IsolatedReader(Worker(), TimeSpan.FromSeconds(30));
        var isolated = DocumentText.Render(reader.Read(Corpus.Rendition("pdf-lo", "101")));
        Assert.Equal(DocumentText.Render(DocumentLoader.Read(Corpus.Rendition("pdf-lo", "101"))), isolated);
        Assert.Equal(ErrorCodes.Encrypted, Assert.Throws<ReadException>(() => reader.Read(Corpus.Fixture("encrypted-user.pdf"))).Code);
    }

    /// <summary>
    /// A 4 MB PDF of two million "q" operators: PdfPig keeps a graphics state per q (890 MB in-process). The worker's
    /// heap cap stops it (451 MB peak RSS measured through `extract`) and the file gets too_large; the worker lives on.
    /// </summary>
    [Fact]
    public void Two_million_save_states_end_as_too_large_under_the_workers_cap()
    {
        var content = string.Concat(Enumerable.Repeat("q\n", 2_000_000)) + "BT /F1 12 Tf 72 720 Td (hello) Tj ET\n";
        var body = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < body.Length; i++) { offsets.Add(pdf.Length); pdf.Append($"{i + 1} 0 obj\n{body[i]}\nendobj\n"); }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {body.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {body.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var path = Temp("q2m.pdf", System.Text.Encoding.ASCII.GetBytes(pdf.ToString()));

        using var reader = new IsolatedReader(Worker(), TimeSpan.FromSeconds(60));
        var e = Assert.Throws<ReadException>(() => reader.Read(path));
        Assert.Equal(ErrorCodes.TooLarge, e.Code);
        Assert.Contains("cap", e.Message);
        // The issue's bound: no single file takes any process past 500 MB.
        Assert.InRange(reader.PeakBytes >> 20, 1, 499);
        Assert.NotEmpty(reader.Read(Corpus.Rendition("pdf-lo", "101")).Blocks);
        Assert.Equal(0, reader.Restarts);
    }

    /// <summary>About 40 seconds of mutants in CI; `extractor fuzz --count 10000` runs any count.</summary>
    [Fact]
    public void Fuzzed_corpus_files_all_end_with_a_status()
    {
        // OCR off: a mutant that loses its text layer would otherwise spend its time in pdftoppm, and this test is
        // about the parsers; the OCR tools run under their own limits (OcrModeTests, ScanTests).
        var outcome = FuzzRun.Run(Path.Combine(Corpus.Root, "corpus"), 100_000, 20261123, [.. Worker(), "--ocr", "never"], TimeSpan.FromSeconds(30),
            new StringWriter(), budget: TimeSpan.FromSeconds(40));
        output.WriteLine($"{outcome.Total} mutants: {string.Join(", ", outcome.ByStatus)}; crashes {outcome.Crashes}; hangs {outcome.Hangs}");
        Assert.True(outcome.Total >= 30, $"only {outcome.Total} mutants ran");
        Assert.Equal((0, 0), (outcome.Crashes, outcome.Hangs));
        output.WriteLine($"peak RSS of the workers {outcome.WorkerPeakMb} MB");
        Assert.InRange(outcome.WorkerPeakMb, 1, 499);
    }

    [Fact]
    public void A_folder_of_good_and_hostile_files_ingests_the_good_and_records_the_bad()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-mixed-").FullName;
        File.Copy(Corpus.Path("txt", "000.txt"), Path.Combine(dir, "good.txt"));
        File.Copy(Corpus.Rendition("pdf-lo", "003"), Path.Combine(dir, "good.pdf"));
        File.Copy(Corpus.Fixture("encrypted-user.pdf"), Path.Combine(dir, "locked.pdf"));
        File.Copy(Corpus.Fixture("legacy.doc"), Path.Combine(dir, "old.docx"));
        File.WriteAllBytes(Path.Combine(dir, "empty.pdf"), []);
        var files = Directory.GetFiles(dir);
        using var store = Storage.Store.Open(Path.Combine(dir, "t.db"));
        var run = store.StartRun();
        using var reader = new IsolatedReader(Worker(), TimeSpan.FromSeconds(30));
        foreach (var f in files)
            store.Save(Pipeline.Process(f, reader.Read), run, false);
        var rows = Dapper.SqlMapper.Query<(string Path, string Status, string? Code)>(store.Connection,
            "SELECT path, status, error_code FROM documents").Select(r => (Path.GetFileName(r.Path), r.Status, r.Code)).Order().ToList();
        Assert.Equal([("empty.pdf", "failed", "unreadable"), ("good.pdf", "ok", null), ("good.txt", "ok", null),
                      ("locked.pdf", "failed", "encrypted"), ("old.docx", "failed", "unsupported_format")], rows);
        Assert.InRange(reader.PeakBytes >> 20, 1, 499);
    }
}
