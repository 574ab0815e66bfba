using System.CommandLine;
using System.Text.Json.Nodes;
using Extractor.Evaluation;

namespace Extractor.Cli;

/// <summary>`extractor evaluate [CORPUS]`: field accuracy of every rendition against corpus/gold, per kind.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("corpus") { Description = "the corpus folder (gold/ and renditions)", DefaultValueFactory = _ => new DirectoryInfo("corpus") }.AcceptExistingOnly();
        var verbose = new Option<bool>("--diffs") { Description = "list every differing field" };
        var lexicon = LexiconOption.Create();
        var cmd = new Command("evaluate", "measure extraction accuracy against the gold files") { dir, verbose, lexicon };
        cmd.SetAction(parse =>
        {
            if (LexiconOption.Options(parse.GetValue(lexicon), out var error) is not { } options)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var root = parse.GetValue(dir)!.FullName;
            if (!Directory.Exists(Path.Combine(root, "gold"))) { Console.Error.WriteLine($"{root} has no gold/ folder"); return 2; }
            var totals = new SortedDictionary<string, (int Fields, int Correct)>();
            foreach (var goldFile in Directory.GetFiles(Path.Combine(root, "gold"), "*.json").Order())
            {
                var id = Path.GetFileNameWithoutExtension(goldFile);
                var gold = JsonNode.Parse(File.ReadAllText(goldFile))!.AsObject();
                foreach (var (kind, ext) in new[] { ("txt", ".txt"), ("docx", ".docx"), ("pdf-lo", ".pdf"), ("pdf-chrome", ".pdf") })
                {
                    var file = Path.Combine(root, kind, id + ext);
                    if (!File.Exists(file)) continue;
                    var r = GoldComparison.Compare(gold, Pipeline.Run(file, options));
                    var t = totals.GetValueOrDefault(kind);
                    totals[kind] = (t.Fields + r.Fields, t.Correct + r.Correct);
                    Console.WriteLine($"{kind + "/" + id,-16} {r.Correct,4}/{r.Fields,-4} {r.Accuracy,8:P2}");
                    if (parse.GetValue(verbose)) foreach (var d in r.Differences) Console.WriteLine("    " + d);
                }
            }
            int all = 0, ok = 0;
            foreach (var (kind, t) in totals)
            {
                Console.WriteLine($"{kind,-12} {t.Correct}/{t.Fields} = {(double)t.Correct / t.Fields:P2}");
                all += t.Fields; ok += t.Correct;
            }
            Console.WriteLine($"{"all",-12} {ok}/{all} = {(double)ok / Math.Max(1, all):P2}");
            return 0;
        });
        return cmd;
    }
}
