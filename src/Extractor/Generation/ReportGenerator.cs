using System.Globalization;
using System.Text;

namespace Extractor.Generation;

/// <summary>The figures of one generated report: internally consistent, rounded as a report writer rounds.</summary>
public sealed class GeneratedReport
{
    public required string Unit { get; init; }
    public int Year { get; init; }
    public decimal Initial, InitialBasic, InitialProject, Superior, Local, Adjustment, Adjusted, AdjustmentRate;
    public decimal Actual, ExecutionRate, BasicBudget, Personnel, Public, BasicActual, BasicRate, ProjectBudget, ProjectActual, ProjectRate;
    public decimal ExecutionScore, Total;
    public string Grade = "优";
    public int Authorized, Staff;
    public List<(string Name, decimal Budget, decimal Actual)> Projects = [];
    public List<GeneratedIndicator> Indicators = [];
    /// <summary>For injected contradictions: a project count, or a restated 年初预算, that differs from the figures.</summary>
    public int? StatedProjectCount;
    public decimal? InitialRestated;
    /// <summary>Statements left out of the text (so an injected contradiction touches one rule only).</summary>
    public HashSet<string> Omit = [];
    /// <summary>Paragraphs of 存在的主要问题及原因分析; none in a single generated report.</summary>
    public List<string> Analysis = [];
}

public sealed class GeneratedIndicator
{
    public required string Name { get; init; }
    public required string Op { get; init; }
    public decimal Target, Actual, Completion, Weight, Score;
    public required string Unit { get; init; }
}

/// <summary>
/// Deterministic generator of realistic, internally consistent reports (random figures, rounded half-up
/// to the decimals a writer uses), rendered through the genre's text in several phrasings.
/// </summary>
public sealed class ReportGenerator(int seed)
{
    private readonly Random _rng = new(seed);
    private static readonly string[] Units = ["县财政局", "区民政局", "市司法局", "县林业和草原局", "区退役军人事务局", "镇人民政府", "市档案馆", "县统计局"];
    private static readonly string[] Places = ["青山", "白河", "东湖", "南岗", "西林", "北塔", "长宁", "永安"];
    private static readonly (string Name, string Unit, decimal Lo, decimal Hi)[] IndicatorKinds =
    [
        ("培训人次", "人次", 100, 3000), ("巡查检查次数", "次", 20, 800), ("服务对象满意度", "%", 80, 95),
        ("资金拨付及时率", "%", 90, 100), ("宣传活动场次", "场", 5, 60), ("档案数字化数量", "卷", 1000, 20000),
        ("设施维护覆盖率", "%", 85, 100), ("帮扶困难群众人数", "人", 50, 2000), ("公用经费控制率", "%", 90, 100),
    ];

