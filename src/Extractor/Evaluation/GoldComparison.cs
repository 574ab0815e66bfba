using System.Text;
using System.Text.Json.Nodes;

namespace Extractor.Evaluation;

/// <summary>
/// Compares an extraction result with a hand-checked gold file field by field: report fields,
/// every figure key, every part of every indicator (in order, with its label and group) and every project. A field counts once
/// whether it is missing, wrong or reported though the gold does not have it.
/// </summary>
public static class GoldComparison
{
    public sealed record Result(int Fields, int Correct, IReadOnlyList<string> Differences)
    {
        public double Accuracy => Fields == 0 ? 1 : (double)Correct / Fields;
    }

    public static Result Compare(JsonObject gold, JsonObject actual)
    {
        var diffs = new List<string>();
        int fields = 0, correct = 0;
        void Check(string field, JsonNode? expected, JsonNode? got)
        {
            if (expected is null && got is null) return;
            fields++;
            if (Same(expected, got)) correct++;
            else diffs.Add($"{field}: expected {Show(expected)}, got {Show(got)}");
        }

        Check("status", gold["status"], actual["status"]);
        if (gold["status"]?.GetValue<string>() != "ok")
        {
            Check("error.code", gold["error_code"], actual["error"]?["code"]);
            return new Result(fields, correct, diffs);
        }
        foreach (var f in new[] { "unit_name", "fiscal_year", "filled_date" })
            Check($"report.{f}", gold["report"]?[f], actual["report"]?[f]);

        var goldFigures = gold["figures"]!.AsObject();
        var gotFigures = actual["figures"]?.AsObject() ?? [];
        foreach (var key in goldFigures.Select(p => p.Key).Union(gotFigures.Select(p => p.Key)).Order(StringComparer.Ordinal))
            Check($"figures.{key}", goldFigures[key], gotFigures[key]?["value"]);

        var gi = gold["indicators"]!.AsArray();
        var ai = actual["indicators"]?.AsArray() ?? [];
        for (var i = 0; i < Math.Max(gi.Count, ai.Count); i++)
        {
            var g = i < gi.Count ? gi[i] : null;
            var a = i < ai.Count ? ai[i] : null;
            var label = $"indicators[{i + 1}]";
            foreach (var part in new[] { "label", "group", "name", "target", "midyear", "actual", "completion_rate", "weight", "score" })
                Check($"{label}.{part}", g?[part], a?[part]);
        }

        var gp = gold["projects"]!.AsArray();
        var ap = actual["projects"]?.AsArray() ?? [];
        for (var i = 0; i < Math.Max(gp.Count, ap.Count); i++)
            foreach (var part in new[] { "name", "budget", "actual" })
                Check($"projects[{i + 1}].{part}", i < gp.Count ? gp[i]?[part] : null, i < ap.Count ? ap[i]?[part] : null);
        return new Result(fields, correct, diffs);
    }

    private static string Show(JsonNode? n) => n is null ? "(absent)" : n.ToJsonString(Extraction.ReportJson.Options).Replace("\n", "").Replace("  ", "");

    private static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is JsonObject ao && b is JsonObject bo)
        {
            // Only the parts the gold states: extra keys (page, text) are provenance, not values.
            return ao.All(p => Same(p.Value, bo[p.Key]));
        }
        if (a is JsonValue av && b is JsonValue bv)
        {
            if (av.TryGetValue<decimal>(out var ad) && bv.TryGetValue<decimal>(out var bd)) return ad == bd;
            return Norm(av.ToString()) == Norm(bv.ToString());
        }
        if (a is JsonArray aa && b is JsonArray ba) return aa.Count == ba.Count && aa.Zip(ba).All(p => Same(p.First, p.Second));
        return a.ToJsonString() == b.ToJsonString();
    }

    private static string Norm(string s) => new(s.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
