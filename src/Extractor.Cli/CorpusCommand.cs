using System.CommandLine;
using System.Diagnostics;
using Extractor.Reading;

namespace Extractor.Cli;

/// <summary>`extractor corpus [DIR]`: reads every document under a folder and prints a summary line per file.</summary>
internal static class CorpusCommand
{
    // A rendition's fidelity to the corpus .txt it was made from (corpus/txt/NNN.txt beside corpus/KIND/NNN.ext).
    private static string FidelityToSource(FileInfo f)
    {
        if (f.Extension == ".txt" || f.Directory?.Parent is not { } corpus) return "";
        var source = Path.Combine(corpus.FullName, "txt", Path.GetFileNameWithoutExtension(f.Name) + ".txt");
        if (!File.Exists(source)) return "";
        var expected = DocumentText.Render(DocumentLoader.Read(source));
        var actual = DocumentText.Render(DocumentLoader.Read(f.FullName));
        return $"{Fidelity.Compare(expected, actual).Similarity:P2}";
    }

    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "folder to read recursively", DefaultValueFactory = _ => new DirectoryInfo("corpus") }.AcceptExistingOnly();
        var cmd = new Command("corpus", "read every .pdf/.docx/.txt under a folder and summarise") { dir };
        cmd.SetAction(parse =>
        {
            var root = parse.GetValue(dir)!;
            var files = root.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => f.Extension is ".pdf" or ".docx" or ".txt")
                .OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
            int ok = 0, failed = 0;
            Console.WriteLine($"{"file",-40} {"status",-18} {"pages",5} {"paras",6} {"tables",6} {"chars",7} {"ms",6} {"fidelity",8}");
            foreach (var f in files)
            {
                var sw = Stopwatch.StartNew();
                var rel = Path.GetRelativePath(root.FullName, f.FullName);
                try
                {
                    var doc = DocumentLoader.Read(f.FullName);
                    var blocks = doc.Blocks.ToList();
                    Console.WriteLine($"{rel,-40} {"ok",-18} {doc.Source.Pages,5} {blocks.OfType<Paragraph>().Count(),6} {blocks.OfType<Table>().Count(),6} {DocumentText.Render(doc).Length,7} {sw.ElapsedMilliseconds,6} {FidelityToSource(f),8}");
                    ok++;
                }
                catch (ReadException e)
                {
                    Console.WriteLine($"{rel,-40} {"failed:" + e.Code,-18} {"",5} {"",6} {"",6} {"",7} {sw.ElapsedMilliseconds,6}  {e.Message}");
                    failed++;
                }
            }
            Console.WriteLine($"{files.Count} files: {ok} ok, {failed} failed");
            return 0;
        });
        return cmd;
    }
}