    private decimal Money(decimal lo, decimal hi) => R2(lo + (hi - lo) * (decimal)_rng.NextDouble());
    private decimal Frac(double lo, double hi) => (decimal)(lo + (hi - lo) * _rng.NextDouble());
    public static decimal R2(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

    public GeneratedReport Next()
    {
        var r = new GeneratedReport { Unit = Places[_rng.Next(Places.Length)] + Units[_rng.Next(Units.Length)], Year = 2019 + _rng.Next(6) };
        r.Initial = Money(80, 6000);
        r.InitialBasic = R2(r.Initial * Frac(0.5, 0.85));
        r.InitialProject = r.Initial - r.InitialBasic;
        r.Superior = R2(r.Initial * Frac(0, 0.2));
        r.Local = r.Initial - r.Superior;
        r.Adjustment = _rng.Next(5) == 0 ? 0 : R2(r.Initial * Frac(-0.12, 0.5));
        if (r.Adjustment < -r.InitialProject * 0.8m) r.Adjustment = -R2(r.InitialProject * 0.5m);
        r.Adjusted = r.Initial + r.Adjustment;
        r.AdjustmentRate = R2(Math.Abs(r.Adjustment) / r.Initial * 100);
        r.BasicBudget = r.InitialBasic;
        r.Personnel = R2(r.BasicBudget * Frac(0.75, 0.95));
        r.Public = r.BasicBudget - r.Personnel;
        r.ProjectBudget = r.Adjusted - r.BasicBudget;
        r.BasicActual = R2(r.BasicBudget * Frac(0.9, 1.0));
        r.ProjectActual = R2(r.ProjectBudget * Frac(0.6, 1.0));
        r.Actual = r.BasicActual + r.ProjectActual;
        r.ExecutionRate = R2(r.Actual / r.Adjusted * 100);
        r.BasicRate = R2(r.BasicActual / r.BasicBudget * 100);
        r.ProjectRate = R2(r.ProjectActual / r.ProjectBudget * 100);
        r.Authorized = 10 + _rng.Next(110);
        r.Staff = r.Authorized - _rng.Next(Math.Min(10, r.Authorized));

        var n = 1 + _rng.Next(4);
        decimal budgetLeft = r.ProjectBudget, actualLeft = r.ProjectActual;
        for (var i = 0; i < n; i++)
        {
            var last = i == n - 1;
            var b = last ? budgetLeft : R2(budgetLeft * Frac(0.2, 0.6));
            var a = last ? actualLeft : Math.Min(b, R2(actualLeft * Frac(0.2, 0.6)));
            budgetLeft -= b; actualLeft -= a;
            r.Projects.Add(($"{Places[(i + r.Year) % Places.Length]}片区{(i + 1)}号综合服务项目", b, a));
        }

        var k = 3 + _rng.Next(5);
        var weights = SplitWeights(90, k);
        var kinds = IndicatorKinds.OrderBy(_ => _rng.Next()).Take(k).ToList();
        for (var i = 0; i < k; i++)
        {
            var (name, unit, lo, hi) = kinds[i];
            var op = unit == "%" && _rng.Next(3) == 0 ? "=" : ">=";
            var target = unit == "%" ? (op == "=" ? 100 : Math.Round(lo + (hi - lo) * Frac(0, 1))) : Math.Round(lo + (hi - lo) * Frac(0, 1));
            var missed = _rng.Next(6) == 0;
            decimal actual = missed ? Math.Round(target * Frac(0.6, 0.97), unit == "%" ? 1 : 0, MidpointRounding.AwayFromZero)
                                    : op == "=" ? target : Math.Round(target * Frac(1.0, 1.3), unit == "%" ? 1 : 0, MidpointRounding.AwayFromZero);
            if (unit == "%" && actual > 100) actual = 100;
            if (!missed && actual < target) actual = target;
            var completion = Math.Min(100, R2(actual / target * 100));
            var score = missed ? R2(weights[i] * completion / 100) : weights[i];
            r.Indicators.Add(new GeneratedIndicator { Name = name, Op = op, Unit = unit, Target = target, Actual = actual, Completion = completion, Weight = weights[i], Score = score });
        }
        r.ExecutionScore = R2(10 * Math.Min(100, r.ExecutionRate) / 100);
        r.Total = r.Indicators.Sum(i => i.Score) + r.ExecutionScore;
        r.Grade = r.Total >= 90 ? "优" : r.Total >= 80 ? "良" : r.Total >= 60 ? "中" : "差";
        return r;
    }

    private List<decimal> SplitWeights(int total, int k)
    {
        var w = Enumerable.Repeat(5m, k).ToList();
        for (var left = total - 5 * k; left > 0; left -= 5) w[_rng.Next(k)] += 5;
        return w;
    }
}

/// <summary>Renders a generated report as the genre writes it, in one of three phrasings.</summary>
public static class ReportRenderer
{
    public const int Phrasings = 3;
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static string N(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Yuan(decimal wan) => (wan * 10000).ToString("#,##0.00", CultureInfo.InvariantCulture);
    private static string V(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Op(string op) => op == ">=" ? "大于等于" : "等于";

    public static string Render(GeneratedReport r, int phrasing)
    {
        var sb = new StringBuilder();
        void L(string s) { if (s.Length > 0) sb.Append(s).Append('\n').Append('\n'); }
        string S(string key, string text) => r.Omit.Contains(key) ? "" : text;

        L($"{r.Unit}{r.Year}年度部门整体支出绩效自评报告");
        L($"部门单位名称（公章）：{r.Unit}");
        L($"填报时间：{r.Year + 1}年3月{1 + r.Year % 27}日");
        L("一、基本概况");
        L($"本单位{S("staff.authorized", $"编制{r.Authorized}名，")}{S("staff.actual", $"实有人员{r.Staff}人，")}主要负责辖区相关行政管理和公共服务工作。");
        L("二、预算安排及执行情况");
        var adjWord = r.Adjustment < 0 ? "调减" : "调增";
        switch (phrasing)
        {
            case 1: // money in 元 with thousands separators, tables
                L($"本单位年初预算数为{Yuan(r.Initial)}元{S("budget.initial.basic", $"，其中：基本支出年初预算数为{Yuan(r.InitialBasic)}元，项目支出年初预算数为{Yuan(r.InitialProject)}元")}。");
                L($"{S("budget.adjustment", $"年中{adjWord}预算{Yuan(Math.Abs(r.Adjustment))}元，")}{S("budget.adjusted", $"调整后全年预算数为{Yuan(r.Adjusted)}元，")}{S("budget.adjustment_rate", $"预算调整率为{N(r.AdjustmentRate)}%")}。");
                L($"全年实际支出{Yuan(r.Actual)}元{S("budget.execution_rate", $"，预算执行率为{N(r.ExecutionRate)}%")}。");
                if (!r.Omit.Contains("table"))
                {
                    L("金额单位：元");
                    sb.Append("| 项目 | 调整后预算数 | 实际支出数 | 执行率 |\n|---|---|---|---|\n");
                    sb.Append($"| 基本支出 | {Yuan(r.BasicBudget)} | {Yuan(r.BasicActual)} | {S("basic.execution_rate", N(r.BasicRate) + "%")} |\n");
                    sb.Append($"| 项目支出 | {Yuan(r.ProjectBudget)} | {Yuan(r.ProjectActual)} | {S("project.execution_rate", N(r.ProjectRate) + "%")} |\n\n");
                }
                break;
            case 2: // 追加/调减 wording, sources of funds
                L($"本单位{r.Year}年年初预算数为{N(r.Initial)}万元{S("budget.initial.superior", $"，其中：上级安排{N(r.Superior)}万元，本级安排{N(r.Local)}万元，其他资金0万元")}。");
                L($"{S("budget.adjustment", r.Adjustment < 0 ? $"年中调减预算{N(-r.Adjustment)}万元，" : $"年中追加预算{N(r.Adjustment)}万元，")}{S("budget.adjusted", $"调整后全年预算数为{N(r.Adjusted)}万元，")}{S("budget.adjustment_rate", $"预算调整率为{N(r.AdjustmentRate)}%")}。");
                L($"全年实际支出{N(r.Actual)}万元{S("budget.execution_rate", $"，预算执行率为{N(r.ExecutionRate)}%")}。其中基本支出{N(r.BasicActual)}万元，项目支出{N(r.ProjectActual)}万元。");
                break;
            default: // the seeds' phrasing
                L($"我单位年初预算数为{N(r.Initial)}万元{S("budget.initial.basic", $"，其中：基本支出年初预算数为{N(r.InitialBasic)}万元、项目支出年初预算数为{N(r.InitialProject)}万元")}。");
                L($"我单位年初批复预算数{N(r.InitialRestated ?? r.Initial)}万元，{S("budget.adjustment", $"年中{adjWord}数{N(Math.Abs(r.Adjustment))}万元，")}{S("budget.adjusted", $"调整后全年预算数{N(r.Adjusted)}万元，")}{S("budget.adjustment_rate", $"预算调整率{N(r.AdjustmentRate)}%")}。");
                L($"全年实际支出资金{N(r.Actual)}万元{S("budget.execution_rate", $"，预算执行率为{N(r.ExecutionRate)}%")}。");
                L("（一）基本支出和使用情况");
                L($"本单位基本支出全年预算总额{N(r.BasicBudget)}万元{S("basic.personnel", $"，其中：人员经费{N(r.Personnel)}万元，公用经费{N(r.Public)}万元")}。实际支出{N(r.BasicActual)}万元{S("basic.execution_rate", $"，基本支出预算执行率{N(r.BasicRate)}%")}。");
                break;
        }
        L("三、项目支出情况");
        L($"本年度共有{(r.StatedProjectCount ?? r.Projects.Count).ToString(CultureInfo.InvariantCulture)}个项目，项目总金额为{N(r.ProjectBudget)}万元，执行金额为{N(r.ProjectActual)}万元。");
        if (!r.Omit.Contains("projects"))
            L("分别为：" + string.Join("；", r.Projects.Select(p => $"{p.Name}，预算金额为{N(p.Budget)}万元，执行金额为{N(p.Actual)}万元")) + "。");
        L("四、绩效指标完成情况");
        if (phrasing == 1)
        {
            sb.Append("| 三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分 |\n|---|---|---|---|---|---|\n");
            foreach (var i in r.Indicators)
                sb.Append($"| {i.Name} | {(i.Op == ">=" ? "≥" : "")}{V(i.Target)}{i.Unit} | {V(i.Actual)}{i.Unit} | {S("completion", N(i.Completion) + "%")} | {V(i.Weight)} | {V(i.Score)} |\n");
            sb.Append('\n');
        }
        else
        {
            for (var k = 0; k < r.Indicators.Count; k++)
            {
                var i = r.Indicators[k];
                if (phrasing == 2)
                    L($"绩效指标{k + 1}：{i.Name}。年度目标值：{(i.Op == ">=" ? "≥" : "")}{V(i.Target)}{i.Unit}；全年实际完成值：{V(i.Actual)}{i.Unit}；{S("completion", $"完成率{N(i.Completion)}%；")}分值{V(i.Weight)}分，得分{V(i.Score)}分。");
                else
                {
                    L($"（{Numerals[k]}）指标{Numerals[k]}：");
                    L($"{i.Name}：该指标预期指标值为{Op(i.Op)}{V(i.Target)}{i.Unit}，本次评价完成值为{V(i.Actual)}{i.Unit}，{S("completion", $"该指标完成率为{N(i.Completion)}%。")}该指标权重分值为{V(i.Weight)}分，自评得分{V(i.Score)}分。");
                }
            }
        }
        L(S("score.execution", $"预算执行率指标分值10分，预算执行率{N(r.ExecutionRate)}%，得{N(r.ExecutionScore)}分。"));
        L("五、评价结论");
        L($"{r.Year}年度部门整体支出绩效自评综合得分{N(r.Total)}分{S("grade", $"，评价结果为“{r.Grade}”")}。");
        if (r.Analysis.Count > 0) L("六、存在的主要问题及原因分析");
        foreach (var p in r.Analysis) L(p);
        return sb.ToString();
    }
}
