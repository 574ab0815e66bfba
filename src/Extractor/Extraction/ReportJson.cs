using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>The contract's JSON shape (shared/contract/report-json.md) for one extracted report or one failure.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Source(SourceInfo s) => new()
    {
        ["path"] = s.Path, ["sha256"] = s.Sha256, ["format"] = s.Format, ["pages"] = s.Pages,
    };

    public static JsonObject Failed(JsonObject source, string code, string message) => new()
    {
        ["source"] = source,
        ["status"] = "failed",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        ["figures"] = new JsonObject(),
        ["indicators"] = new JsonArray(),
        ["projects"] = new JsonArray(),
        ["discrepancies"] = new JsonArray(),
        ["warnings"] = new JsonArray(),
        ["unread"] = new JsonArray(),
        ["checks_skipped"] = new JsonArray(),
    };

    public static JsonObject Ok(SourceInfo source, Report report, JsonArray? discrepancies = null, IEnumerable<Validation.SkippedCheck>? skipped = null)
    {
        var figures = new JsonObject();
        foreach (var group in report.Statements.GroupBy(f => f.Key))
        {
            var first = group.First();
            var node = FigureNode(first);
            if (group.Count() > 1)
                node["statements"] = new JsonArray(group.Select(f => (JsonNode)FigureNode(f)).ToArray());
            figures[group.Key] = node;
        }
        return new JsonObject
        {
            ["source"] = Source(source),
            ["status"] = "ok",
            ["report"] = new JsonObject
            {
                ["unit_name"] = report.Info.UnitName,
                ["fiscal_year"] = report.Info.FiscalYear,
                ["filled_date"] = report.Info.FilledDate,
            },
            ["figures"] = figures,
            ["indicators"] = new JsonArray(report.Indicators.Select(i => (JsonNode)IndicatorNode(i)).ToArray()),
            ["projects"] = new JsonArray(report.Projects.Select(p => (JsonNode)ProjectNode(p)).ToArray()),
            ["discrepancies"] = discrepancies ?? new JsonArray(),
            ["warnings"] = new JsonArray(report.Warnings.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
            ["unread"] = new JsonArray(report.Unread.Select(u => (JsonNode)new JsonObject
            {
                ["value"] = u.Value, ["unit"] = u.Unit, ["text"] = u.Text, ["page"] = u.Page,
            }).ToArray()),
            ["checks_skipped"] = new JsonArray((skipped ?? []).Select(c =>
            {
                var o = new JsonObject { ["rule"] = c.Rule, ["reason"] = c.Reason };
                if (c.Indicator is { } i) o["indicator"] = i;
                return (JsonNode)o;
            }).ToArray()),
        };
    }

    public static JsonArray Discrepancies(IEnumerable<Validation.Discrepancy> list) =>
        new(list.Select(d =>
        {
            var o = new JsonObject
            {
                ["rule"] = d.Rule, ["severity"] = d.Severity,
                ["fields"] = new JsonArray(d.Fields.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
                ["stated"] = Scalar(d.Stated), ["expected"] = Scalar(d.Expected),
                ["message"] = d.Message, ["page"] = d.Page,
            };
            if (d.Indicator is { } i) o["indicator"] = i;
            if (d.Source is { } t) o["text"] = t;
            if (d.Box is { } b) o["box"] = BoxNode(b);
            if (d.Evidence.Count > 0)
                o["evidence"] = Evidence(d.Evidence);
            return (JsonNode)o;
        }).ToArray());

    /// <summary>Each figure a finding names: field, label, passage, page, box, paragraph, and the value as read.</summary>
    public static JsonArray Evidence(IEnumerable<Validation.Evidence> evidence) =>
        new(evidence.Select(e =>
        {
            var n = new JsonObject { ["field"] = e.Field, ["label"] = e.Label, ["text"] = e.Text, ["page"] = e.Page };
            if (e.Box is { } eb) n["box"] = BoxNode(eb);
            if (e.Paragraph is { } ep) n["paragraph"] = ep;
            if (e.Confidence is { } ec) { n["ocr"] = true; n["confidence"] = Confidence(ec); }
            if (e.Value is { } v) n["value"] = v;
            if (e.Unit is { } u) n["unit"] = u;
            return (JsonNode)n;
        }).ToArray());

    private static JsonNode? Scalar(object? v) => v switch
    {
        null => null,
        decimal m => JsonValue.Create(m),
        int i => JsonValue.Create(i),
        string s => JsonValue.Create(s),
        _ => JsonValue.Create(v.ToString()),
    };

    private static JsonObject FigureNode(Figure f)
    {
        var o = new JsonObject { ["value"] = f.Word is not null ? JsonValue.Create(f.Word) : JsonValue.Create(f.Value) };
        if (f.Unit is not null) o["unit"] = f.Unit;
        o["text"] = f.Text;
        o["page"] = f.Page;
        if (f.Box is { } b) o["box"] = BoxNode(b);
        if (f.Paragraph is { } p) o["paragraph"] = p;
        if (f.Confidence is { } c) { o["ocr"] = true; o["confidence"] = Confidence(c); }
        return o;
    }

    private static JsonValue Confidence(float c) => JsonValue.Create(Math.Round((decimal)c, 3));

    /// <summary>[x0, y0, x1, y1] in PDF points, origin bottom-left, to two decimals.</summary>
    public static JsonArray BoxNode(Box b) =>
        new(JsonValue.Create(Math.Round(b.Left, 2)), JsonValue.Create(Math.Round(b.Bottom, 2)), JsonValue.Create(Math.Round(b.Right, 2)), JsonValue.Create(Math.Round(b.Top, 2)));

    private static JsonObject Quantity(decimal value, string? unit)
    {
        var o = new JsonObject { ["value"] = value };
        if (unit is not null) o["unit"] = unit;
        return o;
    }

    private static JsonObject IndicatorNode(Indicator i)
    {
        var o = new JsonObject { ["seq"] = i.Seq };
        if (i.Label is not null) o["label"] = i.Label;
        o["name"] = i.Name;
        if (i.Group is { Count: > 0 } g) o["group"] = new JsonArray(g.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray());
        if (i.Target is { } t)
        {
            var target = new JsonObject { ["op"] = t.Op, ["value"] = t.Value };
            if (t.Unit is not null) target["unit"] = t.Unit;
            o["target"] = target;
        }
        if (i.Midyear is { } m) o["midyear"] = Quantity(m.Value, m.Unit);
        if (i.Actual is { } a) o["actual"] = Quantity(a.Value, a.Unit);
        if (i.CompletionRate is { } c) o["completion_rate"] = c;
        if (i.Weight is { } w) o["weight"] = w;
        if (i.Score is { } s) o["score"] = s;
        if (i.DeviationReason is { } d) o["deviation_reason"] = d;
        if (i.Improvement is { } im) o["improvement"] = im;
        o["page"] = i.Page;
        if (i.Boxes.Count > 0)
            o["boxes"] = new JsonObject(i.Boxes.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonObject { ["page"] = p.Value.Page, ["box"] = BoxNode(p.Value.Box) })));
        if (i.Paragraph is { } para) o["paragraph"] = para;
        if (i.Confidence.Count > 0)
        {
            o["ocr"] = true;
            o["confidence"] = new JsonObject(i.Confidence.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Confidence(p.Value))));
        }
        return o;
    }

    private static JsonObject ProjectNode(Project p)
    {
        var o = new JsonObject { ["name"] = p.Name };
        if (p.Budget is { } b) o["budget"] = b;
        if (p.Actual is { } a) o["actual"] = a;
        o["page"] = p.Page;
        return o;
    }
}
