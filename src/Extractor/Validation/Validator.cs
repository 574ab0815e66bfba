using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>Runs every rule of the contract over a report.</summary>
public static class Validator
{
    public static readonly IReadOnlyList<IRule> Rules =
    [
        new AdjustedSumRule(), new AdjustmentRateRule(), new ExecutionRateRule(), new InitialSplitRule(),
        new ExpenditureSplitRule(), new BasicBudgetSplitRule(), new BasicExecutionRateRule(), new ProjectExecutionRateRule(),
        new ProjectItemsSumRule(), new ProjectCountRule(), new ShareOfTotalRule(), new ProcurementRateRule(), new AssetNetRule(),
        new ExecutionScoreRule(), new WeightTotalRule(), new ScoreTotalRule(), new ScoreExceedsWeightRule(), new GradeBandRule(),
        new CompletionRateRule(), new TargetMissedRule(), new IndicatorScoreRule(), new ConflictingValuesRule(), new StaffOverQuotaRule(),
    ];

    public static List<Discrepancy> Validate(Report report) => Run(report).Discrepancies.ToList();

    /// <summary>Every rule's discrepancies, and the checks not applied for want of a certain reading.</summary>
    public static ValidationResult Run(Report report) =>
        new(Rules.SelectMany(rule => rule.Check(report)).Select(d => d with { Source = SourceOf(report, d), Evidence = EvidenceOf(report, d) })
                .Select(OcrDoubt.Soften).ToList(),
            Rules.SelectMany(rule => rule.Skipped(report)).ToList());

    // The passage a finding rests on: its indicator's text, or the text of the first figure it names.
    private static string? SourceOf(Report r, Discrepancy d)
    {
        if (d.Indicator is { } seq && seq >= 1 && seq <= r.Indicators.Count) return Trim(r.Indicators[seq - 1].Text);
        return d.Fields.Select(f => r.Figures.TryGetValue(f, out var fig) ? fig.Text : null).FirstOrDefault(t => t is not null) is { } text ? Trim(text) : null;
    }

    private static readonly Dictionary<string, (string Part, string Label)> Parts = new()
    {
        ["indicator.target"] = ("target", "目标值"), ["indicator.actual"] = ("actual", "实际完成值"), ["indicator.midyear"] = ("midyear", "年中完成值"),
        ["indicator.completion_rate"] = ("completion", "完成率"), ["indicator.weight"] = ("weight", "权重"), ["indicator.score"] = ("score", "得分"),
        ["indicators.score"] = ("score", "得分"), ["indicators.weight"] = ("weight", "权重"),
    };

    // Where the figures a finding names stand: every statement of a key stated twice in conflict, the first otherwise;
    // the named part of its indicator, or that part of every indicator for a sum over them.
    private static List<Evidence> EvidenceOf(Report r, Discrepancy d)
    {
        var list = new List<Evidence>();
        foreach (var field in d.Fields)
        {
            if (Parts.TryGetValue(field, out var part))
            {
                var indicators = field.StartsWith("indicators.", StringComparison.Ordinal) ? r.Indicators
                    : d.Indicator is { } seq && seq >= 1 && seq <= r.Indicators.Count ? [r.Indicators[seq - 1]] : [];
                foreach (var i in indicators)
                {
                    var place = i.Boxes.GetValueOrDefault(part.Part);
                    list.Add(new Evidence(field, $"指标“{i.Name}”{part.Label}", Trim(i.Text), place?.Page ?? i.Page, place?.Box, i.Paragraph, PartValue(i, part.Part), null)
                        { Confidence = i.Confidence.TryGetValue(part.Part, out var sure) ? sure : null });
                }
                continue;
            }
            var statements = r.Statements.Where(s => s.Key == field).ToList();
            foreach (var s in d.Rule == "CONFLICTING_VALUES" ? statements : statements.Take(1))
                list.Add(new Evidence(field, Keys.Label(field), Trim(s.Text), s.Page, s.Box, s.Paragraph, s.Word is null ? s.Value : null, s.Unit) { Confidence = s.Confidence });
        }
        return list;
    }

    private static decimal? PartValue(Indicator i, string part) => part switch
    {
        "target" => i.Target?.Value, "actual" => i.Actual?.Value, "midyear" => i.Midyear?.Value,
        "completion" => i.CompletionRate, "weight" => i.Weight, "score" => i.Score, _ => null,
    };

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

/// <summary>What validation found, and what it could not check.</summary>
public sealed record ValidationResult(IReadOnlyList<Discrepancy> Discrepancies, IReadOnlyList<SkippedCheck> Skipped);
