using System.Diagnostics;
using Extractor.Storage;
using UglyToad.PdfPig;

namespace Extractor.Cli;

/// <summary>
/// `extractor bench --ingest PATH [--repeat N]`: the whole ingest path — isolated workers, extraction, validation,
/// one transaction per document into a new SQLite store, and the run's cross-report work — against raw PdfPig
/// (open, every page's text) on the same files with the same parallelism, in one run. The files are copied N times,
/// each copy with a comment appended after %%EOF, so that every copy is new content to the store. Both sides are
/// warmed first (JIT, fonts, the workers); the workers' peak RSS is the kernel's high-water mark.
/// </summary>
internal static class IngestBench
{
    public static int Run(string[] pdfs, int repeat)
    {
        var jobs = Environment.ProcessorCount;
        var dir = Directory.CreateTempSubdirectory("extractor-bench-");
        try
        {
            var copies = Copies(pdfs, repeat, dir.CreateSubdirectory("copies"));
            var pages = copies.Sum(PageCount);
            Console.WriteLine($"{pdfs.Length} PDFs × {repeat} = {copies.Count} files, {pages} pages, on {jobs} cores");
            using var pool = new WorkerPool(Isolation.IsolatedReader.SelfCommand(), TimeSpan.FromSeconds(60));

            RawPdfPig(pdfs, jobs);
            Ingest(pdfs, Path.Combine(dir.FullName, "warm.db"), pool, jobs); // warm-up: JIT here and in the workers
            var reference = RawPdfPig(copies, jobs);
            var ingest = Ingest(copies, Path.Combine(dir.FullName, "bench.db"), pool, jobs);

            Console.WriteLine($"raw PdfPig (reference)  {pages / reference.TotalSeconds,8:0.0} pages/s  {reference.TotalSeconds,6:0.00} s");
            Console.WriteLine($"ingest (workers, store) {pages / ingest.Seconds,8:0.0} pages/s  {ingest.Seconds,6:0.00} s  ({ingest.Ok} reports, {ingest.Failed} failed)");
            Console.WriteLine($"ratio to reference: {reference.TotalSeconds / ingest.Seconds:0.00}×   peak RSS: this process " +
                              $"{Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB, workers {string.Join(", ", pool.WorkerPeaks().Select(b => $"{b >> 20} MB"))}");
            return 0;
        }
        finally { dir.Delete(recursive: true); }
    }

    private static List<string> Copies(string[] pdfs, int repeat, DirectoryInfo into)
    {
        var copies = new List<string>();
        for (var k = 0; k < repeat; k++)
            foreach (var pdf in pdfs)
            {
                var copy = Path.Combine(into.FullName, $"{k:D3}-{copies.Count:D5}-{Path.GetFileName(pdf)}");
                File.Copy(pdf, copy);
                File.AppendAllText(copy, $"\n% extractor bench copy {k}\n");
                copies.Add(copy);
            }
        return copies;
    }

    private static int PageCount(string pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.NumberOfPages;
    }

    private static TimeSpan RawPdfPig(IReadOnlyList<string> files, int jobs)
    {
        var sw = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = jobs }, f =>
        {
            using var pdf = PdfDocument.Open(f);
            foreach (var page in pdf.GetPages()) _ = page.Text;
        });
        return sw.Elapsed;
    }

    private static (double Seconds, int Ok, int Failed) Ingest(IReadOnlyList<string> files, string db, WorkerPool pool, int jobs)
    {
        var sw = Stopwatch.StartNew();
        using var store = Store.Open(db);
        var run = store.StartRun();
        int ok = 0, failed = 0;
        Ingestion.Run(store, run, files, Extraction.ExtractionOptions.Default, pool, jobs, forced: false,
            (f, saved) => { if (f is { Ok: true }) ok++; else failed++; }, CancellationToken.None).GetAwaiter().GetResult();
        store.FinishRun(run, files.Count, ok, failed, 0);
        return (sw.Elapsed.TotalSeconds, ok, failed);
    }
}
