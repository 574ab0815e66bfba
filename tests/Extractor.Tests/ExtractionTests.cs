using Extractor.Extraction;
using Extractor.Reading;

namespace Extractor.Tests;

/// <summary>Extraction rules on small reports written here, in phrasings beside the corpus's.</summary>
public class ExtractionTests
{
    private static Report Extract(string text) => ReportExtractor.Extract(Extractor.Reading.TextReader.Parse("t.txt", text, "0"));

    private const string Opening = "某县审计局2023年度部门整体支出绩效自评报告\n单位名称：某县审计局\n填报日期：二〇二四年三月\n一、预算情况\n";

    [Fact]
    public void Reduction_is_a_negative_adjustment_and_yuan_becomes_wan()
    {
        var r = Extract(Opening + "年初预算数为1,000,000.00元，年中调减预算100,000.00元，调整后全年预算数为900,000.00元，预算调整率为10.00%。全年实际支出850,000.00元，预算执行率为94.44%。\n二、自评结论\n综合得分95分，评价结果为“优”。");
        Assert.Equal(100m, r.Value("budget.initial"));
        Assert.Equal(-10m, r.Value("budget.adjustment"));
        Assert.Equal(90m, r.Value("budget.adjusted"));
        Assert.Equal("元", r.Figures["budget.initial"].Unit);
        Assert.Equal(95m, r.Value("score.total"));
        Assert.Equal("优", r.Figures["grade"].Word);
    }

    [Fact]
    public void Chinese_numeral_date_without_a_day_is_a_year_month()
    {
        var r = Extract(Opening + "年初预算数为100万元，预算执行率为90%。\n二、结论\n综合得分90分。");
        Assert.Equal(("某县审计局", 2023, "2024-03"), (r.Info.UnitName, r.Info.FiscalYear, r.Info.FilledDate));
    }

    [Fact]
    public void A_figure_the_report_does_not_state_is_absent()
    {
        var r = Extract(Opening + "年初预算数为100万元，全年实际支出80万元。\n二、结论\n综合得分90分。");
        Assert.Null(r.Value("budget.adjustment"));
        Assert.Null(r.Value("budget.execution_rate"));
        Assert.False(r.Figures.ContainsKey("budget.adjusted"));
    }

    [Fact]
    public void A_quantity_stated_twice_keeps_the_first_and_records_both()
    {
        var r = Extract(Opening + "年初预算数为100万元。\n二、执行\n年初批复预算数为120万元，全年实际支出80万元。\n三、结论\n综合得分90分。");
        Assert.Equal(100m, r.Value("budget.initial"));
        Assert.Equal([100m, 120m], r.Statements.Where(f => f.Key == "budget.initial").Select(f => f.Value));
    }

    [Fact]
    public void Breakdown_after_qizhong_names_parts_of_the_figure_before_it()
    {
        var r = Extract(Opening + "年初预算数为300万元，其中基本支出200万元，项目支出100万元。全年实际支出280万元。其中：基本支出190万元，项目支出90万元。\n二、结论\n综合得分90分。");
        Assert.Equal(200m, r.Value("budget.initial.basic"));
        Assert.Equal(100m, r.Value("budget.initial.project"));
        Assert.Equal(190m, r.Value("expenditure.basic"));
        Assert.Equal(90m, r.Value("expenditure.project"));
    }

    [Theory]
    [InlineData("不低于", ">=")]
    [InlineData("不超过", "<=")]
    [InlineData("≥", ">=")]
    [InlineData("小于", "<")]
    [InlineData("", "=")]
    public void Indicator_target_operator_comes_from_the_words(string word, string op)
    {
        var r = Extract(Opening + "年初预算数为100万元。\n二、绩效指标\n（一）指标一：\n培训覆盖率：该指标预期指标值为" + word + "95%，本次评价完成值为96%，该指标完成率为100%。该指标权重分值为10分，自评得分10分。\n三、结论\n综合得分90分。");
        var i = Assert.Single(r.Indicators);
        Assert.Equal(("培训覆盖率", op, 95m, 96m, 10m, 10m), (i.Name, i.Target!.Op, i.Target.Value, i.Actual!.Value, i.Weight!.Value, i.Score!.Value));
    }

    [Fact]
    public void Indicators_given_only_as_a_table_are_read_by_their_headers()
    {
        var r = Extract(Opening + "年初预算数为100万元。\n二、绩效指标\n| 指标名称 | 目标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|\n| 巡查次数 | ≥12次 | 15次 | 20 | 20 |\n| 满意度 | ≥90% | 88% | 10 | 8 |\n三、结论\n综合得分90分。");
        Assert.Equal(2, r.Indicators.Count);
        Assert.Equal(("满意度", ">=", 90m, "%", 88m, 8m), (r.Indicators[1].Name, r.Indicators[1].Target!.Op, r.Indicators[1].Target!.Value, r.Indicators[1].Target!.Unit, r.Indicators[1].Actual!.Value, r.Indicators[1].Score!.Value));
    }

    [Fact]
    public void A_notice_is_not_a_report() =>
        Assert.Throws<NotAReportException>(() => Extract("关于召开会议的通知\n各单位：定于5月20日召开会议，请准时参加。"));

    [Fact]
    public void Every_figure_carries_its_source_text_and_page()
    {
        var doc = DocumentLoader.Read(Corpus.Rendition("pdf-lo", "002"));
        var r = ReportExtractor.Extract(doc);
        var f = r.Figures["basic.execution_rate"];
        Assert.Contains("98.16%", f.Text);
        Assert.InRange(f.Page, 2, doc.Source.Pages);
        Assert.All(r.Statements, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
    }
}
