using System.Text.RegularExpressions;
using Extractor.Exports;
using Extractor.Generation;
using Extractor.Storage;
using Extractor.Viewer;

namespace Extractor.Tests;

/// <summary>
/// A generated multi-year set (16 units × 3 years; four units write their name another way in their second year;
/// planned copied paragraphs) ingested into one store, with two injected contradictions: a wrong 预算调整率 in
/// one report (error) and staff over quota in another (warning).
/// </summary>
public sealed class MultiYearStore : IDisposable
{
    public MultiYearSet Set { get; } = new(units: 16, years: 3, seed: 21);
    public string Db { get; }
    public GeneratedReport WrongRate { get; }
    public GeneratedReport OverQuota { get; }

    public MultiYearStore()
    {
        WrongRate = Set.Reports.First(r => r.Grade == "优" && r.Adjustment != 0 && r.Year == 2022);
        WrongRate.AdjustmentRate += 3;
        OverQuota = Set.Reports.Last(r => r.Year == 2023);
        OverQuota.Staff = OverQuota.Authorized + 3;
        var dir = Directory.CreateTempSubdirectory("extractor-years-").FullName;
        Db = Path.Combine(dir, "years.db");
        using var store = Store.Open(Db);
        var run = store.StartRun();
        for (var i = 0; i < Set.Reports.Count; i++)
        {
            var path = Path.Combine(dir, $"{i:D3}.txt");
            File.WriteAllText(path, ReportRenderer.Render(Set.Reports[i], i % ReportRenderer.Phrasings));
            Assert.True(store.Save(Pipeline.Process(path), run, force: false));
        }
        store.FinishRun(run, Set.Reports.Count, Set.Reports.Count, 0, 0);
    }

    public void Dispose() { }
}

public class MultiYearTests(MultiYearStore years) : IClassFixture<MultiYearStore>
{
    private static object? Cell(Tabular t, object?[] row, string column) => row[t.Columns.ToList().IndexOf(column)];

