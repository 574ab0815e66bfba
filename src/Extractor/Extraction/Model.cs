namespace Extractor.Extraction;

/// <summary>
/// One statement of a figure: value (money in 万元), the unit the report used, and where it stands
/// (source text, page, offset in the flow text). A word-valued figure (the grade) has Word set.
/// </summary>
public sealed record Figure(string Key, decimal Value, string? Unit, string Text, int Page, int Offset = 0, string? Word = null)
{
    /// <summary>Decimals the report wrote the number with (in its own unit): its rounding.</summary>
    public int Decimals { get; init; } = -1;

    /// <summary>Half a unit of the last written digit, in the value's unit (万元 for money): the rounding error it may carry.</summary>
    public decimal HalfUlp
    {
        get
        {
            if (Decimals < 0) return 0;
            var h = 0.5m / Pow10(Decimals);
            return Money.IsMoneyUnit(Unit) ? Money.ToWan(h, Unit!) : h;
        }
    }

    internal static decimal Pow10(int n) { var p = 1m; for (var i = 0; i < n; i++) p *= 10; return p; }
}

/// <summary>A value with its unit as the report states it (indicator values are not converted).</summary>
public sealed record Quantity(decimal Value, string? Unit);

/// <summary>A target: comparison operator (">=", "<=", "=", ">", "<") and value.</summary>
public sealed record Target(string Op, decimal Value, string? Unit);

/// <summary>One 指标 block of the prose, or one row of an indicator (自评) table.</summary>
public sealed record Indicator(
    int Seq, string Name, Target? Target, Quantity? Midyear, Quantity? Actual,
    decimal? CompletionRate, decimal? Weight, decimal? Score,
    string? DeviationReason, string? Improvement, int Page, string Text);

/// <summary>A project with its budget and actual spending (万元).</summary>
public sealed record Project(string Name, decimal? Budget, decimal? Actual, int Page, string Text);

public sealed record ReportInfo(string? UnitName, int? FiscalYear, string? FilledDate);

/// <summary>What the extractor made of one report: every figure statement in order, indicators, projects.</summary>
public sealed class Report
{
    public ReportInfo Info { get; init; } = new(null, null, null);
    /// <summary>Every statement, in document order; a key stated twice appears twice.</summary>
    public List<Figure> Statements { get; } = [];
    public List<Indicator> Indicators { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>The first statement of each key: the report's value for it.</summary>
    public IReadOnlyDictionary<string, Figure> Figures =>
        Statements.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());

    public decimal? Value(string key) => Statements.FirstOrDefault(f => f.Key == key)?.Value;
}
