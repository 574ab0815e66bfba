namespace Extractor.Validation;

/// <summary>One place where a report contradicts itself (error) or looks wrong (warning).</summary>
public sealed record Discrepancy(
    string Rule, string Severity, IReadOnlyList<string> Fields, object? Stated, object? Expected,
    string Message, int Page, int? Indicator = null)
{
    /// <summary>The source passage the finding rests on: the stated figure's text, or the indicator's.</summary>
    public string? Source { get; init; }

    /// <summary>Each figure the finding names, where it stands: its text, page and (PDF) box.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>The box of the first figure it names (PDF).</summary>
    public Reading.Box? Box => Evidence.Select(e => e.Box).FirstOrDefault(b => b is not null);
}

/// <summary>One figure a finding names: the field, how people call it, the passage, page, box and value.</summary>
public sealed record Evidence(string Field, string Label, string Text, int Page, Reading.Box? Box, int? Paragraph, decimal? Value, string? Unit)
{
    /// <summary>Set when the figure was read by OCR: the recogniser's lowest confidence over its number.</summary>
    public float? Confidence { get; init; }
}

public static class Severity
{
    public const string Error = "error";
    public const string Warning = "warning";
}

/// <summary>The names people read: 疑点类型 of every rule (the report rules and the store's cross-report rules),
/// 严重程度 and 核查状态 in Chinese.</summary>
public static class RuleNames
{
    private static readonly Dictionary<string, string> Cross = new()
    {
        ["VERSION_CONFLICT"] = "同一单位同一年度报告版本数据不一致",
        ["COPIED_TEXT"] = "分析文字与其他报告雷同",
    };

    public static IReadOnlyDictionary<string, string> All { get; } =
        Validator.Rules.ToDictionary(r => r.Code, r => r.Name).Concat(Cross).ToDictionary(p => p.Key, p => p.Value);

    public static string Of(string code) => All.TryGetValue(code, out var n) ? n : code;

    public static string SeverityName(string severity) => severity == Severity.Error ? "错误" : "提示";

    public static string StatusName(string status) => status switch { "confirmed" => "已确认", "dismissed" => "已排除", _ => "待核实" };

    /// <summary>A status as written in either language ("已确认", "confirmed"), or null.</summary>
    public static string? StatusCode(string? text) => text?.Trim() switch
    {
        "已确认" or "confirmed" => "confirmed",
        "已排除" or "dismissed" => "dismissed",
        "待核实" or "open" => "open",
        _ => null,
    };
}
