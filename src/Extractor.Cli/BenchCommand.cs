using System.CommandLine;
using System.Diagnostics;
using Extractor.Extraction;
using Extractor.Reading;
using Extractor.Validation;
using UglyToad.PdfPig;

namespace Extractor.Cli;

/// <summary>
/// `extractor bench [PATH] [--repeat N]`: read → extract → validate over the PDFs, on all cores, and in the
/// same run the reference: raw PdfPig (open, every page's text) on the same files with the same
/// parallelism. Reports pages/s, files/s, the ratio to the reference, peak working set and allocations per page.
/// Image-only PDFs are left out there (read without OCR they have no text); `bench --ocr` measures them instead.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var path = new Argument<FileSystemInfo>("path") { Description = "PDF 文件或文件夹", DefaultValueFactory = _ => new DirectoryInfo("corpus") }.AcceptExistingOnly();
        var repeat = Cli.Int("--repeat", "passes over the files (the best is reported)", 3, 1, 100);
        var ocr = new Option<bool>("--ocr") { Description = "测量扫描件的 OCR：每核一个隔离的读取进程，页/分钟及每个进程（含 OCR 子进程）的内存峰值" };
        var ingest = new Option<bool>("--ingest") { Description = "测量整个导入过程（隔离的读取进程、抽取、校验、写入新的 SQLite 库），与同一次运行中的原始 PdfPig 对比；文件复制 --repeat 份" };
        var cmd = new Command("bench", "measure the pipeline against raw PdfPig in the same run") { path, repeat, ocr, ingest };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            var files = parse.GetValue(path) switch
            {
                DirectoryInfo d => d.EnumerateFiles("*.pdf", SearchOption.AllDirectories).Select(f => f.FullName).Order().ToArray(),
                var f => [f!.FullName],
            };
            if (parse.GetValue(ocr)) return OcrBench.Run(files);
            files = files.Where(f => !OcrBench.IsScan(f)).ToArray();
            if (files.Length == 0) throw new UsageException("没有找到有文字层的 PDF");
            var n = parse.GetValue(repeat);
            if (parse.GetValue(ingest)) return IngestBench.Run(files, n);
            var work = Enumerable.Range(0, n).SelectMany(_ => files).ToArray();
            Console.WriteLine($"{files.Length} PDFs × {n} on {Environment.ProcessorCount} cores");

            int RawPdfPig(string f)
            {
                using var pdf = PdfDocument.Open(f);
                var pages = 0;
                foreach (var page in pdf.GetPages()) { _ = page.Text; pages++; }
                return pages;
            }
            int Pipeline(string f)
            {
                var doc = DocumentLoader.Read(f, OcrBench.NoOcr);
                try { Validator.Validate(ReportExtractor.Extract(doc)); } catch (NotAReportException) { }
                return doc.Source.Pages;
            }
            (double Seconds, int Pages, long Bytes) Measure(Func<string, int> run)
            {
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(true);
                var sw = Stopwatch.StartNew();
                var pages = 0;
                Parallel.ForEach(work, f => Interlocked.Add(ref pages, run(f)));
                return (sw.Elapsed.TotalSeconds, pages, GC.GetTotalAllocatedBytes(true) - before);
            }

            Measure(RawPdfPig); Measure(Pipeline); // warm-up: JIT, fonts
            var reference = Measure(RawPdfPig);
            var pipeline = Measure(Pipeline);
            void Line(string name, (double S, int P, long B) m) =>
                Console.WriteLine($"{name,-22} {m.P / m.S,9:0.0} pages/s {work.Length / m.S,8:0.0} files/s {m.B / Math.Max(1, m.P) / 1024.0,9:0} KiB allocated/page");
            Line("raw PdfPig (reference)", reference);
            Line("read+extract+validate", pipeline);
            Console.WriteLine($"ratio to reference: {(pipeline.Pages / pipeline.Seconds) / (reference.Pages / reference.Seconds):0.00}×   peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
            return 0;
        }));
        return cmd;
    }
}
