using System.Text.Json.Nodes;
using Extractor.Evaluation;
using Xunit.Abstractions;

namespace Extractor.Tests;

/// <summary>Every rendition of every corpus report against its hand-checked gold file.</summary>
public class GoldTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> AllRenditions()
    {
        foreach (var r in Corpus.Renditions()) yield return r;
        foreach (var txt in Directory.GetFiles(Corpus.Path("txt"), "*.txt").Order())
            yield return ["txt", Path.GetFileNameWithoutExtension(txt)];
    }

    public static string File(string kind, string id) =>
        kind == "txt" ? Corpus.Path("txt", id + ".txt") : Corpus.Rendition(kind, id);

    public static GoldComparison.Result Compare(string kind, string id)
    {
        var gold = JsonNode.Parse(System.IO.File.ReadAllText(Corpus.Path("gold", id + ".json")))!.AsObject();
        return GoldComparison.Compare(gold, Pipeline.Run(File(kind, id)));
    }

    [Theory]
    [MemberData(nameof(AllRenditions))]
    public void Validator_finds_exactly_the_contradictions_listed_in_gold(string kind, string id)
    {
        var gold = JsonNode.Parse(System.IO.File.ReadAllText(Corpus.Path("gold", id + ".json")))!.AsObject();
        if (gold["discrepancies"] is not JsonArray expected) return; // not a report: nothing to validate
        string Key(JsonNode d) => $"{d["rule"]}#{d["indicator"]?.ToString() ?? "-"}";
        var want = expected.Select(d => Key(d!)).Order().ToList();
        var got = Pipeline.Run(File(kind, id))["discrepancies"]!.AsArray().Select(d => Key(d!)).Order().ToList();
        Assert.True(want.SequenceEqual(got), $"{kind}/{id}: expected [{string.Join(", ", want)}], found [{string.Join(", ", got)}]");
    }

    [Theory]
    [MemberData(nameof(AllRenditions))]
    public void Extraction_matches_gold(string kind, string id)
    {
        var result = Compare(kind, id);
        output.WriteLine($"{kind}/{id}: {result.Correct}/{result.Fields} fields right");
        foreach (var d in result.Differences) output.WriteLine("  " + d);
        Assert.True(result.Differences.Count == 0,
            $"{kind}/{id}: {result.Differences.Count} fields differ from gold:\n" + string.Join("\n", result.Differences));
    }
}
