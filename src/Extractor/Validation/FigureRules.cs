using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>A validation rule: a contract code and what it recomputes; it reads only figures the report states.</summary>
public interface IRule
{
    string Code { get; }

    /// <summary>The finding's type as auditors read it (疑点类型, from the contract).</summary>
    string Name { get; }

    IEnumerable<Discrepancy> Check(Report report);

    /// <summary>Where the rule is not applied because what it needs was not read with certainty (never a discrepancy).</summary>
    IEnumerable<SkippedCheck> Skipped(Report report) => [];
}

internal static class R
{
    public static Figure? F(Report r, string key) => r.Figures.TryGetValue(key, out var f) ? f : null;

    public static Figure? First(Report r, params string[] keys) => keys.Select(k => F(r, k)).FirstOrDefault(f => f is not null);

    public static string Wan(Figure f) => $"{Validation.Check.Show(f.Value)}万元";

    public static Discrepancy Rate(string code, Figure stated, Figure num, Figure den, decimal expected, string label, string numLabel, string denLabel) =>
        new(code, Severity.Error, [stated.Key, num.Key, den.Key], stated.Value, expected,
            $"{label}填报{Validation.Check.Show(stated.Value)}%，但{numLabel} {Validation.Check.Show(num.Value)} / {denLabel} {Validation.Check.Show(den.Value)} = {Validation.Check.Show(expected)}%",
            stated.Page);

    /// <summary>A stated rate against num/den; nothing when a part is unstated or the denominator is 0 (0/0 is no contradiction).</summary>
    public static IEnumerable<Discrepancy> RateRule(string code, Report r, string rateKey, Figure? num, Figure? den, string label, string numLabel, string denLabel, bool absolute = false)
    {
        var rate = F(r, rateKey);
        if (rate is null || num is null || den is null || den.Value == 0) yield break;
        var n = absolute ? Math.Abs(num.Value) : num.Value;
        if (!Validation.Check.RateAgrees(rate.Value, Validation.Check.DecimalsOf(rate), n, num.HalfUlp, den.Value, den.HalfUlp, out var expected))
            yield return Rate(code, rate, num, den, expected, label, numLabel, denLabel);
    }

    public static IEnumerable<Discrepancy> SumRule(string code, Figure? total, IReadOnlyList<Figure?> parts, string label, string partsLabel)
    {
        if (total is null || parts.Any(p => p is null)) yield break;
        var ps = parts.Select(p => p!).ToList();
        if (!Validation.Check.SumAgrees(total, ps, out var expected))
            yield return new Discrepancy(code, Severity.Error, [total.Key, .. ps.Select(p => p.Key)], total.Value, expected,
                $"{label}填报{Wan(total)}，但{partsLabel}之和为{Validation.Check.Show(expected)}万元", total.Page);
    }
}

/// <summary>BUDGET_ADJUSTED_SUM: 年初预算 + 年中调整 = 调整后全年预算.</summary>
public sealed class AdjustedSumRule : IRule
{
    public string Code => "BUDGET_ADJUSTED_SUM";
    public string Name => "调整后预算数与年初预算加调整数不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.SumRule(Code, R.F(r, Keys.Adjusted), [R.F(r, Keys.BudgetInitial), R.F(r, Keys.Adjustment)], "调整后全年预算数", "年初预算与年中调整");
}

/// <summary>BUDGET_ADJUSTMENT_RATE: 预算调整率 = |年中调整数| / 年初预算 (调整数 taken as 调整后 − 年初 when unstated).</summary>
public sealed class AdjustmentRateRule : IRule
{
    public string Code => "BUDGET_ADJUSTMENT_RATE";
    public string Name => "预算调整率与调整数不符";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        var initial = R.F(r, Keys.BudgetInitial);
        var change = R.F(r, Keys.Adjustment);
        if (change is null && initial is not null && R.F(r, Keys.Adjusted) is { } adjusted)
            change = adjusted with { Key = Keys.Adjusted, Value = adjusted.Value - initial.Value, Decimals = Math.Max(adjusted.Decimals, initial.Decimals) };
        return R.RateRule(Code, r, Keys.AdjustmentRate, change, initial, "预算调整率", "年中调整数", "年初预算", absolute: true);
    }
}

/// <summary>BUDGET_EXECUTION_RATE: 预算执行率 = 全年实际支出 / 调整后全年预算.</summary>
public sealed class ExecutionRateRule : IRule
{
    public string Code => "BUDGET_EXECUTION_RATE";
    public string Name => "预算执行率与执行数不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.RateRule(Code, r, Keys.ExecutionRate, R.F(r, Keys.Actual), R.F(r, Keys.Adjusted), "预算执行率", "全年实际支出", "全年预算");
}

