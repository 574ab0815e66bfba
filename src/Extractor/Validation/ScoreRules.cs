using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>EXECUTION_SCORE: 执行率得分 = 其权重（未填报时为10分）× min(执行率, 100%).</summary>
public sealed class ExecutionScoreRule : IRule
{
    public string Code => "EXECUTION_SCORE";
    public string Name => "预算执行率得分计算有误";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (R.F(r, Keys.ExecutionScore) is not { } score || R.F(r, Keys.ExecutionRate) is not { } rate) yield break;
        var stated = R.F(r, Keys.ExecutionWeight)?.Value;
        // A score above the default weight says the report gave another weight, one that was not read.
        if (stated is null && score.Value > 10m) yield break;
        var weight = stated ?? 10m;
        var d = Validation.Check.DecimalsOf(score);
        decimal Points(decimal pct) => weight * Math.Min(100m, Math.Max(0, pct)) / 100m;
        var expected = Validation.Check.Round(Points(rate.Value), d);
        var h = Validation.Check.Half(d);
        var err = Validation.Check.Half(Validation.Check.DecimalsOf(rate));
        if (expected == score.Value || (score.Value + h >= Points(rate.Value - err) && score.Value - h <= Points(rate.Value + err))) yield break;
        yield return new Discrepancy(Code, Severity.Error, [Keys.ExecutionScore, Keys.ExecutionRate], score.Value, expected,
            $"预算执行率得分填报{Validation.Check.Show(score.Value)}分，但权重{Validation.Check.Show(weight)}分 × 执行率{Validation.Check.Show(rate.Value)}% = {Validation.Check.Show(expected)}分", score.Page);
    }
}

/// <summary>WEIGHT_TOTAL: 各指标权重 + 预算执行率权重 = 100.</summary>
public sealed class WeightTotalRule : IRule
{
    public string Code => "WEIGHT_TOTAL";
    public string Name => "指标权重合计不为100分";

    private static string? Incomplete(Report r) => Completeness.IndicatorsIncomplete(r, i => i.Weight, "权重（分值）");

    public IEnumerable<SkippedCheck> Skipped(Report r) =>
        r.Indicators.Count > 0 && Incomplete(r) is { } why ? [new SkippedCheck(Code, why)] : [];

    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (r.Indicators.Count == 0 || Incomplete(r) is not null) yield break;
        var sum = r.Indicators.Sum(i => i.Weight!.Value);
        var execution = R.F(r, Keys.ExecutionWeight)?.Value ?? (R.F(r, Keys.ExecutionScore) is not null ? 10m : (decimal?)null);
        // Without an execution score in the report, the indicators alone may carry 100, or 90 beside an unstated 10.
        var ok = execution is { } e ? sum + e == 100m : sum is 100m or 90m;
        if (ok) yield break;
        var total = sum + (execution ?? 0);
        yield return new Discrepancy(Code, Severity.Error, ["indicators.weight", Keys.ExecutionWeight], total, 100m,
            $"各指标权重之和{Validation.Check.Show(sum)}分" + (execution is { } x ? $"加预算执行率权重{Validation.Check.Show(x)}分" : "") + $"为{Validation.Check.Show(total)}分，不等于100分",
            r.Indicators[0].Page);
    }
}

/// <summary>SCORE_TOTAL: 各指标得分 + 预算执行率得分 = 综合得分.</summary>
public sealed class ScoreTotalRule : IRule
{
    public string Code => "SCORE_TOTAL";
    public string Name => "综合得分与分项得分合计不符";

    private static string? Incomplete(Report r) => Completeness.IndicatorsIncomplete(r, i => i.Score, "得分") ?? ExecutionUnread(r);

    // The execution's points are part of the total; when the report gives the execution a weight, or its indicators
    // weigh less than 100, and no execution score was read, the sum would lack them.
    private static string? ExecutionUnread(Report r) =>
        R.F(r, Keys.ExecutionScore) is null && (R.F(r, Keys.ExecutionWeight) is not null
            || r.Indicators.Count > 0 && r.Indicators.All(i => i.Weight is not null) && r.Indicators.Sum(i => i.Weight!.Value) < 100m)
            ? "预算执行率得分未能读取，而综合得分含此项" : null;

    public IEnumerable<SkippedCheck> Skipped(Report r) =>
        R.F(r, Keys.TotalScore) is not null && r.Indicators.Count > 0 && Incomplete(r) is { } why ? [new SkippedCheck(Code, why)] : [];

    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (R.F(r, Keys.TotalScore) is not { } total || r.Indicators.Count == 0 || Incomplete(r) is not null) yield break;
        var execution = R.F(r, Keys.ExecutionScore);
        var sum = r.Indicators.Sum(i => i.Score!.Value) + (execution?.Value ?? 0);
        // Whole points are exact by convention; a score written with decimals may carry half a unit of its last digit.
        static decimal Err(int decimals) => decimals > 0 ? Validation.Check.Half(decimals) : 0m;
        var tolerance = Err(Validation.Check.DecimalsOf(total)) + r.Indicators.Sum(i => Err(i.Score!.Value.Scale))
            + (execution is null ? 0 : Err(Validation.Check.DecimalsOf(execution))) + 0.0000001m;
        if (Math.Abs(sum - total.Value) <= tolerance) yield break;
        yield return new Discrepancy(Code, Severity.Error, [Keys.TotalScore, "indicators.score", Keys.ExecutionScore], total.Value, sum,
            $"综合得分填报{Validation.Check.Show(total.Value)}分，但各指标得分" + (execution is null ? "" : "与预算执行率得分") + $"之和为{Validation.Check.Show(sum)}分", total.Page);
    }
}

/// <summary>GRADE_BAND: 评价等级与综合得分所在档次一致（≥90优，80–90良，60–80中，&lt;60差）.</summary>
public sealed class GradeBandRule : IRule
{
    public string Code => "GRADE_BAND";
    public string Name => "评价等级与综合得分不符";
    public static string Band(decimal total) => total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        if (R.F(r, Keys.Grade) is not { Word: { } grade } g || R.F(r, Keys.TotalScore) is not { } total) yield break;
        var band = Band(total.Value);
        if (band != grade)
            yield return new Discrepancy(Code, Severity.Error, [Keys.Grade, Keys.TotalScore], grade, band,
                $"评价等级填报“{grade}”，但综合得分{Validation.Check.Show(total.Value)}分对应“{band}”", g.Page);
    }
}

/// <summary>SCORE_EXCEEDS_WEIGHT: 指标得分不超过其权重分值.</summary>
public sealed class ScoreExceedsWeightRule : IRule
{
    public string Code => "SCORE_EXCEEDS_WEIGHT";
    public string Name => "指标得分超过权重分值";
    public IEnumerable<Discrepancy> Check(Report r) =>
        r.Indicators.Where(i => i.Score > i.Weight).Select(i => new Discrepancy(Code, Severity.Error, ["indicator.score", "indicator.weight"],
            i.Score, i.Weight, $"指标“{i.Name}”得分{Validation.Check.Show(i.Score!.Value)}分，超过其权重分值{Validation.Check.Show(i.Weight!.Value)}分", i.Page, i.Seq));
}
