using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>A rule not applied (to the report, or to one indicator) because what it needs was not all read with certainty.</summary>
public sealed record SkippedCheck(string Rule, string Reason, int? Indicator = null);

/// <summary>
/// What the sums and indicator rules need to be sure of before they may accuse a report: every
/// indicator read with its score (weight), no gap in the report's own numbering, no points left unread,
/// an operator and a unit that could be read. A reason is in Chinese, for the auditor.
/// </summary>
internal static class Completeness
{
    /// <summary>Why the indicators' scores (or weights) cannot be summed; null when they can.</summary>
    public static string? IndicatorsIncomplete(Report r, Func<Indicator, decimal?> part, string partName)
    {
        if (r.Indicators.FirstOrDefault(i => part(i) is null) is { } missing)
            return $"指标{missing.Seq}（{missing.Name}）的{partName}未能读取";
        if (NumberingGap(r.Indicators.Select(i => i.Label)) is { } gap) return $"指标编号不连续（{gap}），可能有指标未能读取";
        var unread = r.Unread.Count(u => u.Unit == "分");
        return unread > 0 ? $"有{unread}处分数未能归属到指标或得分（见unread）" : null;
    }

    /// <summary>Why one indicator's target and actual cannot be compared; null when they can.</summary>
    public static string? IndicatorUncertain(Indicator i)
    {
        if (i.OpUncertain) return $"指标{i.Seq}（{i.Name}）的指标性质（≥/≤/=）未能识别";
        if (i.Target is { } t && i.Actual is { } a && (t.Unit ?? "") != (a.Unit ?? ""))
            return $"指标{i.Seq}（{i.Name}）的目标值与实际值单位不一致（{t.Unit ?? "未注明"}、{a.Unit ?? "未注明"}）";
        if (i.Restated.Any(s => s.Part is "target" or "actual" && s.Unit != (s.Part == "target" ? i.Target?.Unit : i.Actual?.Unit) && s.Unit != "%"))
            return $"指标{i.Seq}（{i.Name}）前后填报的单位不一致";
        return null;
    }

    /// <summary>Why the listed projects cannot be summed or counted; null when they can.</summary>
    public static string? ProjectsIncomplete(Report r)
    {
        if (NumberingGap(r.Projects.Select(p => p.Label)) is { } gap) return $"项目序号不连续（{gap}），可能有项目未能读取";
        var unread = r.Unread.Count(u => u.Section == "project" && Money.IsMoneyUnit(u.Unit));
        return unread > 0 ? $"项目部分有{unread}处金额未能归属到项目（见unread）" : null;
    }

    /// <summary>A gap in a numbering the report writes (1, 2, 4 / 一, 二, 四): "缺少第3项"; null when none or unnumbered.</summary>
    public static string? NumberingGap(IEnumerable<string?> labels)
    {
        var numbers = new List<int>();
        foreach (var label in labels)
        {
            if (label is null) return null;
            // "（一）", "指标二", "3", "⑤": the numeral in the label (circled numbers fold to digits).
            var digits = new string(label.Normalize(System.Text.NormalizationForm.FormKC).Where(c => char.IsAsciiDigit(c) || ChineseNumberReader.IsNumeral(c)).ToArray());
            if (digits.Length == 0 || !ChineseNumberReader.Instance.TryRead(digits, out var n)) return null;
            numbers.Add((int)n);
        }
        // Numbering that restarts (under each group) is checked run by run.
        for (var i = 1; i < numbers.Count; i++)
            if (numbers[i] > numbers[i - 1] + 1) return $"缺少第{numbers[i - 1] + 1}项";
        return numbers.Count > 0 && numbers[0] > 1 ? $"缺少第1项" : null;
    }
}
