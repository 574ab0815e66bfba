using Extractor.Extraction;
using Extractor.Validation;

namespace Extractor.Tests;

/// <summary>
/// No 疑点 from what was not read: the sums and indicator rules are skipped, with a reason, when an
/// indicator lacks its score, the report's numbering has a gap, points were left unread, or an operator or
/// unit could not be read; and what no key took is listed as unread.
/// </summary>
public class CompletenessTests
{
    private static Report Extract(string text) =>
        ReportExtractor.Extract(Extractor.Reading.TextReader.Parse("t.txt", text, "0"), null, genreCheck: false);

    private static Indicator Ind(int seq, decimal? weight, decimal? score, string? label = null) =>
        new(seq, $"指标{seq}", new Target(">=", 90, "%"), null, new Quantity(95, "%"), 100, weight, score, null, null, 1, "") { Label = label };

    private static Report With(IReadOnlyList<Indicator> indicators, decimal total, IReadOnlyList<UnreadValue>? unread = null) => new()
    {
        Statements = [new Figure(Keys.TotalScore, total, "分", "综合得分", 1) { Decimals = 0 }],
        Indicators = indicators,
        Unread = unread ?? [],
    };

    [Fact]
    public void Sums_are_checked_when_every_indicator_was_read()
    {
        var found = Validator.Run(With([Ind(1, 50, 50), Ind(2, 50, 40)], 95));
        Assert.Contains(found.Discrepancies, d => d.Rule == "SCORE_TOTAL");
        Assert.Empty(found.Skipped);
    }

    [Fact]
    public void An_indicator_without_a_score_skips_the_total_with_a_reason()
    {
        var found = Validator.Run(With([Ind(1, 50, 50), Ind(2, 50, null)], 95));
        Assert.DoesNotContain(found.Discrepancies, d => d.Rule == "SCORE_TOTAL");
        var skip = Assert.Single(found.Skipped, s => s.Rule == "SCORE_TOTAL");
        Assert.Contains("指标2", skip.Reason);
    }

    [Fact]
    public void Indicators_weighing_90_without_an_execution_score_read_skip_the_total()
    {
        // 88 of 90 points read, 97.69 stated: the execution's 9.69 points were not read.
        var found = Validator.Run(With([Ind(1, 45, 44), Ind(2, 45, 44)], 97.69m));
        Assert.DoesNotContain(found.Discrepancies, d => d.Rule == "SCORE_TOTAL");
        Assert.Contains(found.Skipped, s => s.Rule == "SCORE_TOTAL" && s.Reason.Contains("预算执行率得分"));
        // Weighing 100, the indicators are the whole score: the total is checked.
        Assert.Contains(Validator.Run(With([Ind(1, 50, 44), Ind(2, 50, 44)], 97.69m)).Discrepancies, d => d.Rule == "SCORE_TOTAL");
    }

    [Fact]
    public void A_gap_in_the_reports_numbering_skips_the_sums()
    {
        var found = Validator.Run(With([Ind(1, 30, 30, "1"), Ind(2, 30, 30, "2"), Ind(3, 30, 20, "4")], 95));
        Assert.DoesNotContain(found.Discrepancies, d => d.Rule is "SCORE_TOTAL" or "WEIGHT_TOTAL");
        Assert.Contains(found.Skipped, s => s.Rule == "WEIGHT_TOTAL" && s.Reason.Contains("缺少第3项"));
    }

    [Fact]
    public void Numbering_that_restarts_under_each_group_is_no_gap()
    {
        Assert.Null(Completeness.NumberingGap(["指标1", "指标2", "指标1", "指标1", "指标2", "指标3"]));
        Assert.Equal("缺少第2项", Completeness.NumberingGap(["（一）", "（三）"]));
        Assert.Null(Completeness.NumberingGap(["①", "②", "③"]));
    }

    [Fact]
    public void Points_left_unread_skip_the_score_total()
    {
        var found = Validator.Run(With([Ind(1, 50, 50), Ind(2, 50, 40)], 95, [new UnreadValue(5, "分", "得分5分", 1, 0, "performance")]));
        Assert.DoesNotContain(found.Discrepancies, d => d.Rule == "SCORE_TOTAL");
        Assert.Contains(found.Skipped, s => s.Rule == "SCORE_TOTAL" && s.Reason.Contains("unread"));
    }

    [Fact]
    public void An_unreadable_operator_or_clashing_units_skip_that_indicator_only()
    {
        var missed = new Indicator(1, "办结率", new Target("=", 100, "%"), null, new Quantity(99, "%"), null, 10, 10, null, null, 1, "");
        var uncertain = missed with { Seq = 2, OpUncertain = true };
        var clash = missed with { Seq = 3, Actual = new Quantity(99, "件") };
        var found = Validator.Run(new Report { Indicators = [missed, uncertain, clash] });
        Assert.Equal([1], found.Discrepancies.Where(d => d.Rule == "INDICATOR_TARGET_MISSED").Select(d => d.Indicator!.Value));
        Assert.Equal([2, 3], found.Skipped.Where(s => s.Rule == "INDICATOR_TARGET_MISSED").Select(s => s.Indicator!.Value));
    }

    [Fact]
    public void An_indicator_part_stated_twice_differently_is_a_conflict()
    {
        var r = Extract("三、绩效指标完成情况\n（一）指标一：完成区外到位资金\n该指标预期指标值大于等于241亿，本次评价完成值为244.62亿，完成率为101.5%，本次评价实际完成值为102.86%。该指标权重分值为15分，自评得分15分。");
        var d = Assert.Single(Validator.Validate(r), x => x.Rule == "CONFLICTING_VALUES");
        Assert.Equal((1, 102.86m, 101.5m), (d.Indicator, (decimal)d.Stated!, (decimal)d.Expected!));
        // The same value restated is no conflict.
        var same = Extract("三、绩效指标完成情况\n（一）指标一：引进企业数量\n该指标预期指标值大于等于70家，本次评价完成值为72家。完成率为102.86%，本次评价实际完成值为102.86%。该指标权重分值为30分，自评得分30分。");
        Assert.DoesNotContain(Validator.Validate(same), x => x.Rule == "CONFLICTING_VALUES");
    }

    [Fact]
    public void Unread_lists_money_percent_and_score_figures_no_key_took_but_not_years_dates_or_counts()
    {
        var r = Extract("二、预算执行情况\n2023年全年实际支出554.23万元，较上年增长12.5%，结余资金2.60万元。3月共召开会议5次，培训120人。");
        Assert.Equal(554.23m, r.Value(Keys.Actual));
        Assert.Equal(["12.5%", "2.60万元"], r.Unread.Select(u => u.Text));
    }

    [Fact]
    public void The_overview_and_the_problems_are_quiet()
    {
        var r = Extract("一、部门基本情况\n全年完成交通固定资产投资5.6亿元，同比增长8%。\n五、存在的问题\n执行率仅为85%。");
        Assert.Empty(r.Unread);
    }
}
