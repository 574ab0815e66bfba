using Extractor.Extraction;
using Extractor.Generation;
using Extractor.Validation;

namespace Extractor.Tests;

/// <summary>Consistent generated reports yield no discrepancy; one injected contradiction yields exactly its rule.</summary>
public class GeneratedReportTests
{
    private static List<Discrepancy> Run(GeneratedReport r, int phrasing) =>
        Validator.Validate(ReportExtractor.Extract(Extractor.Reading.TextReader.Parse("gen.txt", ReportRenderer.Render(r, phrasing), "0")));

    [Fact]
    public void A_thousand_consistent_reports_produce_no_discrepancy()
    {
        var gen = new ReportGenerator(20261123);
        var failures = new List<string>();
        for (var n = 0; n < 1200; n++)
        {
            var r = gen.Next();
            var found = Run(r, n % ReportRenderer.Phrasings);
            if (found.Count > 0) failures.Add($"#{n} phrasing {n % ReportRenderer.Phrasings}: " + string.Join("; ", found.Select(d => $"{d.Rule}: {d.Message}")));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} false alarms:\n" + string.Join("\n", failures.Take(15)));
    }

    /// <summary>Each rule's injection: how to break one figure, and which statements to leave out so no other rule sees it.</summary>
    public static IEnumerable<object[]> Injections() =>
    [
        ["BUDGET_ADJUSTED_SUM", 0], ["BUDGET_ADJUSTMENT_RATE", 0], ["BUDGET_EXECUTION_RATE", 0], ["BUDGET_INITIAL_SPLIT", 0],
        ["EXPENDITURE_SPLIT", 2], ["BASIC_BUDGET_SPLIT", 0], ["BASIC_EXECUTION_RATE", 0], ["PROJECT_EXECUTION_RATE", 1],
        ["PROJECT_ITEMS_SUM", 0], ["PROJECT_COUNT", 0], ["EXECUTION_SCORE", 0], ["WEIGHT_TOTAL", 0], ["SCORE_TOTAL", 0],
        ["SCORE_EXCEEDS_WEIGHT", 0], ["GRADE_BAND", 0], ["INDICATOR_COMPLETION_RATE", 0], ["INDICATOR_TARGET_MISSED", 2],
        ["CONFLICTING_VALUES", 0], ["STAFF_OVER_QUOTA", 0],
    ];

    private static void Inject(GeneratedReport r, string rule)
    {
        // The first indicator, made a met one so that only the injection can make it look wrong.
        var i0 = r.Indicators[0];
        if (i0.Actual < i0.Target) { i0.Actual = i0.Target; i0.Completion = 100; i0.Score = i0.Weight; Rescore(r); }
        switch (rule)
        {
            case "BUDGET_ADJUSTED_SUM": r.Adjusted += 37; r.ProjectBudget += 37; r.Omit.UnionWith(["budget.execution_rate", "score.execution", "projects"]); r.ExecutionScore = 0; Rescore(r); break;
            case "BUDGET_ADJUSTMENT_RATE": r.AdjustmentRate += 3; break;
            case "BUDGET_EXECUTION_RATE": r.ExecutionRate -= 2; r.Omit.Add("score.execution"); r.ExecutionScore = 0; Rescore(r); break;
            case "BUDGET_INITIAL_SPLIT": r.InitialProject += 11; break;
            case "EXPENDITURE_SPLIT": r.BasicActual += 5; break;
            case "BASIC_BUDGET_SPLIT": r.Public += 3; break;
            case "BASIC_EXECUTION_RATE": r.BasicRate = Math.Max(0, r.BasicRate - 4); break;
            case "PROJECT_EXECUTION_RATE": r.ProjectRate = Math.Max(0, r.ProjectRate - 4); break;
            case "PROJECT_ITEMS_SUM": r.Projects[0] = (r.Projects[0].Name, r.Projects[0].Budget + 9, r.Projects[0].Actual); break;
            case "PROJECT_COUNT": r.StatedProjectCount = r.Projects.Count + 1; break;
            case "EXECUTION_SCORE": r.ExecutionScore = Math.Max(0, r.ExecutionScore - 1); r.Total -= 1; r.Grade = Band(r.Total); break;
            case "WEIGHT_TOTAL": i0.Weight += 5; i0.Score += 5; r.Total += 5; r.Grade = Band(r.Total); break;
            case "SCORE_TOTAL": r.Total -= 3; r.Grade = Band(r.Total); break;
            case "SCORE_EXCEEDS_WEIGHT": i0.Score = i0.Weight + 2; Rescore(r); break;
            case "GRADE_BAND": r.Grade = Band(r.Total) == "优" ? "良" : "优"; break;
            case "INDICATOR_COMPLETION_RATE": i0.Completion -= 20; break;
            case "INDICATOR_TARGET_MISSED": i0.Actual = Math.Round(i0.Target * 0.8m, i0.Unit == "%" ? 1 : 0); r.Omit.Add("completion"); break;
            case "CONFLICTING_VALUES": r.InitialRestated = r.Initial + 50; break;
            case "STAFF_OVER_QUOTA": r.Staff = r.Authorized + 3; break;
        }
    }

    private static void Rescore(GeneratedReport r)
    {
        r.Total = r.Indicators.Sum(i => i.Score) + r.ExecutionScore;
        r.Grade = Band(r.Total);
    }

    private static string Band(decimal t) => t >= 90 ? "优" : t >= 80 ? "良" : t >= 60 ? "中" : "差";

    [Theory]
    [MemberData(nameof(Injections))]
    public void One_injected_contradiction_is_flagged_by_its_rule_only(string rule, int phrasing)
    {
        var gen = new ReportGenerator(rule.GetHashCode() & 0xFFFF);
        for (var n = 0; n < 20; n++)
        {
            var r = gen.Next();
            Inject(r, rule);
            var found = Run(r, phrasing).Select(d => d.Rule).Distinct().ToList();
            Assert.True(found.SequenceEqual([rule]), $"#{n}: expected only {rule}, found [{string.Join(", ", found)}]\n{ReportRenderer.Render(r, phrasing)}");
        }
    }
}
