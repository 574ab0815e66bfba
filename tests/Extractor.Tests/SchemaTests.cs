using System.Text.Json.Nodes;

namespace Extractor.Tests;

/// <summary>
/// Every corpus file's `extract --json` output against schema/report.schema.json. JsonSchema.Net cannot be
/// restored here, so this is a small validator of the keywords the schema uses: type, enum, required,
/// properties, additionalProperties, items, $ref.
/// </summary>
public class SchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Corpus.Root, "schema", "report.schema.json")))!.AsObject();

    private static void Validate(JsonNode? node, JsonObject schema, string at, List<string> errors)
    {
        if (schema["$ref"] is { } r)
        {
            var name = r.GetValue<string>().Split('/').Last();
            schema = Schema["$defs"]![name]!.AsObject();
        }
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, node)))
            errors.Add($"{at}: {node?.ToJsonString()} not one of {options.ToJsonString()}");
        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Any(t => Is(node, t))) { errors.Add($"{at}: expected {string.Join("|", allowed)}, got {node?.ToJsonString() ?? "null"}"); return; }
        }
        if (node is JsonObject o)
        {
            foreach (var req in schema["required"]?.AsArray() ?? [])
                if (!o.ContainsKey(req!.GetValue<string>())) errors.Add($"{at}: missing {req}");
            foreach (var (key, value) in o)
            {
                if (schema["properties"]?[key] is JsonObject ps) Validate(value, ps, $"{at}.{key}", errors);
                else if (schema["additionalProperties"] is JsonObject ap) Validate(value, ap, $"{at}.{key}", errors);
            }
        }
        if (node is JsonArray arr && schema["items"] is JsonObject items)
            for (var i = 0; i < arr.Count; i++) Validate(arr[i], items, $"{at}[{i}]", errors);
    }

    private static bool Is(JsonNode? n, string type) => type switch
    {
        "null" => n is null,
        "object" => n is JsonObject,
        "array" => n is JsonArray,
        "string" => n is JsonValue v && v.TryGetValue<string>(out _),
        "integer" => n is JsonValue v && v.TryGetValue<decimal>(out var d) && d == Math.Floor(d),
        "number" => n is JsonValue v && v.TryGetValue<decimal>(out _),
        _ => false,
    };

    [Theory]
    [MemberData(nameof(GoldTests.AllRenditions), MemberType = typeof(GoldTests))]
    public void Extract_output_matches_the_json_schema(string kind, string id)
    {
        var json = JsonNode.Parse(Pipeline.Run(GoldTests.File(kind, id)).ToJsonString())!;
        var errors = new List<string>();
        Validate(json, Schema, "$", errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_validator_rejects_a_wrong_shape()
    {
        var errors = new List<string>();
        Validate(JsonNode.Parse("""{"source":{"path":"x"},"status":"maybe","figures":{"a":{"value":1}},"indicators":[],"projects":[],"discrepancies":[],"warnings":[]}"""), Schema, "$", errors);
        Assert.Contains(errors, e => e.Contains("status"));
        Assert.Contains(errors, e => e.Contains("source: missing format"));
        Assert.Contains(errors, e => e.Contains("figures.a: missing text"));
    }
}
