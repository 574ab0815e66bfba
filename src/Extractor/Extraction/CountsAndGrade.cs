using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>Headcounts (编制 N 名, 实有人员 N 人), the project count (共有 N 个项目) and the grade (评价结果为"优").</summary>
internal static partial class CountsAndGrade
{
    private const string Count = @"(?<n>\d+|[一二三四五六七八九十百零两]+)";

    [GeneratedRegex(@"编制(?:总数|人数|数)?\s*(?:为|共)?\s*" + Count + @"\s*(?:名|人)")]
    private static partial Regex Authorized();

    [GeneratedRegex(@"(?:实有|实际在编|实际在岗|在编在岗|在职在编|年末在编)(?:在编|在职)?(?:人员|人数)?\s*(?:为|共)?\s*" + Count + @"\s*(?:名|人)")]
    private static partial Regex Actual();

    [GeneratedRegex(@"共(?:有|实施|完成|开展|安排|设立|涉及|包括|包含|计)?\s*(?:项目)?\s*" + Count + @"\s*个(?:项目|(?<=项目\s*" + Count + @"\s*个))")]
    private static partial Regex ProjectCount();

    [GeneratedRegex(@"(?:评价结果|评价等级|自评等级|自评结果|评价结论|绩效等级|等级)\s*(?:为|是|评定为|:)?\s*[“""「『']?\s*(?<g>优秀|优|良好|良|中等|中|合格|及格|差|不合格)\s*[”""」』']?")]
    private static partial Regex Grade();

    private const string MoneyValue = @"\s*(?:为|是|:)?\s*(?<n>" + Values.Number + @")\s*(?<u>亿元|万元|元)";

    private static readonly (string Key, Regex Rx)[] Assets =
    [
        ("assets.original", new Regex("固定资产(?:账面)?原值" + MoneyValue)),
        ("assets.depreciation", new Regex("累计折旧" + MoneyValue)),
        ("assets.net", new Regex("固定资产(?:账面)?净值" + MoneyValue)),
    ];

    public static void Extract(FlowText flow, Spans consumed, Report report)
    {
        var text = flow.Text;
        AddFirst(flow, consumed, report, Authorized(), "staff.authorized", null);
        AddFirst(flow, consumed, report, Actual(), "staff.actual", null);
        AddFirst(flow, consumed, report, ProjectCount(), "project.count", null);

        foreach (var (key, rx) in Assets)
            foreach (Match m in rx.Matches(text))
            {
                if (consumed.Overlaps(m.Index, m.Length)) continue;
                var unit = m.Groups["u"].Value;
                report.Statements.Add(new Figure(key, Money.ToWan(Values.Parse(m.Groups["n"].Value), unit), unit,
                    flow.SourceSpan(m.Index, m.Length), flow.PageAt(m.Index), m.Index) { Decimals = Values.Decimals(m.Groups["n"].Value) });
            }

        var grade = Grade().Match(text);
        if (grade.Success)
            report.Statements.Add(new Figure("grade", 0, null, flow.SourceSpan(grade.Index, grade.Length), flow.PageAt(grade.Index),
                grade.Index, GradeOf(grade.Groups["g"].Value)));
    }

    /// <summary>The canonical band name of a stated grade: 优, 良, 中 or 差.</summary>
    public static string GradeOf(string stated) => stated switch
    {
        "优秀" or "优" => "优",
        "良好" or "良" => "良",
        "中等" or "中" or "合格" or "及格" => "中",
        _ => "差",
    };

    private static void AddFirst(FlowText flow, Spans consumed, Report report, Regex rx, string key, string? unit)
    {
        foreach (Match m in rx.Matches(flow.Text))
        {
            if (consumed.Overlaps(m.Index, m.Length)) continue;
            // The total comes before its breakdown: "编制 28 名，其中：行政编制 0 名".
            var sentence = flow.Text.LastIndexOfAny(['。', '\n'], Math.Max(0, m.Index - 1));
            if (key == "staff.authorized" && flow.Text[(sentence + 1)..m.Index].Contains("其中")) continue;
            if (!ChineseNumberReader.Instance.TryRead(m.Groups["n"].Value, out var n)) continue;
            report.Statements.Add(new Figure(key, n, unit, flow.SourceSpan(m.Index, m.Length), flow.PageAt(m.Index), m.Index) { Decimals = 0 });
            return;
        }
    }
}
