using Extractor.Extraction;
using Extractor.Reading;

namespace Extractor.Tests;

/// <summary>Tables classified by their header text and keyed by row × column labels, whatever their layout.</summary>
public class TableTests
{
    private static Report Extract(string text) =>
        ReportExtractor.Extract(Extractor.Reading.TextReader.Parse("t.txt", text, "0"), null, genreCheck: false);

    private const string Section = "二、预算执行情况\n";

    private static readonly (string Key, decimal Value)[] Budget =
    [
        (Keys.BudgetInitial, 839.20m), (Keys.Adjusted, 897.06m), (Keys.Actual, 877.28m), (Keys.ExecutionRate, 97.80m),
        (Keys.InitialBasic, 659.20m), (Keys.BasicBudget, 671.56m), (Keys.ExpenditureBasic, 668.91m), (Keys.BasicExecutionRate, 99.61m),
        (Keys.InitialProject, 180.00m), (Keys.ProjectBudget, 225.50m), (Keys.ExpenditureProject, 208.37m), (Keys.ProjectExecutionRate, 92.40m),
    ];

    [Fact]
    public void Measures_as_columns_and_measures_as_rows_give_the_same_figures()
    {
        var columns = Extract(Section + """
            | 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
            |---|---|---|---|---|
            | 合计 | 839.20 | 897.06 | 877.28 | 97.80% |
            | 基本支出 | 659.20 | 671.56 | 668.91 | 99.61% |
            | 项目支出 | 180.00 | 225.50 | 208.37 | 92.40% |
            """);
        var rows = Extract(Section + """
            | 项目 | 合计 | 基本支出 | 项目支出 |
            |---|---|---|---|
            | 年初预算数 | 839.20 | 659.20 | 180.00 |
            | 全年预算数 | 897.06 | 671.56 | 225.50 |
            | 全年执行数 | 877.28 | 668.91 | 208.37 |
            | 执行率 | 97.80% | 99.61% | 92.40% |
            """);
        foreach (var (key, value) in Budget)
        {
            Assert.Equal(value, columns.Value(key));
            Assert.Equal(value, rows.Value(key));
        }
    }

    [Fact]
    public void A_two_row_header_with_spans_and_a_caption_unit_in_yuan()
    {
        var r = Extract(Section + """
            金额单位：元
            | 支出类别 | 预算数 | < | 执行数 |
            | ^ | 年初 | 调整后 | ^ |
            |---|---|---|---|
            | 合计 | 12,356,800.00 | 11,121,120.00 | 10,687,396.32 |
            """);
        Assert.Equal(1235.68m, r.Value(Keys.BudgetInitial));
        Assert.Equal(1112.112m, r.Value(Keys.Adjusted));
        Assert.Equal(1068.739632m, r.Value(Keys.Actual));
        Assert.Equal("元", r.Figures[Keys.BudgetInitial].Unit);
    }

    [Fact]
    public void A_header_unit_overrides_the_prose_unit()
    {
        var r = Extract(Section + "全年预算3,000,000元。\n" + """
            | 项目 | 预算安排（万元） | 全年执行（万元） | 执行率（%） |
            |---|---|---|---|
            | 合计 | 913.75 | 915.67 | 96.11 |
            """);
        Assert.Equal(915.67m, r.Value(Keys.Actual));
        Assert.Equal(96.11m, r.Value(Keys.ExecutionRate));
    }

    [Fact]
    public void A_key_value_table_reads_each_value_by_the_label_to_its_left()
    {
        var r = Extract("一、部门（单位）基本概况\n" + """
            | 联系人 | 彭晓岚 | 联络电话 | 0739-2263418 |
            |---|---|---|---|
            | 人员编制 | 36 | 实有人数 | 33 |
            """);
        Assert.Equal(36m, r.Value(Keys.StaffAuthorized));
        Assert.Equal(33m, r.Value(Keys.StaffActual));
        Assert.Equal(2, r.Statements.Count);
    }

