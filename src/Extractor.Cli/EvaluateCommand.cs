using System.CommandLine;
using System.Text.Json.Nodes;
using Extractor.Evaluation;

namespace Extractor.Cli;

/// <summary>`extractor evaluate [CORPUS]`: field accuracy of every rendition against corpus/gold, per kind, and the
/// error-severity discrepancies a rendition raises that its gold does not list (a false 疑点).</summary>
internal static class EvaluateCommand
{
    private static readonly (string Kind, string Ext)[] Kinds =
        [("txt", ".txt"), ("docx", ".docx"), ("pdf-lo", ".pdf"), ("pdf-chrome", ".pdf"), ("pdf-scan", ".pdf")];

    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("corpus") { Description = "the corpus folder (gold/ and renditions)", DefaultValueFactory = _ => new DirectoryInfo("corpus") }.AcceptExistingOnly();
        var verbose = new Option<bool>("--diffs") { Description = "list every differing field" };
        var only = new Option<string[]>("--kind") { Description = "only these rendition kinds (txt, docx, pdf-lo, pdf-chrome, pdf-scan); repeatable" };
        var lexicon = LexiconOption.Create();
        var cmd = new Command("evaluate", "measure extraction accuracy against the gold files") { dir, verbose, only, lexicon };
        cmd.SetAction(parse =>
        {
            if (LexiconOption.Options(parse.GetValue(lexicon), out var error) is not { } options)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var root = parse.GetValue(dir)!.FullName;
            if (!Directory.Exists(Path.Combine(root, "gold"))) { Console.Error.WriteLine($"{root} has no gold/ folder"); return 2; }
            if (parse.GetValue(only)?.FirstOrDefault(k => !Kinds.Any(x => x.Kind == k)) is { } unknown)
            {
                Console.Error.WriteLine($"unknown rendition kind '{unknown}': use {string.Join(", ", Kinds.Select(x => x.Kind))}");
                return 2;
            }
            var kinds = parse.GetValue(only) is { Length: > 0 } k ? Kinds.Where(x => k.Contains(x.Kind)).ToArray() : Kinds;
            // Each gold file read once; one that is not a JSON object is named, not met as an internal error halfway through.
            var golds = Directory.GetFiles(Path.Combine(root, "gold"), "*.json").ToDictionary(g => g, File.ReadAllText);
            if (golds.FirstOrDefault(g => !IsJsonObject(g.Value)).Key is { } bad) { Console.Error.WriteLine($"{bad} is not a JSON object (a gold file)"); return 2; }
            var work = golds.Keys.Order()
                .SelectMany(g => kinds.Select(x => (Gold: g, x.Kind, File: Path.Combine(root, x.Kind, Path.GetFileNameWithoutExtension(g) + x.Ext))))
                .Where(w => File.Exists(w.File)).ToList();
            // In parallel (a scan takes seconds a page), printed in order.
            var results = new (GoldComparison.Result Fields, List<string> Unlisted)[work.Count];
            Parallel.For(0, work.Count, Cli.OnePerCore, i =>
            {
                var gold = JsonNode.Parse(golds[work[i].Gold])!.AsObject(); // its own copy: each kind compares against it
                var json = Pipeline.Run(work[i].File, options);
                results[i] = (GoldComparison.Compare(gold, json), UnlistedErrors(gold, json));
            });
            var totals = new SortedDictionary<string, (int Fields, int Correct, int Unlisted)>();
            for (var i = 0; i < work.Count; i++)
            {
                var (r, unlisted) = results[i];
                var kind = work[i].Kind;
                var t = totals.GetValueOrDefault(kind);
                totals[kind] = (t.Fields + r.Fields, t.Correct + r.Correct, t.Unlisted + unlisted.Count);
                var id = Path.GetFileNameWithoutExtension(work[i].Gold);
                Console.WriteLine($"{kind + "/" + id,-16} {r.Correct,4}/{r.Fields,-4} {r.Accuracy,8:P2}{(unlisted.Count > 0 ? "  errors not in gold: " + string.Join(", ", unlisted) : "")}");
                if (parse.GetValue(verbose)) foreach (var d in r.Differences) Console.WriteLine("    " + d);
            }
            int all = 0, ok = 0, extra = 0;
            foreach (var (kind, t) in totals)
            {
                Console.WriteLine($"{kind,-12} {t.Correct}/{t.Fields} = {(double)t.Correct / t.Fields:P2}, {t.Unlisted} error(s) not in gold");
                all += t.Fields; ok += t.Correct; extra += t.Unlisted;
            }
            Console.WriteLine($"{"all",-12} {ok}/{all} = {(double)ok / Math.Max(1, all):P2}, {extra} error(s) not in gold");
            return 0;
        });
        return cmd;
    }

    private static bool IsJsonObject(string text)
    {
        try { return JsonNode.Parse(text) is JsonObject; }
        catch (System.Text.Json.JsonException) { return false; }
    }

    // Error-severity discrepancies found that the gold does not list, as rule#indicator. Counted as a multiset:
    // each gold entry accounts for one finding, so a second finding under a listed rule still counts as false.
    private static List<string> UnlistedErrors(JsonObject gold, JsonObject actual)
    {
        static string Key(JsonNode d) => $"{d["rule"]}#{d["indicator"]?.ToString() ?? "-"}";
        var listed = (gold["discrepancies"] as JsonArray ?? []).Select(d => Key(d!)).ToList();
        var unlisted = new List<string>();
        foreach (var d in actual["discrepancies"] as JsonArray ?? [])
            if (d!["severity"]?.GetValue<string>() == "error" && !listed.Remove(Key(d)))
                unlisted.Add(Key(d));
        return unlisted;
    }
}
