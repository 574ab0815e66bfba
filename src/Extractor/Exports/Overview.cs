using System.Globalization;
using Extractor.Storage;
using Extractor.Validation;

namespace Extractor.Exports;

/// <summary>A labelled count, one bar of a chart.</summary>
public sealed record Tally(string Label, int Count, string? Note = null);

/// <summary>A report graded 优 that has error findings: the first thing a reviewer of self-evaluations looks at.</summary>
public sealed record GoodWithErrors(string Unit, int? Year, decimal? Score, int Errors, string Rules);

/// <summary>
/// 总览: what a pile of reports looks like at once — how the units graded themselves, how they spent, which
/// reports graded 优 carry error findings, and the findings by type and by unit. A report counts once (its
/// first version, as 汇总 lists it); a finding counts once per report, as the 疑点清单 lists it.
/// </summary>
public sealed record Overview(int Reports, IReadOnlyList<Tally> Grades, IReadOnlyList<Tally> ExecutionRates,
    IReadOnlyList<GoodWithErrors> GoodButErrors, IReadOnlyList<Tally> ByRule, IReadOnlyList<Tally> ByUnit)
{
    public const string Unread = "未读到";
    public static readonly string[] GradeOrder = ["优", "良", "中", "差"];

    /// <summary>The execution-rate bands: a lower bound (inclusive) and a label; 100% exactly is its own band.</summary>
    public static readonly (decimal From, string Label)[] RateBands =
        [(0, "低于60%"), (60, "60%～80%"), (80, "80%～90%"), (90, "90%～95%"), (95, "95%～100%"), (100, "100%"), (100, "超过100%")];

    public static Overview Of(Store store)
    {
        var summary = store.Summary();
        int Col(string name) => summary.Columns.ToList().IndexOf(name);
        var reports = summary.Rows.Where(r => Number(r[Col("版本")]) == 1).ToList();
        var findings = store.Findings();

        var grades = GradeOrder.Append(Unread)
            .Select(g => new Tally(g, reports.Count(r => (r[Col("评价结果")] as string ?? Unread) == g))).ToList();
        var rates = reports.Select(r => Number(r[Col("预算执行率(%)")])).ToList();
        var bands = RateBands.Select((b, i) => new Tally(b.Label, rates.Count(x => x is { } v && Band(v) == i)))
            .Append(new Tally(Unread, rates.Count(x => x is null))).ToList();

        var errors = findings.Where(f => f.Severity == Severity.Error).ToLookup(f => (f.UnitName, f.Year));
        var good = reports.Where(r => r[Col("评价结果")] as string == "优" && Number(r[Col("疑点(错误)")]) > 0)
            .Select(r =>
            {
                var (unit, year) = (r[Col("单位名称")] as string ?? "（未识别单位）", (int?)Number(r[Col("年度")]));
                var rules = errors[(r[Col("单位名称")] as string, year)].Select(f => RuleNames.Of(f.Rule)).Distinct();
                return new GoodWithErrors(unit, year, Number(r[Col("综合得分")]), (int)Number(r[Col("疑点(错误)")])!.Value, string.Join("、", rules));
            })
            .OrderByDescending(g => g.Errors).ThenBy(g => g.Unit, StringComparer.Ordinal).ToList();

        var byRule = findings.GroupBy(f => f.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Tally(RuleNames.Of(g.Key), g.Count(),
                $"{g.Key}；{RuleNames.SeverityName(g.First().Severity)}；{Statuses(g)}")).ToList();
        var byUnit = findings.GroupBy(f => f.UnitName ?? "（未识别单位）")
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Count(f => f.Severity == Severity.Error)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Tally(g.Key, g.Count(), $"错误 {g.Count(f => f.Severity == Severity.Error)}，提示 {g.Count(f => f.Severity != Severity.Error)}")).ToList();
        return new Overview(reports.Count, grades, bands, good, byRule, byUnit);
    }

    /// <summary>Which band a rate falls in (index into <see cref="RateBands"/>).</summary>
    public static int Band(decimal rate)
    {
        if (rate == 100) return 5;
        if (rate > 100) return 6;
        for (var i = 4; i > 0; i--) if (rate >= RateBands[i].From) return i;
        return 0;
    }

    private static string Statuses(IEnumerable<Finding> g) =>
        string.Join("，", new[] { "open", "confirmed", "dismissed" }.Select(s => $"{RuleNames.StatusName(s)} {g.Count(f => f.Status == s)}"));

    private static decimal? Number(object? v) => v is null or DBNull ? null : Convert.ToDecimal(v, CultureInfo.InvariantCulture);

    /// <summary>The 总览 sheet: one row per bar of every chart, and one per report graded 优 with error findings.</summary>
    public Tabular Sheet()
    {
        var rows = new List<object?[]> { Row("报告", "报告数", Reports, "每份报告计一次（第一个版本）") };
        rows.AddRange(Grades.Select(t => Row("评价结果分布", t.Label, t.Count, Share(t.Count))));
        rows.AddRange(ExecutionRates.Select(t => Row("预算执行率分布", t.Label, t.Count, Share(t.Count))));
        rows.AddRange(GoodButErrors.Select(g => Row("自评为优但有错误疑点", $"{g.Unit} {g.Year}年度", g.Errors, $"综合得分 {g.Score}；{g.Rules}")));
        rows.AddRange(ByRule.Select(t => Row("疑点类型", t.Label, t.Count, t.Note)));
        rows.AddRange(ByUnit.Select(t => Row("各单位疑点", t.Label, t.Count, t.Note)));
        return new Tabular(["类别", "项目", "数量", "说明"], rows);

        string Share(int n) => Reports == 0 ? "" : $"占 {(n * 100.0 / Reports).ToString("0.#", CultureInfo.InvariantCulture)}%";
        static object?[] Row(string category, string item, int count, string? note) => [category, item, (long)count, note];
    }
}
