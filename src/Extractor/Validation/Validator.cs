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
        new(Rules.SelectMany(rule => rule.Check(report)).Select(d => d with { Source = SourceOf(report, d) }).ToList(),
            Rules.SelectMany(rule => rule.Skipped(report)).ToList());

    // The passage a finding rests on: its indicator's text, or the text of the first figure it names.
    private static string? SourceOf(Report r, Discrepancy d)
    {
        if (d.Indicator is { } seq && seq >= 1 && seq <= r.Indicators.Count) return Trim(r.Indicators[seq - 1].Text);
        return d.Fields.Select(f => r.Figures.TryGetValue(f, out var fig) ? fig.Text : null).FirstOrDefault(t => t is not null) is { } text ? Trim(text) : null;
    }

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

/// <summary>What validation found, and what it could not check.</summary>
public sealed record ValidationResult(IReadOnlyList<Discrepancy> Discrepancies, IReadOnlyList<SkippedCheck> Skipped);