/// <summary>BUDGET_INITIAL_SPLIT: 年初预算 = 基本支出 + 项目支出, and = 上级 + 本级 (+ 其他).</summary>
public sealed class InitialSplitRule : IRule
{
    public string Code => "BUDGET_INITIAL_SPLIT";
    public string Name => "年初预算分项合计不符";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        var initial = R.F(r, Keys.BudgetInitial);
        foreach (var d in R.SumRule(Code, initial, [R.F(r, Keys.InitialBasic), R.F(r, Keys.InitialProject)], "年初预算数", "基本支出与项目支出年初预算"))
            yield return d;
        if (SourcesShort(r)) yield break;
        var sources = new List<Figure?> { R.F(r, Keys.InitialSuperior), R.F(r, Keys.InitialLocal) };
        if (R.F(r, Keys.InitialOther) is { } other) sources.Add(other);
        foreach (var d in R.SumRule(Code, initial, sources, "年初预算数", "上级、本级和其他资金"))
            yield return d;
    }

    public IEnumerable<SkippedCheck> Skipped(Report r) =>
        SourcesShort(r) ? [new SkippedCheck(Code, "上级与本级资金之和小于年初预算，且未读到其他资金（如事业收入），无法判断来源是否列全")] : [];

    // Superior and local funds short of the whole with no other source read: a source the report names in words no
    // key holds (事业收入, 上年结转) may make up the rest, so the sources cannot be said to disagree.
    private static bool SourcesShort(Report r) =>
        R.F(r, Keys.InitialOther) is null && R.F(r, Keys.BudgetInitial) is { } initial
        && R.F(r, Keys.InitialSuperior) is { } superior && R.F(r, Keys.InitialLocal) is { } local && superior.Value + local.Value < initial.Value;
}

/// <summary>EXPENDITURE_SPLIT: 全年实际支出 = 基本支出 + 项目支出 (actuals).</summary>
public sealed class ExpenditureSplitRule : IRule
{
    public string Code => "EXPENDITURE_SPLIT";
    public string Name => "支出分项合计不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.SumRule(Code, R.F(r, Keys.Actual), [R.First(r, Keys.ExpenditureBasic, Keys.BasicActual), R.First(r, Keys.ExpenditureProject, Keys.ProjectActual)],
            "全年实际支出", "基本支出与项目支出");
}

/// <summary>BASIC_BUDGET_SPLIT: 基本支出预算 = 人员经费 + 公用经费.</summary>
public sealed class BasicBudgetSplitRule : IRule
{
    public string Code => "BASIC_BUDGET_SPLIT";
    public string Name => "基本支出预算分项合计不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.SumRule(Code, R.F(r, Keys.BasicBudget), [R.F(r, Keys.BasicPersonnel), R.F(r, Keys.BasicPublic)], "基本支出全年预算", "人员经费与公用经费");
}

/// <summary>BASIC_EXECUTION_RATE: 基本支出执行率 = 基本支出实际 / 基本支出预算.</summary>
public sealed class BasicExecutionRateRule : IRule
{
    public string Code => "BASIC_EXECUTION_RATE";
    public string Name => "基本支出执行率与执行数不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.RateRule(Code, r, Keys.BasicExecutionRate, R.First(r, Keys.BasicActual, Keys.ExpenditureBasic), R.F(r, Keys.BasicBudget), "基本支出执行率", "基本支出实际支出", "基本支出预算");
}

/// <summary>PROJECT_EXECUTION_RATE: 项目支出执行率 = 项目实际支出 / 项目预算.</summary>
public sealed class ProjectExecutionRateRule : IRule
{
    public string Code => "PROJECT_EXECUTION_RATE";
    public string Name => "项目支出执行率与执行数不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.RateRule(Code, r, Keys.ProjectExecutionRate, R.First(r, Keys.ProjectActual, Keys.ExpenditureProject), R.F(r, Keys.ProjectBudget), "项目资金执行率", "项目实际支出", "项目预算");
}

/// <summary>SHARE_OF_TOTAL: 占总支出比例 = 该部分实际支出 / 全年实际支出.</summary>
public sealed class ShareOfTotalRule : IRule
{
    public string Code => "SHARE_OF_TOTAL";
    public string Name => "占总支出比例与金额不符";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        var total = R.F(r, Keys.Actual);
        foreach (var d in R.RateRule(Code, r, Keys.BasicShare, R.First(r, Keys.BasicActual, Keys.ExpenditureBasic), total, "基本支出占总支出比例", "基本支出", "全年实际支出"))
            yield return d;
        foreach (var d in R.RateRule(Code, r, Keys.ProjectShare, R.First(r, Keys.ProjectActual, Keys.ExpenditureProject), total, "项目支出占总支出比例", "项目支出", "全年实际支出"))
            yield return d;
    }
}

/// <summary>PROCUREMENT_EXECUTION_RATE: 政府采购执行率 = 实际采购 / 采购预算.</summary>
public sealed class ProcurementRateRule : IRule
{
    public string Code => "PROCUREMENT_EXECUTION_RATE";
    public string Name => "政府采购执行率与执行数不符";
    public IEnumerable<Discrepancy> Check(Report r) =>
        R.RateRule(Code, r, Keys.ProcurementRate, R.F(r, Keys.ProcurementActual), R.F(r, Keys.ProcurementBudget), "政府采购执行率", "实际政府采购数", "政府采购预算数");
}

