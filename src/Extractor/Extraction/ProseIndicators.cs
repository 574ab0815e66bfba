using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>
/// 指标 blocks in prose: "（一）指标一：" / "指标①：" / "绩效指标1：" start a block, which runs to the
/// next block or the next top-level heading. Inside it the genre's vocabulary names each part:
/// 预期指标值/年度目标值/指标值 (with 大于等于/≥/不低于… as the operator), 年中(监控)完成值,
/// 本次评价…/实际完成值 (actual), 完成率, 权重分值/分值, 自评得分/得分, 偏差原因, 改进措施.
/// A block stating fewer than two of these is a heading (a group of indicators), not an indicator.
/// </summary>
internal static partial class ProseIndicators
{
    private const string Num = Values.Number;
    private const string Unit = Values.IndicatorUnit;
    private const string Ops = "大于等于|小于等于|不低于|不少于|不小于|不高于|不超过|不大于|≥|≤|>=|<=|大于|小于|高于|低于|多于|少于|超过|等于|达到|=|>|<";

    // "（一）指标一：", "指标①：", "绩效指标1：", or a numbered item that names something before a colon
    // ("1.水利工程维修养护里程：年度目标值…"); a start whose block states no indicator parts is dropped.
    [GeneratedRegex(@"(?<=^|\n|。)[ \t]*(?:(?:\([一二三四五六七八九十\d]+\)[ \t]*)?(?:绩效|三级|二级)?指标[ \t]*(?:[一二三四五六七八九十]+|\d+)[ \t]*[:：]|(?:\d+[.、]|\(\d+\))[ \t]*(?=[^\n:,。]{2,40}:))", RegexOptions.Multiline)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\s*(?:[(（]?[一二三四五六七八九十]+[)）、.]|预算执行|执行率|部门整体|整体支出|综上|综合|总体|合计|共设置)")]
    private static partial Regex MovesOn();

    [GeneratedRegex(@"\n[ \t]*[一二三四五六七八九十]+[、.]")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"(?:预期指标值|年度目标值|年度指标值|预期目标值|目标值|指标值|指标数)\s*(?:为|是)?\s*:?\s*(?<op>" + Ops + @")?\s*(?:为)?\s*(?<num>" + Num + @")\s*(?<unit>" + Unit + @")?(?=[,;。、\s)]|$)")]
    private static partial Regex TargetRx();

    [GeneratedRegex(@"年中(?:监控)?(?:实际)?完成(?:值|情况)?\s*(?:为)?\s*:?\s*(?<num>" + Num + @")\s*(?<unit>" + Unit + @")?(?=[,;。、\s)]|$)")]
    private static partial Regex MidyearRx();

    [GeneratedRegex(@"(?:(?<!年中|监控|年中监控)(?:全年|自评|本次评价)?实际完成(?:值|数|情况)?|自评完成值|本次评价完成值|评价完成值|全年实际值)\s*(?:为)?\s*:?\s*(?<num>" + Num + @")\s*(?<unit>" + Unit + @")?(?=[,;。、\s)]|$)")]
    private static partial Regex ActualRx();

    [GeneratedRegex(@"本次(?:评价)?(?<mid>[^,;。:\d]{0,30}?)\s*(?:为)?\s*(?<num>" + Num + @")\s*(?<unit>" + Unit + @")?\s*(?=[,;。、)(]|$)")]
    private static partial Regex ActualByNameRx();

    private const string Tail = @"\s*(?<unit>" + Unit + @")?\s*(?=[,;。、)(]|$)";

    [GeneratedRegex(@"完成率\s*(?:为)?\s*:?\s*(?<num>" + Num + @")\s*%")]
    private static partial Regex CompletionRx();

    [GeneratedRegex(@"(?:权重分值|权重|分值)\s*(?:为)?\s*:?\s*(?<num>" + Num + @")\s*分")]
    private static partial Regex WeightRx();

    [GeneratedRegex(@"(?:自评得分|得分)\s*(?:为)?\s*:?\s*(?<num>" + Num + @")\s*分")]
    private static partial Regex ScoreRx();

