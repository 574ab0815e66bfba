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
        new(Rules.SelectMany(rule => rule.Check(report)).ToList(), Rules.SelectMany(rule => rule.Skipped(report)).ToList());
}

/// <summary>What validation found, and what it could not check.</summary>
public sealed record ValidationResult(IReadOnlyList<Discrepancy> Discrepancies, IReadOnlyList<SkippedCheck> Skipped);