    [Fact]
    public void Indicator_columns_are_found_by_role_with_the_operator_and_unit_in_their_own_columns()
    {
        var r = Extract("三、绩效指标完成情况\n" + """
            | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
            |---|---|---|---|---|---|---|---|---|
            | 产出指标 | 数量指标 | 不动产登记办件量 | ≥ | 12000 | 件 | 13486 | 6 | 6 |
            | ^ | 时效指标 | 不动产登记办理时限 | ≤ | 3 | 个工作日 | 2.5 | 5 | 5 |
            | ^ | ^ | 规划实施监测评估机制 | 定性 | 健全 | | 基本健全 | 3 | 2 |
            | 满意度指标 | 满意度 | 办事群众满意度 | 反向 | 90 | % | 95.3 | 8 | 8 |
            | 合计 | < | < | < | < | < | < | 22 | 21 |
            """);
        Assert.Equal(4, r.Indicators.Count);
        var first = r.Indicators[0];
        Assert.Equal((">=", 12000m, "件"), (first.Target!.Op, first.Target.Value, first.Target.Unit));
        Assert.Equal(["产出指标", "数量指标"], first.Group!);
        Assert.Equal("<=", r.Indicators[1].Target!.Op);
        Assert.Equal((null, 3m, 2m), (r.Indicators[2].Target, r.Indicators[2].Weight, r.Indicators[2].Score));
        Assert.Equal("<=", r.Indicators[3].Target!.Op); // 反向: the lower the better
        Assert.Equal((22m, 21m), (r.Value(Keys.WeightTotal), r.Value(Keys.TotalScore)));
    }

    [Fact]
    public void A_spanned_row_naming_a_group_heads_the_rows_below_in_a_table_with_group_columns()
    {
        var r = Extract("三、绩效指标完成情况\n" + """
            | 二级指标 | 三级指标 | 全年目标值 | 全年实际值 | 权重 | 自评得分 |
            |---|---|---|---|---|---|
            | 一、预算执行（10分） | < | < | < | < | < |
            | 预算执行率 | < | 100% | 96.71% | 10 | 9.67 |
            | 二、产出指标（45分） | < | < | < | < | < |
            | 数量指标 | 门急诊诊疗人次 | ≥18万人次 | 19.2万人次 | 8 | 8 |
            | 三、效益指标（28分） | < | < | < | < | < |
            | 社会效益指标 | 县域内就诊率 | ≥90% | 91.2% | 8 | 8 |
            """);
        Assert.Equal(2, r.Indicators.Count);
        Assert.Equal(["产出指标", "数量指标"], r.Indicators[0].Group!);
        Assert.Equal(["效益指标", "社会效益指标"], r.Indicators[1].Group!);
        Assert.Equal((96.71m, 10m, 9.67m), (r.Value(Keys.ExecutionRate), r.Value(Keys.ExecutionWeight), r.Value(Keys.ExecutionScore)));
    }

    [Fact]
    public void A_row_naming_a_part_with_no_key_is_not_the_whole_under_a_caption_naming_the_whole()
    {
        var r = Extract(Section + """
            | 某局2023年度部门整体支出绩效自评表 | < | < | < | < |
            |---|---|---|---|---|
            | 项目资金（万元） | 年初预算数 | 全年预算数（A） | 全年执行数（B） | 执行率（B/A） |
            | 年度资金总额 | 486.20 | 527.70 | 512.38 | 97.10% |
            | 其中：本年财政拨款 | 486.20 | 515.70 | 500.38 | — |
            | 上年结转资金 | — | 12.00 | 12.00 | — |
            """);
        Assert.Equal((527.70m, 512.38m), (r.Value(Keys.Adjusted), r.Value(Keys.Actual)));
        Assert.Single(r.Statements, f => f.Key == Keys.Adjusted);
        Assert.Single(r.Statements, f => f.Key == Keys.Actual);
    }

    [Fact]
    public void Columns_beside_a_total_column_that_name_nothing_known_are_its_parts()
    {
        var r = Extract(Section + """
            | 项目 | 合计 | 一般公共服务支出 | 城乡社区支出 |
            |---|---|---|---|
            | 年初预算数 | 4,862.35 | 2,386.45 | 2,475.90 |
            | 全年执行数 | 5,342.82 | 2,398.62 | 2,944.20 |
            """);
        Assert.Equal((4862.35m, 5342.82m), (r.Value(Keys.BudgetInitial), r.Value(Keys.Actual)));
        Assert.Single(r.Statements, f => f.Key == Keys.BudgetInitial);
        Assert.Single(r.Statements, f => f.Key == Keys.Actual);
    }

    [Fact]
    public void A_row_naming_only_a_part_crosses_a_subject_column_in_no_key()
    {
        var r = Extract(Section + """
            | 资金来源 | 全年预算数 | < | 全年执行数 | < |
            | ^ | 基本支出 | 项目支出 | 基本支出 | 项目支出 |
            |---|---|---|---|---|
            | 事业收入 | 86.50 | 142.60 | 82.16 | 128.45 |
            | 合计 | 1,554.80 | 978.85 | 1,543.88 | 916.39 |
            """);
        Assert.Equal((1554.80m, 978.85m), (r.Value(Keys.BasicBudget), r.Value(Keys.ProjectBudget)));
        Assert.Single(r.Statements, f => f.Key == Keys.BasicBudget);
    }