    [Fact]
    public void A_unit_that_wrote_its_name_another_way_is_one_unit_with_three_years()
    {
        using var store = Store.OpenExisting(years.Db);
        var units = store.Units();
        Assert.Equal(16, units.Count);
        Assert.All(units, u => Assert.Equal([2021, 2022, 2023], u.Years.Select(y => y.Year)));
        var renamed = years.Set.Reports.Where(r => r.Unit.StartsWith("江南省", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, renamed.Count);
        Assert.All(renamed, r => Assert.Contains(units, u => u.Names.Contains(r.Unit) && u.Names.Count == 2));
    }

    [Fact]
    public void Compare_gives_each_years_figure_the_change_and_the_rate_of_change()
    {
        var unit = years.Set.Reports.First(r => r.Unit.StartsWith("江南省", StringComparison.Ordinal)).Unit;
        var reports = years.Set.Reports.Where(r => ReportIdentity.UnitKey(r.Unit) == ReportIdentity.UnitKey(unit)).OrderBy(r => r.Year).ToList();
        using var store = Store.OpenExisting(years.Db);
        var t = YearOverYear.ForUnit(store, ReportIdentity.UnitKey(unit));
        Assert.Equal(["类别", "数据项", "项目", "单位", "2021年", "2022年", "2023年", "2022年较上期增减", "2022年较上期增减率(%)", "2023年较上期增减", "2023年较上期增减率(%)"], t.Columns);

        var initial = Assert.Single(t.Rows, r => (string?)Cell(t, r, "项目") == "budget.initial");
        Assert.Equal(reports.Select(r => (object?)r.Initial), [Cell(t, initial, "2021年"), Cell(t, initial, "2022年"), Cell(t, initial, "2023年")]);
        Assert.Equal(reports[2].Initial - reports[1].Initial, Cell(t, initial, "2023年较上期增减"));
        Assert.Equal(Math.Round((reports[1].Initial - reports[0].Initial) * 100 / reports[0].Initial, 2, MidpointRounding.AwayFromZero), Cell(t, initial, "2022年较上期增减率(%)"));
        var grade = Assert.Single(t.Rows, r => (string?)Cell(t, r, "项目") == "grade");
        Assert.Equal(reports.Select(r => (object?)r.Grade), [Cell(t, grade, "2021年"), Cell(t, grade, "2022年"), Cell(t, grade, "2023年")]);
        Assert.Null(Cell(t, grade, "2022年较上期增减"));

        // Indicators by name: each year's target, actual and score under one name, absent years blank.
        foreach (var name in reports.SelectMany(r => r.Indicators.Select(i => i.Name)).Distinct())
            foreach (var (measure, value) in new (string, Func<GeneratedIndicator, decimal>)[] { ("目标值", i => i.Target), ("实际完成值", i => i.Actual), ("得分", i => i.Score) })
            {
                var row = Assert.Single(t.Rows, r => (string?)Cell(t, r, "类别") == YearOverYear.Indicator && (string?)Cell(t, r, "数据项") == name && (string?)Cell(t, r, "项目") == measure);
                for (var y = 0; y < 3; y++)
                    Assert.Equal(reports[y].Indicators.FirstOrDefault(i => i.Name == name) is { } i ? value(i) : null, Cell(t, row, $"{2021 + y}年"));
            }
    }

    [Fact]
    public void The_overview_counts_grades_rates_findings_and_the_units_graded_excellent_with_errors()
    {
        using var store = Store.OpenExisting(years.Db);
        var o = Overview.Of(store);
        var reports = years.Set.Reports;
        Assert.Equal(48, o.Reports);
        Assert.Equal(Overview.GradeOrder.Select(g => reports.Count(r => r.Grade == g)).Append(0), o.Grades.Select(t => t.Count));
        Assert.Equal(Overview.RateBands.Select((_, i) => reports.Count(r => Overview.Band(r.ExecutionRate) == i)).Append(0), o.ExecutionRates.Select(t => t.Count));
        Assert.True(o.ExecutionRates.Count(t => t.Count > 0) >= 2, "the set spreads over more than one band");

        var rule = (string code) => o.ByRule.SingleOrDefault(t => t.Note!.StartsWith(code + "；", StringComparison.Ordinal))?.Count ?? 0;
        Assert.Equal(1, rule("BUDGET_ADJUSTMENT_RATE"));
        Assert.Equal(1, rule("STAFF_OVER_QUOTA"));
        Assert.Equal(years.Set.Copies.Count, rule("COPIED_TEXT"));
        Assert.Equal(2 + years.Set.Copies.Count, o.ByRule.Sum(t => t.Count));

        var good = Assert.Single(o.GoodButErrors);
        Assert.Equal((years.WrongRate.Unit, 2022, 1), (good.Unit, good.Year, good.Errors));
        Assert.Contains("预算调整率", good.Rules);
        var top = o.ByUnit.First(t => t.Label == years.WrongRate.Unit);
        Assert.Contains("错误 1", top.Note);
    }

    [Fact]
    public void The_workbook_has_the_overview_and_the_year_over_year_sheets()
    {
        using var store = Store.OpenExisting(years.Db);
        var path = Path.Combine(Path.GetDirectoryName(years.Db)!, "book.xlsx");
        using (var f = File.Create(path)) AuditWorkbook.Write(store, f);
        var overview = Xlsx.Read(path, "总览");
        Assert.Equal(48L, Convert.ToInt64(overview.Single(r => (string?)r["项目"] == "报告数")["数量"]));
        var excellent = years.Set.Reports.Count(r => r.Grade == "优");
        Assert.Equal((long)excellent, Convert.ToInt64(overview.Single(r => (string?)r["类别"] == "评价结果分布" && (string?)r["项目"] == "优")["数量"]));

        var history = Xlsx.Read(path, "历年对比");
        var r0 = years.Set.Reports[0];
        var row = history.Single(r => (string?)r["单位名称"] == r0.Unit && (string?)r["项目"] == "budget.actual");
        Assert.Equal(r0.Actual, decimal.Parse(row["2021年"], System.Globalization.CultureInfo.InvariantCulture));
        var next = years.Set.Reports.Single(r => r.Unit == r0.Unit && r.Year == 2022);
        Assert.Equal(next.Actual - r0.Actual, decimal.Parse(row["2022年较上期增减"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(16, history.Select(r => r["单位名称"]).Distinct().Count());
    }

    [Fact]
    public async Task The_viewer_draws_the_overview_as_bars_with_their_counts()
    {
        await using var viewer = await ViewerApp.StartAsync(years.Db, 0, "test", Path.Combine(Path.GetDirectoryName(years.Db)!, "pages"));
        using var http = new HttpClient();
        var html = await http.GetStringAsync(viewer.Url + "/overview");
        int Bar(string chart, string label)
        {
            var svg = Regex.Match(html, $"<svg id=\"{chart}\".*?</svg>", RegexOptions.Singleline).Value;
            return int.Parse(Regex.Match(svg, $"data-label=\"{Regex.Escape(label)}\" data-count=\"(\\d+)\"").Groups[1].Value);
        }
        Assert.Equal(years.Set.Reports.Count(r => r.Grade == "优"), Bar("chart-grades", "优"));
        Assert.Equal(years.Set.Reports.Count(r => r.Grade == "良"), Bar("chart-grades", "良"));
        Assert.Equal(years.Set.Copies.Count, Bar("chart-rules", "分析文字与其他报告雷同"));
        Assert.Contains($"href=\"/?unit={Uri.EscapeDataString(years.WrongRate.Unit)}&amp;year=2022&amp;severity=error\"", html);
    }
}
