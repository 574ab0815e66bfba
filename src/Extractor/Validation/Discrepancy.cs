namespace Extractor.Validation;

/// <summary>One place where a report contradicts itself (error) or looks wrong (warning).</summary>
public sealed record Discrepancy(
    string Rule, string Severity, IReadOnlyList<string> Fields, object? Stated, object? Expected,
    string Message, int Page, int? Indicator = null);

public static class Severity
{
    public const string Error = "error";
    public const string Warning = "warning";
}
