using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>
/// One statement of a figure: value (money in 万元), the unit the report used, and where it stands
/// (source text, page, offset in the flow text, box on a PDF page). A word-valued figure (the grade) has Word set.
/// </summary>
public sealed record Figure(string Key, decimal Value, string? Unit, string Text, int Page, int Offset = 0, string? Word = null)
{
    /// <summary>Decimals the report wrote the number with (in its own unit): its rounding.</summary>
    public int Decimals { get; init; } = -1;

    /// <summary>The union of the glyph boxes of the stated number on a PDF page.</summary>
    public Box? Box { get; init; }

    /// <summary>The body index of the paragraph or table it stands in (Word's paragraph index).</summary>
    public int? Paragraph { get; init; }

    /// <summary>Set only when the number was read by OCR: the recogniser's lowest confidence (0–1) over its characters.</summary>
    public float? Confidence { get; init; }

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

/// <summary>Where a stated value stands: the page and the union of its glyph boxes.</summary>
public sealed record Place(int Page, Box Box);

/// <summary>A value with its unit as the report states it (indicator values are not converted).</summary>
public sealed record Quantity(decimal Value, string? Unit);

/// <summary>A target: comparison operator (">=", "<=", "=", ">", "<") and value.</summary>
public sealed record Target(string Op, decimal Value, string? Unit);

/// <summary>One more statement of an indicator part, beyond the first (e.g. an actual restated later in the block).</summary>
public sealed record IndicatorStatement(string Part, decimal Value, string? Unit, string Text);

/// <summary>One 指标 block of the prose, or one row of an indicator (自评) table.</summary>
public sealed record Indicator(
    int Seq, string Name, Target? Target, Quantity? Midyear, Quantity? Actual,
    decimal? CompletionRate, decimal? Weight, decimal? Score,
    string? DeviationReason, string? Improvement, int Page, string Text)
{
    /// <summary>The report's own number for the indicator as written ("指标二", "3", "⑤", "（一）").</summary>
    public string? Label { get; init; }

    /// <summary>The 一级/二级指标 the row sits under in a grouped table.</summary>
    public IReadOnlyList<string>? Group { get; init; }

    /// <summary>The target's operator could not be read with certainty (an 指标性质 cell no lexicon word names).</summary>
    public bool OpUncertain { get; init; }

    /// <summary>Later statements of a part in the same block or row.</summary>
    public IReadOnlyList<IndicatorStatement> Restated { get; init; } = [];

    /// <summary>Where each part's number stands: its page and box on a PDF ("target", "actual", "weight", "score"…).</summary>
    public IReadOnlyDictionary<string, Place> Boxes { get; init; } = new Dictionary<string, Place>();

    /// <summary>The body index of the block it stands in (Word's paragraph index).</summary>
    public int? Paragraph { get; init; }

    /// <summary>For parts read by OCR only: the recogniser's lowest confidence (0–1) over the part's number.</summary>
    public IReadOnlyDictionary<string, float> Confidence { get; init; } = new Dictionary<string, float>();
}

/// <summary>A project with its budget and actual spending (万元).</summary>
public sealed record Project(string Name, decimal? Budget, decimal? Actual, int Page, string Text)
{
    /// <summary>The report's own number for the project (序号), when it has one.</summary>
    public string? Label { get; init; }
}

public sealed record ReportInfo(string? UnitName, int? FiscalYear, string? FilledDate);

/// <summary>A money, percent or score figure in the report that no key took.</summary>
public sealed record UnreadValue(decimal Value, string Unit, string Text, int Page, int Offset, string Section);

/// <summary>What the extractor made of one report: every figure statement in order, indicators, projects, and what it could not place.</summary>
public sealed class Report
{
    public ReportInfo Info { get; init; } = new(null, null, null);
    /// <summary>Every statement, in document order; a key stated twice appears twice.</summary>
    public IReadOnlyList<Figure> Statements { get; init; } = [];
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public IReadOnlyList<Project> Projects { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Money, percent and score figures of the budget, spending and performance sections that no key took.</summary>
    public IReadOnlyList<UnreadValue> Unread { get; init; } = [];
    /// <summary>The indicator numbering the report uses, as written, in order (for gaps in it).</summary>
    public IReadOnlyList<string> IndicatorLabels => Indicators.Select(i => i.Label).OfType<string>().ToList();

    private IReadOnlyDictionary<string, Figure>? _figures;

    /// <summary>The first statement of each key: the report's value for it.</summary>
    public IReadOnlyDictionary<string, Figure> Figures =>
        _figures ??= Statements.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());

    public decimal? Value(string key) => Figures.TryGetValue(key, out var f) ? f.Value : null;
}
