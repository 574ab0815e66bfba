using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>Facts about one indicator that the indicator rules share.</summary>
internal static class Targets
{
    /// <summary>Actual and target comparable: both stated, in the same unit, the operator read with certainty.</summary>
    public static bool Comparable(Indicator i) =>
        i.Target is not null && i.Actual is not null && Completeness.IndicatorUncertain(i) is null;

    /// <summary>The indicators a comparing rule cannot judge, with the reason.</summary>
    public static IEnumerable<SkippedCheck> Uncertain(string rule, Report r) =>
        r.Indicators.Where(i => i.Target is not null && i.Actual is not null)
            .Select(i => (i, why: Completeness.IndicatorUncertain(i))).Where(x => x.why is not null)
            .Select(x => new SkippedCheck(rule, x.why!, x.i.Seq));

    /// <summary>The actual falls short of the target in its direction; exceeding an "=" target is over-completion.</summary>
    public static bool Missed(Indicator i) => i.Target!.Op switch
    {
        ">=" or "=" => i.Actual!.Value < i.Target.Value,
        ">" => i.Actual!.Value <= i.Target.Value,
        "<=" => i.Actual!.Value > i.Target.Value,
        "<" => i.Actual!.Value >= i.Target.Value,
        _ => false,
    };

    public static bool FullMarks(Indicator i) => i.Score is { } s && i.Weight is { } w && s >= w;

    public static string Op(string op) => op switch { ">=" => "≥", "<=" => "≤", _ => op };
}

/// <summary>INDICATOR_TARGET_MISSED: 未达到目标（按目标方向）却得满分或填报完成率≥100%.</summary>
public sealed class TargetMissedRule : IRule
{
    public string Code => "INDICATOR_TARGET_MISSED";
    public string Name => "指标未达目标却得满分";
    public IEnumerable<SkippedCheck> Skipped(Report r) => Targets.Uncertain(Code, r);
    public IEnumerable<Discrepancy> Check(Report r)
    {
        foreach (var i in r.Indicators)
        {
            if (!Targets.Comparable(i) || !Targets.Missed(i)) continue;
            var full = Targets.FullMarks(i);
            if (!full && !(i.CompletionRate >= 100)) continue;
            var claim = full ? $"却得满分{Validation.Check.Show(i.Score!.Value)}/{Validation.Check.Show(i.Weight!.Value)}分" : $"却填报完成率{Validation.Check.Show(i.CompletionRate!.Value)}%";
            yield return new Discrepancy(Code, Severity.Error, ["indicator.target", "indicator.actual", full ? "indicator.score" : "indicator.completion_rate"],
                i.Actual!.Value, i.Target!.Value,
                $"指标“{i.Name}”目标{Targets.Op(i.Target.Op)}{Validation.Check.Show(i.Target.Value)}{i.Target.Unit}，实际{Validation.Check.Show(i.Actual.Value)}{i.Actual.Unit}未达到，{claim}",
                i.Page, i.Seq);
        }
    }
}

/// <summary>INDICATOR_COMPLETION_RATE: 完成率 = 实际值 / 目标值（≥、>、= 目标；封顶100%亦可）.</summary>
public sealed class CompletionRateRule : IRule
{
    public string Code => "INDICATOR_COMPLETION_RATE";
    public string Name => "指标完成率与完成值不符";
    public IEnumerable<SkippedCheck> Skipped(Report r) => Targets.Uncertain(Code, r).Where(s => r.Indicators[s.Indicator!.Value - 1].CompletionRate is not null);
    public IEnumerable<Discrepancy> Check(Report r)
    {
        foreach (var i in r.Indicators)
        {
            if (i.CompletionRate is not { } stated || !Targets.Comparable(i) || i.Target!.Op is "<=" or "<" || i.Target.Value <= 0) continue;
            var d = stated.Scale;
            var ok = Validation.Check.RateAgrees(stated, d, i.Actual!.Value, Validation.Check.Half(i.Actual.Value.Scale),
                i.Target.Value, Validation.Check.Half(i.Target.Value.Scale), out var expected);
            // Many templates cap completion at 100%.
            if (ok || (stated == 100m && expected >= 100m)) continue;
            yield return new Discrepancy(Code, Severity.Error, ["indicator.completion_rate", "indicator.actual", "indicator.target"], stated, expected,
                $"指标“{i.Name}”完成率填报{Validation.Check.Show(stated)}%，但实际{Validation.Check.Show(i.Actual.Value)} / 目标{Validation.Check.Show(i.Target.Value)} = {Validation.Check.Show(expected)}%",
                i.Page, i.Seq);
        }
    }
}

/// <summary>INDICATOR_SCORE (warning): 完成率低于100%却得满分, where actual and target cannot tell whether the target was met.</summary>
public sealed class IndicatorScoreRule : IRule
{
    public string Code => "INDICATOR_SCORE";
    public string Name => "指标得分与完成情况不符";
    public IEnumerable<Discrepancy> Check(Report r)
    {
        foreach (var i in r.Indicators)
        {
            if (i.CompletionRate is not { } c || c >= 100 || !Targets.FullMarks(i)) continue;
            // With both actual and target, met or missed is judged (a miss is an error of its own) or the reading is
            // uncertain and the indicator skipped: never a second finding about one contradiction.
            if (i.Target is not null && i.Actual is not null) continue;
            yield return new Discrepancy(Code, Severity.Warning, ["indicator.completion_rate", "indicator.score"], i.Score, i.Weight,
                $"指标“{i.Name}”完成率{Validation.Check.Show(c)}%，却得满分{Validation.Check.Show(i.Score!.Value)}分", i.Page, i.Seq);
        }
    }
}