    [GeneratedRegex(@"(?:偏差原因|未完成原因|差异原因)(?:及改进措施|分析)?\s*:\s*(?<t>[^。]*)")]
    private static partial Regex DeviationRx();

    [GeneratedRegex(@"改进措施\s*:\s*(?<t>[^。]*)")]
    private static partial Regex ImprovementRx();

    public static void Extract(FlowText flow, Spans consumed, Report report)
    {
        var text = flow.Text;
        var starts = BlockStart().Matches(text).Cast<Match>().ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var bodyStart = starts[i].Index + starts[i].Length;
            var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            var top = TopHeading().Match(text, bodyStart);
            if (top.Success && top.Index < end) end = top.Index;
            // A block runs over the paragraphs that continue it, up to one that moves on to other
            // business (the execution score, a summary, a heading).
            for (var nl = text.IndexOfAny(['\n', '。'], bodyStart); nl >= 0 && nl < end; nl = text.IndexOfAny(['\n', '。'], nl + 1))
                if (nl > bodyStart && MovesOn().IsMatch(text[(nl + 1)..Math.Min(text.Length, nl + 40)])) { end = text[nl] == '。' ? nl + 1 : nl; break; }
            var body = text[bodyStart..end];
            var indicator = Read(body, report.Indicators.Count + 1, flow.PageAt(starts[i].Index), flow.SourceSpan(starts[i].Index, end - starts[i].Index));
            if (indicator is null) continue;
            report.Indicators.Add(indicator);
            consumed.Add(starts[i].Index, end - starts[i].Index);
        }
    }

    private static Indicator? Read(string body, int seq, int page, string source)
    {
        // The name follows the marker on its line, or opens the next line ("培训费下降率：该指标…").
        var trimmed = body.TrimStart(' ', '\t');
        var firstLine = trimmed.Split('\n')[0];
        var nameSource = firstLine.Trim().Length > 0 ? firstLine : trimmed.TrimStart('\n').Split('\n')[0];
        var name = Regex.Split(nameSource, "[:,;。]")[0].Trim();

        var target = TargetRx().Match(body);
        var midyear = MidyearRx().Match(body);
        var actual = ActualRx().Match(body);
        if (!actual.Success)
            actual = Regex.Match(body, @"本次(?:评价)?\s*" + Regex.Escape(name) + @"\s*(?:为|是)?\s*(?<num>" + Num + ")" + Tail);
        if (!actual.Success)
        {
            var byName = ActualByNameRx().Match(body);
            if (byName.Success && !byName.Groups["mid"].Value.Contains("年中")) actual = byName;
        }
        var completion = CompletionRx().Match(body);
        var weight = WeightRx().Match(body);
        var score = ScoreRx().Match(body);
        var stated = new[] { target, actual, completion, weight, score }.Count(m => m.Success);
        if (stated < 2 || name.Length == 0) return null;

        return new Indicator(
            seq, name,
            target.Success ? new Target(Values.Op(target.Groups["op"].Success ? target.Groups["op"].Value : null),
                Values.Parse(target.Groups["num"].Value), UnitOf(target)) : null,
            midyear.Success ? new Quantity(Values.Parse(midyear.Groups["num"].Value), UnitOf(midyear)) : null,
            actual.Success ? new Quantity(Values.Parse(actual.Groups["num"].Value), UnitOf(actual)) : null,
            completion.Success ? Values.Parse(completion.Groups["num"].Value) : null,
            weight.Success ? Values.Parse(weight.Groups["num"].Value) : null,
            score.Success ? Values.Parse(score.Groups["num"].Value) : null,
            Text(DeviationRx().Match(body)), Text(ImprovementRx().Match(body)), page, source);
    }

    private static string? UnitOf(Match m) => m.Groups["unit"].Success && m.Groups["unit"].Length > 0 ? m.Groups["unit"].Value : null;

    private static string? Text(Match m)
    {
        if (!m.Success) return null;
        var t = m.Groups["t"].Value.Trim();
        return t.Length == 0 || t is "无" ? null : t;
    }
}