/// <summary>ASSET_NET: 固定资产原值 − 累计折旧 = 固定资产净值.</summary>
public sealed class AssetNetRule : IRule
{
    public string Code => "ASSET_NET";
    public string Name => "固定资产净值与原值、折旧不符";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (R.F(r, Keys.AssetsOriginal) is not { } original || R.F(r, Keys.AssetsDepreciation) is not { } dep) return [];
        var negated = dep with { Value = -dep.Value };
        return R.SumRule(Code, R.F(r, Keys.AssetsNet), [original, negated], "固定资产净值", "原值减累计折旧");
    }
}

/// <summary>STAFF_OVER_QUOTA (warning): 实有人数 > 编制数.</summary>
public sealed class StaffOverQuotaRule : IRule
{
    public string Code => "STAFF_OVER_QUOTA";
    public string Name => "实有人数超过编制数";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (R.F(r, Keys.StaffActual) is { } actual && R.F(r, Keys.StaffAuthorized) is { } quota && actual.Value > quota.Value)
            yield return new Discrepancy(Code, Severity.Warning, [Keys.StaffActual, Keys.StaffAuthorized], actual.Value, quota.Value,
                $"实有人数{actual.Value}人，超过编制数{quota.Value}名", actual.Page);
    }
}

/// <summary>CONFLICTING_VALUES: one quantity stated twice with values that differ beyond their rounding — a figure,
/// or a part of one indicator (an actual restated as a percent is its completion restated).</summary>
public sealed class ConflictingValuesRule : IRule
{
    public string Code => "CONFLICTING_VALUES";
    public string Name => "同一数据前后填报不一致";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        foreach (var group in r.Statements.Where(f => f.Word is null).GroupBy(f => f.Key))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
                if (Math.Abs(other.Value - first.Value) > first.HalfUlp + other.HalfUlp + 0.000001m)
                {
                    yield return new Discrepancy(Code, SeverityOf(first.Value, other.Value), [first.Key], other.Value, first.Value,
                        $"{Keys.Label(first.Key)}在第{first.Page}页填报为{Validation.Check.Show(first.Value)}（{first.Text}），在第{other.Page}页又填报为{Validation.Check.Show(other.Value)}（{other.Text}）{Doubt(first.Value, other.Value)}", other.Page);
                    break;
                }
        }
        foreach (var i in r.Indicators)
            foreach (var s in i.Restated)
                if (Conflict(i, s) is { } d) { yield return d; break; }
    }

    private Discrepancy? Conflict(Indicator i, IndicatorStatement s)
    {
        var (part, first, label) = (s.Part, s.Unit) switch
        {
            ("actual", "%") when i.Actual?.Unit != "%" => ("indicator.completion_rate", i.CompletionRate, "完成率"),
            ("target", var u) when u == i.Target?.Unit => ("indicator.target", i.Target?.Value, "目标值"),
            ("actual", var u) when u == i.Actual?.Unit => ("indicator.actual", i.Actual?.Value, "实际完成值"),
            ("midyear", var u) when u == i.Midyear?.Unit => ("indicator.midyear", i.Midyear?.Value, "年中完成值"),
            ("completion", _) => ("indicator.completion_rate", i.CompletionRate, "完成率"),
            ("weight", _) => ("indicator.weight", i.Weight, "权重"),
            ("score", _) => ("indicator.score", i.Score, "得分"),
            _ => ((string, decimal?, string))("", null, ""),
        };
        if (first is not { } v || Validation.Check.Round(v, s.Value.Scale) == s.Value || Validation.Check.Round(s.Value, v.Scale) == v) return null;
        return new Discrepancy(Code, SeverityOf(v, s.Value), [part], s.Value, v,
            $"指标“{i.Name}”的{label}先填报为{Validation.Check.Show(v)}{(label == "完成率" ? "%" : "")}，后又填报为{Validation.Check.Show(s.Value)}{s.Unit}（{s.Text}）{Doubt(v, s.Value)}", i.Page, i.Seq);
    }

    // One quantity restated with a slip (2,471.36 / 2,417.36) stays close to itself. Values more than twice apart,
    // of opposite sign, or one of them zero are more often two quantities (a project's budget read as the whole,
    // a table read in the wrong unit) than one stated twice: a person should look, but it is no error.
    private static bool FarApart(decimal a, decimal b)
    {
        if (a == 0 || b == 0 || Math.Sign(a) != Math.Sign(b)) return true;
        var (lo, hi) = (Math.Min(Math.Abs(a), Math.Abs(b)), Math.Max(Math.Abs(a), Math.Abs(b)));
        return hi > 2 * lo;
    }

    private static string SeverityOf(decimal a, decimal b) => FarApart(a, b) ? Severity.Warning : Severity.Error;

    private static string Doubt(decimal a, decimal b) => FarApart(a, b) ? "（两处数值相差悬殊，其中一处可能是其他口径的数据，请核实）" : "";
}
