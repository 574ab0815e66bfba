using System.Diagnostics;
using Extractor.Isolation;
using Extractor.Reading;
using Extractor.Reading.Ocr;

namespace Extractor.Cli;

/// <summary>
/// `extractor bench --ocr PATH`: the scanned (image-only) PDFs read as `ingest` reads them: one isolated worker
/// per core, each running pdftoppm and Tesseract as its children. Reports pages per minute over the whole run
/// and, per file, the peak memory of its worker with those children (sampled from /proc) and the worker's own
/// high-water mark.
/// </summary>
internal static class OcrBench
{
    public static readonly ReadLimits NoOcr = new(Ocr: new OcrOptions(OcrMode.Never));

    /// <summary>A PDF with no usable text layer on any page: what OCR is for.</summary>
    public static bool IsScan(string pdf)
    {
        try { DocumentLoader.Read(pdf, NoOcr); return false; }
        catch (ReadException e) { return e.Code == ErrorCodes.NoText; }
    }

    public static int Run(string[] pdfs)
    {
        var scans = pdfs.Where(IsScan).ToArray();
        if (scans.Length == 0) throw new UsageException("没有找到需要 OCR 的扫描件（无文字层的 PDF）");
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"{scans.Length} scanned PDFs, one worker per core on {cores} cores");
        var rows = new (string File, int Pages, double Seconds, long TreeMb, long WorkerMb, string Status)[scans.Length];
        var next = -1;
        var total = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Math.Min(cores, scans.Length)).Select(_ => new Thread(() =>
        {
            // A fresh worker per file, so that each file's peak is its own.
            for (var i = Interlocked.Increment(ref next); i < scans.Length; i = Interlocked.Increment(ref next))
            {
                using var reader = new IsolatedReader(IsolatedReader.SelfCommand(), TimeSpan.FromSeconds(30));
                using var memory = new ProcessTreeMemory(() => reader.ProcessId);
                var sw = Stopwatch.StartNew();
                long hwm = 0;
                string status;
                var pages = 0;
                try
                {
                    var doc = reader.Read(scans[i]);
                    pages = doc.Source.Pages;
                    status = "ok";
                }
                catch (ReadException e) { status = e.Code; }
                hwm = reader.PeakBytes;
                rows[i] = (scans[i], pages, sw.Elapsed.TotalSeconds, memory.PeakBytes >> 20, hwm >> 20, status);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var elapsed = total.Elapsed;
        Console.WriteLine($"{"file",-44} {"status",-8} {"pages",5} {"s",7} {"s/page",7} {"peak MB",8} {"worker MB",9}");
        foreach (var r in rows)
            Console.WriteLine($"{Path.GetFileName(r.File),-44} {r.Status,-8} {r.Pages,5} {r.Seconds,7:0.0} {r.Seconds / Math.Max(1, r.Pages),7:0.0} {r.TreeMb,8} {r.WorkerMb,9}");
        var read = rows.Sum(r => r.Pages);
        Console.WriteLine($"{read} pages in {elapsed.TotalSeconds:0.0} s on {cores} cores: {read / elapsed.TotalMinutes:0.0} pages/min; " +
            $"peak of one worker with its OCR tools {rows.Max(r => r.TreeMb)} MB (worker alone {rows.Max(r => r.WorkerMb)} MB)");
        return rows.All(r => r.Status == "ok") ? 0 : 2;
    }
}