    [Fact]
    public void An_operator_column_no_word_names_leaves_the_target_uncertain()
    {
        var r = Extract("三、绩效指标完成情况\n" + """
            | 三级指标 | 指标性质 | 指标值 | 完成值 | 分值 | 得分 |
            |---|---|---|---|---|---|
            | 案件办结率 | 约束性 | 95% | 93% | 10 | 10 |
            | 培训人次 | ≥ | 500人次 | 520人次 | 10 | 10 |
            """);
        Assert.True(r.Indicators[0].OpUncertain);
        Assert.False(r.Indicators[1].OpUncertain);
    }

    [Fact]
    public void The_execution_row_of_an_index_table_is_the_execution_score_not_an_indicator()
    {
        var r = Extract("三、整体支出绩效情况\n" + """
            | 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
            |---|---|---|---|---|
            | 过程 | 预算执行 | 预算执行率 | 8 | 7.82 |
            | ^ | ^ | 预算调整率 | 3 | 2 |
            """);
        Assert.Equal("预算调整率", Assert.Single(r.Indicators).Name);
        Assert.Equal((8m, 7.82m), (r.Value(Keys.ExecutionWeight), r.Value(Keys.ExecutionScore)));
    }

    [Fact]
    public void A_project_table_lists_projects_and_its_total_row_gives_the_totals_but_a_subtotal_does_not()
    {
        var r = Extract("三、项目支出情况\n" + """
            | 序号 | 项目名称 | 全年预算数 | 全年执行数 |
            |---|---|---|---|
            | 1 | 农资打假专项执法经费 | 80.00 | 76.42 |
            | 2 | 执法装备购置经费 | 45.50 | 43.30 |
            | 小计 | < | 125.50 | 119.72 |
            | 3 | 监测经费 | 100.00 | 88.65 |
            | 合计 | < | 225.50 | 208.37 |
            """);
        Assert.Equal(["1", "2", "3"], r.Projects.Select(p => p.Label));
        Assert.Equal((225.50m, 208.37m), (r.Value(Keys.ProjectBudget)!.Value, r.Value(Keys.ProjectActual)!.Value));
        Assert.Single(r.Statements, f => f.Key == Keys.ProjectBudget);
    }

    [Fact]
    public void A_table_continued_on_the_next_page_without_its_header_keeps_its_columns_and_its_cut_row()
    {
        static TableCell C(int r, int c, string t) => new(r, c, 1, 1, t, null);
        var first = new Table(1, null, [
            new TableRow([C(0, 0, "三级指标"), C(0, 1, "年度指标值"), C(0, 2, "实际完成值"), C(0, 3, "分值"), C(0, 4, "得分")]),
            new TableRow([C(1, 0, "森林管护面积"), C(1, 1, "≥86万亩"), C(1, 2, "86.4万亩"), C(1, 3, "8"), C(1, 4, "8")]),
            new TableRow([C(2, 0, "生态护林员补助"), C(2, 1, "100%"), C(2, 2, "100%"), C(2, 3, "5"), C(2, 4, "5")])]);
        var next = new Table(2, null, [
            new TableRow([C(0, 0, "发放及时率"), C(0, 1, ""), C(0, 2, ""), C(0, 3, ""), C(0, 4, "")]),
            new TableRow([C(1, 0, "造林成本控制"), C(1, 1, "≤1200元/亩"), C(1, 2, "1150元/亩"), C(1, 3, "5"), C(1, 4, "5")])]);
        var heading = new Paragraph(1, null, [], "三、绩效指标完成情况");
        var doc = new Document(new SourceInfo("t.pdf", "0", "pdf", 2), [new Page(1, 595, 842, [heading, first]), new Page(2, 595, 842, [next])]);
        var r = ReportExtractor.Extract(doc, null, genreCheck: false);
        Assert.Equal(["森林管护面积", "生态护林员补助发放及时率", "造林成本控制"], r.Indicators.Select(i => i.Name));
        Assert.Equal(("<=", 1200m, "元/亩"), (r.Indicators[2].Target!.Op, r.Indicators[2].Target!.Value, r.Indicators[2].Target!.Unit));
    }
}
