using System.Globalization;
using Extractor.Extraction;
using Extractor.Validation;

namespace Extractor.Tests;

/// <summary>Each rule on reports built from figures: one consistent (negative), one contradicting (positive).</summary>
public class RuleTests
{
    /// <summary>"budget.initial=367.19 budget.adjustment_rate=51.65%": figures with the decimals they are written with.</summary>
    private static Report Build(string spec, params Indicator[] indicators) => Build(spec, indicators, []);

    private static Report Build(string spec, Indicator[] indicators, Project[] projects)
    {
        var statements = new List<Figure>();
        foreach (var part in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, raw) = (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]);
            if (key == "grade") { statements.Add(new Figure(key, 0, null, part, 1, Word: raw)); continue; }
            var unit = raw.EndsWith('%') ? "%" : raw.EndsWith("亿元") ? "亿元" : raw.EndsWith("万元") ? "万元" : raw.EndsWith('元') ? "元" : raw.EndsWith('分') ? "分" : null;
            var number = unit is null ? raw : raw[..^unit.Length];
            var value = decimal.Parse(number, CultureInfo.InvariantCulture);
            if (unit is null && !key.StartsWith("staff") && !key.EndsWith("count")) unit = "万元";
            statements.Add(new Figure(key, Money.IsMoneyUnit(unit) ? Money.ToWan(value, unit!) : value, unit, part, 1) { Decimals = Values.Decimals(number) });
        }
        return new Report { Statements = statements, Indicators = indicators, Projects = projects };
    }

    private static Indicator Ind(int seq, string op, decimal target, decimal actual, decimal? completion, decimal? weight, decimal? score, string unit = "%") =>
        new(seq, $"指标{seq}", new Target(op, target, unit), null, new Quantity(actual, unit), completion, weight, score, null, null, 1, "");

    private static IEnumerable<string> Rules(Report r) => Validator.Validate(r).Select(d => d.Rule).Distinct();

    // Indicator rules alone: a one-indicator test report does not carry the weights of a whole report.
    private static IEnumerable<string> IndicatorRules(Report r) => Rules(r).Where(x => x.StartsWith("INDICATOR") || x == "SCORE_EXCEEDS_WEIGHT");

    public static IEnumerable<object[]> Cases() =>
    [
        ["BUDGET_ADJUSTED_SUM", "budget.initial=367.19 budget.adjustment=189.64 budget.adjusted=556.83", false],
        ["BUDGET_ADJUSTED_SUM", "budget.initial=367.19 budget.adjustment=189.64 budget.adjusted=560.83", true],
        ["BUDGET_ADJUSTMENT_RATE", "budget.initial=3142.55 budget.adjustment=0 budget.adjustment_rate=0%", false],
        ["BUDGET_ADJUSTMENT_RATE", "budget.initial=3142.55 budget.adjustment=0 budget.adjustment_rate=100%", true],
        ["BUDGET_ADJUSTMENT_RATE", "budget.initial=2932.09 budget.adjustment=-149.15 budget.adjustment_rate=5.09%", false],
        ["BUDGET_ADJUSTMENT_RATE", "budget.initial=0 budget.adjustment=0 budget.adjustment_rate=0%", false],
        ["BUDGET_EXECUTION_RATE", "budget.actual=554.23 budget.adjusted=556.83 budget.execution_rate=99.53%", false],
        ["BUDGET_EXECUTION_RATE", "budget.actual=554.23 budget.adjusted=556.83 budget.execution_rate=99.35%", true],
        ["BUDGET_INITIAL_SPLIT", "budget.initial=367.19 budget.initial.basic=337.19 budget.initial.project=30", false],
        ["BUDGET_INITIAL_SPLIT", "budget.initial=367.19 budget.initial.superior=10 budget.initial.local=360", true],     // sources exceed the whole
        ["BUDGET_INITIAL_SPLIT", "budget.initial=367.19 budget.initial.superior=0 budget.initial.local=360", false],     // short, and no other source read
        ["BUDGET_INITIAL_SPLIT", "budget.initial=367.19 budget.initial.superior=0 budget.initial.local=360 budget.initial.other=5", true],
        ["EXPENDITURE_SPLIT", "budget.actual=554.23 expenditure.basic=350.93 expenditure.project=203.30", false],
        ["EXPENDITURE_SPLIT", "budget.actual=554.23 expenditure.basic=350.93 expenditure.project=213.30", true],
        ["BASIC_BUDGET_SPLIT", "basic.budget=353.53 basic.personnel=318.61 basic.public=34.92", false],
        ["BASIC_BUDGET_SPLIT", "basic.budget=353.53 basic.personnel=318.61 basic.public=43.92", true],
        ["BASIC_EXECUTION_RATE", "basic.budget=353.53 basic.actual=350.93 basic.execution_rate=99.26%", false],
        ["BASIC_EXECUTION_RATE", "basic.budget=353.53 basic.actual=350.93 basic.execution_rate=100%", true],
        ["PROJECT_EXECUTION_RATE", "project.budget=213.18 project.actual=181.18 project.execution_rate=84.99%", false],
        ["PROJECT_EXECUTION_RATE", "project.budget=213.18 project.actual=181.18 project.execution_rate=100%", true],
        ["SHARE_OF_TOTAL", "budget.actual=919.76 basic.actual=738.58 basic.share=80.30%", false],
        ["SHARE_OF_TOTAL", "budget.actual=919.76 project.actual=181.18 project.share=84.99%", true],
        ["PROCUREMENT_EXECUTION_RATE", "procurement.budget=1.79 procurement.actual=1.79 procurement.execution_rate=100%", false],
        ["PROCUREMENT_EXECUTION_RATE", "procurement.budget=1.79 procurement.actual=1.70 procurement.execution_rate=100%", true],
        ["ASSET_NET", "assets.original=777.26 assets.depreciation=572.43 assets.net=204.83", false],
        ["ASSET_NET", "assets.original=777.26 assets.depreciation=572.43 assets.net=240.83", true],
        ["EXECUTION_SCORE", "budget.execution_rate=90.65% score.execution=9.07分", false],
        ["EXECUTION_SCORE", "budget.execution_rate=90.65% score.execution=9.05分", true],
        ["EXECUTION_SCORE", "budget.execution_rate=97.34% score.execution=19.47分", false],
        ["EXECUTION_SCORE", "budget.execution_rate=97.34% score.execution=19.47分 score.execution_weight=10分", true],
        ["EXECUTION_SCORE", "budget.execution_rate=97.34% score.execution=19.47分 score.execution_weight=20分", false],
        // 90.65% may be a rounded 90.645%, whose score 9.0645 rounds to 9.06: consistent within the rate's own rounding.
        ["EXECUTION_SCORE", "budget.execution_rate=90.65% score.execution=9.06分", false],
        ["GRADE_BAND", "score.total=86.75分 grade=良", false],
        ["GRADE_BAND", "score.total=96.51分 grade=良", true],
        ["CONFLICTING_VALUES", "budget.initial=2.9亿元 budget.initial=29,043万元", false],
        ["CONFLICTING_VALUES", "budget.initial=3142.55 budget.initial=3124.55", true],
        ["STAFF_OVER_QUOTA", "staff.authorized=28 staff.actual=19", false],
        ["STAFF_OVER_QUOTA", "staff.authorized=105 staff.actual=145", true],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Figure_rule(string rule, string spec, bool flagged) =>
        Assert.Equal(flagged, Rules(Build(spec)).Contains(rule));

    [Fact]
    public void Stated_rate_follows_its_own_rounding()
    {
        // 9.065 rounds half-up to 9.07: agrees; 9.06 does not.
        Assert.True(Check.RateAgrees(9.07m, 2, 9.065m, 0, 100m, 0, out _));
        Assert.False(Check.RateAgrees(9.06m, 2, 9.065m, 0, 100m, 0, out var expected));
        Assert.Equal(9.07m, expected);
    }

    [Fact]
    public void The_classic_case_message_names_both_numbers()
    {
        var d = Assert.Single(Validator.Validate(Build("budget.initial=3142.55 budget.adjustment=0 budget.adjustment_rate=100%")));
        Assert.Equal(("BUDGET_ADJUSTMENT_RATE", "error", 100m, 0m), (d.Rule, d.Severity, (decimal)d.Stated!, (decimal)d.Expected!));
        Assert.Contains("100%", d.Message);
        Assert.Contains("3142.55", d.Message);
    }

    [Theory]
    [InlineData("budget.initial=3142.55 budget.initial=3124.55", "error")]      // a slip in one digit
    [InlineData("budget.actual=2471.36 budget.actual=2417.36", "error")]
    [InlineData("budget.adjusted=208.02 budget.adjusted=8", "warning")]         // a project's budget read as the whole
    [InlineData("budget.initial=562.4 budget.initial=0.05624", "warning")]      // a table read in the wrong unit
    [InlineData("budget.adjustment=486.35 budget.adjustment=-21.85", "warning")] // opposite signs
    public void A_restated_value_far_from_the_first_is_a_warning(string spec, string severity)
    {
        var d = Assert.Single(Validator.Validate(Build(spec)), x => x.Rule == "CONFLICTING_VALUES");
        Assert.Equal(severity, d.Severity);
    }

    [Fact]
    public void Weights_and_scores_add_up()
    {
        var ok = Build("score.execution=9.95分 score.total=91.95分", Ind(1, ">=", 5, 0, 0, 8, 0), Ind(2, "=", 100, 100, 100, 82, 82));
        Assert.Empty(Rules(ok));
        var badWeights = Build("score.execution=9.95分 score.total=96.95分", Ind(1, ">=", 5, 6, 100, 13, 5), Ind(2, "=", 100, 100, 100, 82, 82));
        Assert.Contains("WEIGHT_TOTAL", Rules(badWeights));
        var badTotal = Build("score.execution=9.60分 score.total=97.60分", Ind(1, ">=", 5, 6, 100, 90, 90));
        Assert.Equal(["SCORE_TOTAL"], Rules(badTotal));
    }

    [Fact]
    public void Score_above_weight_is_flagged() =>
        Assert.Contains("SCORE_EXCEEDS_WEIGHT", IndicatorRules(Build("", Ind(1, ">=", 5, 6, 100, 10, 12))));

    [Fact]
    public void Missed_target_with_full_marks_follows_the_operator()
    {
        Assert.Equal(["INDICATOR_TARGET_MISSED"], IndicatorRules(Build("", Ind(1, ">=", 60, 48, 80, 20, 20, "场"))));
        Assert.Equal(["INDICATOR_TARGET_MISSED"], IndicatorRules(Build("", Ind(1, "<=", 367.19m, 554.23m, null, 12, 12, "万元"))));
        Assert.Empty(IndicatorRules(Build("", Ind(1, "=", 10, 13, 130, 15, 15, "人"))));       // over-completion of "=" is no miss
        Assert.Empty(IndicatorRules(Build("", Ind(1, ">=", 60, 48, 80, 20, 16, "场"))));      // missed, and scored down
        Assert.Empty(IndicatorRules(Build("", Ind(1, ">=", 241, 244.62m, 101.5m, 15, 15, "亿"))));
    }

    [Fact]
    public void Completion_rate_is_actual_over_target_capped_or_not()
    {
        Assert.Empty(IndicatorRules(Build("", Ind(1, ">=", 95, 95.5m, 100.53m, 10, 10))));
        Assert.Empty(IndicatorRules(Build("", Ind(1, ">=", 8000, 7650, 95.63m, 20, 19, "人"))));
        Assert.Empty(IndicatorRules(Build("", Ind(1, ">=", 20, 34, 100, 10, 10, "次"))));
        Assert.Equal(["INDICATOR_COMPLETION_RATE"], IndicatorRules(Build("", Ind(1, ">=", 70, 72, 92.86m, 30, 28, "家"))));
    }

    [Fact]
    public void Full_marks_below_full_completion_is_a_warning_only_when_met_or_missed_is_unknown()
    {
        var unknown = new Indicator(1, "指标", null, null, null, 99.73m, 15, 15, null, null, 1, "");
        var d = Assert.Single(Validator.Validate(Build("", unknown)), x => x.Rule.StartsWith("INDICATOR"));
        Assert.Equal(("INDICATOR_SCORE", "warning"), (d.Rule, d.Severity));
        Assert.Empty(IndicatorRules(Build("", Ind(1, "<=", 3081.24m, 2657.91m, 90.65m, 12, 12, "万元"))));
    }

    [Fact]
    public void Project_list_against_totals_and_count()
    {
        const string totals = "project.budget=645.26 project.actual=413.05 project.count=4";
        Project[] listed = [new("a", 25.86m, 13.38m, 1, ""), new("b", 518.29m, 301.46m, 1, ""), new("c", 14.50m, 11.60m, 1, ""), new("d", 86.61m, 86.61m, 1, "")];
        Assert.Empty(Rules(Build(totals, [], listed)));
        Assert.Equal(["PROJECT_ITEMS_SUM", "PROJECT_COUNT"], Rules(Build(totals, [], listed[..3])).Order().Reverse());
    }
}
