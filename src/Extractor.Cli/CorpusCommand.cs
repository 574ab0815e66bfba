using System.CommandLine;
using System.Diagnostics;
using Extractor.Reading;

namespace Extractor.Cli;

/// <summary>`extractor corpus [DIR]`: reads every document under a folder and prints a summary line per file.</summary>
internal static class CorpusCommand
{
    // A rendition's fidelity to the corpus .txt it was made from (corpus/txt/NNN.txt beside corpus/KIND/NNN.ext).
    private static Fidelity.Result? FidelityToSource(FileInfo f, Document doc)
    {
        if (f.Extension == ".txt" || f.Directory?.Parent is not { } corpus) return null;
        var source = Path.Combine(corpus.FullName, "txt", Path.GetFileNameWithoutExtension(f.Name) + ".txt");
        if (!File.Exists(source)) return null;
        return Fidelity.Compare(DocumentText.Render(DocumentLoader.Read(source)), DocumentText.Render(doc));
    }

    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "folder to read recursively", DefaultValueFactory = _ => new DirectoryInfo("corpus") }.AcceptExistingOnly();
        var ocr = OcrOption.Create();
        var cmd = new Command("corpus", "read every .pdf/.docx/.txt under a folder and summarise") { dir, ocr };
        cmd.SetAction(parse =>
        {
            var root = parse.GetValue(dir)!;
            var limits = OcrOption.Limits(parse.GetValue(ocr));
            var files = root.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => f.Extension is ".pdf" or ".docx" or ".txt")
                .OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
            // Files in parallel (OCR takes seconds a page), lines printed in order; ms is each file's own wall time.
            var lines = new string[files.Count];
            var failed = new bool[files.Count];
            var byKind = new System.Collections.Concurrent.ConcurrentDictionary<string, List<double>>();
            var total = Stopwatch.StartNew();
            Parallel.For(0, files.Count, Cli.OnePerCore, i =>
            {
                var f = files[i];
                var sw = Stopwatch.StartNew();
                var rel = Path.GetRelativePath(root.FullName, f.FullName);
                try
                {
                    var doc = DocumentLoader.Read(f.FullName, limits);
                    var blocks = doc.Blocks.ToList();
                    var ms = sw.ElapsedMilliseconds;
                    var fidelity = FidelityToSource(f, doc);
                    if (fidelity is not null) lock (byKind) byKind.GetOrAdd(f.Directory!.Name, _ => []).Add(fidelity.Similarity);
                    lines[i] = $"{rel,-40} {"ok",-18} {doc.Source.Pages,5} {blocks.OfType<Paragraph>().Count(),6} {blocks.OfType<Table>().Count(),6} {DocumentText.Render(doc).Length,7} {ms,6} {(fidelity is null ? "" : $"{fidelity.Similarity:P2}"),8}";
                }
                catch (ReadException e)
                {
                    failed[i] = true;
                    lines[i] = $"{rel,-40} {"failed:" + e.Code,-18} {"",5} {"",6} {"",6} {"",7} {sw.ElapsedMilliseconds,6}  {e.Message}";
                }
            });
            Console.WriteLine($"{"file",-40} {"status",-18} {"pages",5} {"paras",6} {"tables",6} {"chars",7} {"ms",6} {"fidelity",8}");
            foreach (var l in lines) Console.WriteLine(l);
            foreach (var (kind, values) in byKind.OrderBy(k => k.Key))
                Console.WriteLine($"fidelity {kind,-12} mean {values.Average():P2}, lowest {values.Min():P2}, {values.Count(v => v >= 0.97)}/{values.Count} at 97% or more");
            Console.WriteLine($"{files.Count} files: {failed.Count(f => !f)} ok, {failed.Count(f => f)} failed, {total.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return cmd;
    }
}
