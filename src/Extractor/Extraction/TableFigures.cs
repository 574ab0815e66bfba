using System.Text.RegularExpressions;
using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>
/// Tables, recognised by their header text: an indicator (自评) table (指标名称/三级指标 with
/// 指标值, 实际完成值, 分值, 得分…), a project table (项目名称 with 预算 and 实际/执行 columns), or a
/// budget table (rows 合计/基本支出/项目支出 against 年初预算/调整后预算/实际支出/执行率 columns).
/// Money units come from the table's caption (金额单位：元), its header cells ("预算数（万元）"), or
/// else the unit the report's prose uses.
/// </summary>
internal static partial class TableFigures
{
    [GeneratedRegex("三级指标|指标名称|绩效指标|指标内容|^指标$")] private static partial Regex NameHeader();
    [GeneratedRegex("指标值|目标值|年度目标|年度指标|预期")] private static partial Regex TargetHeader();
    [GeneratedRegex("实际完成|实际值|完成值|全年实际|实际|完成情况")] private static partial Regex ActualHeader();
    [GeneratedRegex("年中")] private static partial Regex MidyearHeader();
    [GeneratedRegex("完成率")] private static partial Regex CompletionHeader();
    [GeneratedRegex("分值|权重")] private static partial Regex WeightHeader();
    [GeneratedRegex("得分|评分")] private static partial Regex ScoreHeader();
    [GeneratedRegex("偏差原因|未完成原因|差异原因|原因分析")] private static partial Regex DeviationHeader();
    [GeneratedRegex("改进措施")] private static partial Regex ImprovementHeader();
    [GeneratedRegex("项目名称")] private static partial Regex ProjectNameHeader();
    [GeneratedRegex("预算|金额|安排")] private static partial Regex BudgetHeader();
    [GeneratedRegex("实际|执行数|执行金额|支出数|决算")] private static partial Regex SpentHeader();
    [GeneratedRegex("^(?:合计|总计|总分|小计|总得分)$")] private static partial Regex TotalRow();
    [GeneratedRegex("预算执行")] private static partial Regex ExecutionRow();
    [GeneratedRegex(@"(?:金额)?单位\s*:\s*(?<u>亿元|万元|元)")] private static partial Regex Caption();
    [GeneratedRegex(@"\((?<u>亿元|万元|元)\)")] private static partial Regex HeaderUnit();

    public static void Extract(FlowText flow, Report report, string? proseUnit)
    {
        int[]? lastIndicatorColumns = null;
        TableView? lastProjects = null;
        foreach (var (offset, table) in flow.Tables)
        {
            var view = new TableView(table);
            var before = report.Statements.Count;
            if (view.Grid.Length == 0) continue;
            var caption = Caption().Match(flow.Text[Math.Max(0, offset - 60)..offset]);
            var unit = caption.Success ? caption.Groups["u"].Value : null;
            var continuesProjects = lastProjects is not null && lastProjects.Columns == view.Columns && HeaderRow(view, ProjectNameHeader()) < 0;
            if (Indicators(view, report, lastIndicatorColumns) is { } cols) { lastIndicatorColumns = cols; lastProjects = null; }
            else if (Projects(continuesProjects ? new TableView(lastProjects!, view) : view, report, unit ?? proseUnit))
            {
                lastProjects = view; lastIndicatorColumns = null;
            }
            else
            {
                Budget(view, report, unit ?? proseUnit);
                lastProjects = null; lastIndicatorColumns = null;
            }
            // A table's figures stand where the table stands in the flow.
            for (var i = before; i < report.Statements.Count; i++) report.Statements[i] = report.Statements[i] with { Offset = offset };
        }
    }

    private static int HeaderRow(TableView v, Regex must, int search = 3)
    {
        for (var r = 0; r < Math.Min(search, v.Grid.Length); r++)
            if (v.FindColumn(r, must) >= 0) return r;
        return -1;
    }

    // Column roles: name, target, actual, midyear, completion, weight, score, deviation, improvement.
    private static int[]? Indicators(TableView v, Report report, int[]? previous)
    {
        var h = HeaderRow(v, NameHeader());
        int[] cols;
        if (h >= 0)
        {
            var taken = new HashSet<int>();
            int Take(Regex rx) { var c = v.FindColumn(h, rx, taken); if (c >= 0) taken.Add(c); return c; }
            var name = Take(NameHeader());
            var midyear = Take(MidyearHeader());
            var completion = Take(CompletionHeader());
            var deviation = Take(DeviationHeader());
            var improvement = Take(ImprovementHeader());
            var score = Take(ScoreHeader());
            var weight = Take(WeightHeader());
            var target = Take(TargetHeader());
            var actual = Take(ActualHeader());
            cols = [name, target, actual, midyear, completion, weight, score, deviation, improvement];
            if (target < 0 && actual < 0 && score < 0) return null;
        }
        else if (previous is not null && v.Columns > previous.Where(c => c >= 0).DefaultIfEmpty(0).Max())
        {
            cols = previous; // a table continued on the next page, without its header
            h = -1;
        }
        else return null;

        for (var r = h + 1; r < v.Grid.Length; r++)
        {
            var row = v.Grid[r];
            string Cell(int c) => c >= 0 && c < row.Length ? row[c] : "";
            var label = row.FirstOrDefault(c => c.Length > 0) ?? "";
            var page = v.Table.Page;
            var text = string.Join(" | ", row.Distinct());
            if (TotalRow().IsMatch(label) || TotalRow().IsMatch(Cell(cols[0])))
            {
                AddFigure(report, "score.total", Cell(cols[6]), text, page);
                AddFigure(report, "weight.total", Cell(cols[5]), text, page);
                continue;
            }
            if (ExecutionRow().IsMatch(label) && (Cell(cols[0]).Length == 0 || ExecutionRow().IsMatch(Cell(cols[0]))))
            {
                AddFigure(report, "budget.execution_rate", Cell(cols[2]), text, page, "%");
                AddFigure(report, "score.execution_weight", Cell(cols[5]), text, page);
                AddFigure(report, "score.execution", Cell(cols[6]), text, page);
                continue;
            }
            var name = Cell(cols[0]);
            if (name.Length == 0 || NameHeader().IsMatch(name)) continue;
            var target = Values.ReadCell(Cell(cols[1]));
            var actual = Values.ReadCell(Cell(cols[2]));
            var midyear = Values.ReadCell(Cell(cols[3]));
            decimal? Number(int c) => Values.ReadCell(Cell(c)) is { } q ? q.Value : null;
            var weight = Number(cols[5]);
            var score = Number(cols[6]);
            if (target is null && actual is null && score is null) continue;
            report.Indicators.Add(new Indicator(report.Indicators.Count + 1, name,
                target is { } t ? new Target(t.Op, t.Value, t.Unit) : null,
                midyear is { } m ? new Quantity(m.Value, m.Unit) : null,
                actual is { } a ? new Quantity(a.Value, a.Unit) : null,
                Number(cols[4]), weight, score, NonEmpty(Cell(cols[7])), NonEmpty(Cell(cols[8])), page, text));
        }
        return cols;
    }

    private static string? NonEmpty(string s) => s.Length == 0 || s is "无" or "/" or "-" ? null : s;

    private static void AddFigure(Report report, string key, string cell, string text, int page, string? requiredUnit = null)
    {
        if (Values.ReadCell(cell) is not { } q) return;
        if (requiredUnit is not null && q.Unit != requiredUnit) return;
        report.Statements.Add(new Figure(key, q.Value, q.Unit ?? (key.StartsWith("score") || key.StartsWith("weight") ? "分" : null), text, page)
        { Decimals = Values.CellDecimals(cell) });
    }

    private static bool Projects(TableView v, Report report, string? unit)
    {
        var h = HeaderRow(v, ProjectNameHeader());
        if (h < 0) return false;
        var name = v.FindColumn(h, ProjectNameHeader());
        var taken = new HashSet<int> { name };
        var spent = v.FindColumn(h, SpentHeader(), taken);
        if (spent >= 0) taken.Add(spent);
        var budget = v.FindColumn(h, BudgetHeader(), taken);
        if (budget < 0 && spent < 0) return false;
        unit = UnitOfHeader(v.Grid[h]) ?? unit ?? Money.Wan;
        decimal? Read(string[] row, int c) =>
            c >= 0 && Values.ReadCell(row[c]) is { } q && q.Unit is null or "元" or "万元" or "亿元" ? Money.ToWan(q.Value, q.Unit ?? unit) : null;
        for (var r = h + 1; r < v.Grid.Length; r++)
        {
            var row = v.Grid[r];
            var text = string.Join(" | ", row);
            if (TotalRow().IsMatch(row[name]) || row.Take(name + 1).Any(c => TotalRow().IsMatch(c)))
            {
                if (Read(row, budget) is { } tb) report.Statements.Add(new Figure("project.budget", tb, unit, text, v.Table.Page) { Decimals = Values.CellDecimals(row[budget]) });
                if (Read(row, spent) is { } ta) report.Statements.Add(new Figure("project.actual", ta, unit, text, v.Table.Page) { Decimals = Values.CellDecimals(row[spent]) });
                continue;
            }
            if (row[name].Length == 0) continue;
            report.Projects.Add(new Project(row[name], Read(row, budget), Read(row, spent), v.Table.Page, text));
        }
        return true;
    }

    private static string? UnitOfHeader(string[] header) =>
        header.Select(c => HeaderUnit().Match(c)).FirstOrDefault(m => m.Success)?.Groups["u"].Value;

    // Budget table: subjects by row label, measures by column header, keys as the prose rules name them.
    private static readonly (Regex Row, string Subject)[] RowSubjects =
    [
        (new Regex("^(?:合计|总计|部门整体|整体支出|支出合计|总额)$"), "whole"),
        (new Regex("^基本支出"), "basic"),
        (new Regex("^项目支出"), "project"),
    ];

    private static readonly (Regex Header, string Measure)[] ColumnMeasures =
    [
        (new Regex("年初"), "initial"),
        (new Regex("调整数|调增|调减"), "adjustment"),
        (new Regex("调整后|全年预算"), "adjusted"),
        (new Regex("执行率"), "rate"),
        (new Regex("实际支出|执行数|决算|支出数"), "actual"),
    ];

    private static void Budget(TableView v, Report report, string? unit)
    {
        var h = -1;
        var measures = new Dictionary<int, string>();
        for (var r = 0; r < Math.Min(3, v.Grid.Length) && h < 0; r++)
        {
            measures.Clear();
            for (var c = 1; c < v.Columns; c++)
                foreach (var (rx, m) in ColumnMeasures)
                    if (rx.IsMatch(v.Grid[r][c])) { measures[c] = m; break; }
            if (measures.Count >= 2) h = r;
        }
        if (h < 0) return;
        unit = UnitOfHeader(v.Grid[h]) ?? unit ?? Money.Wan;
        for (var r = h + 1; r < v.Grid.Length; r++)
        {
            var row = v.Grid[r];
            var subject = RowSubjects.FirstOrDefault(s => s.Row.IsMatch(row[0])).Subject;
            if (subject is null) continue;
            foreach (var (c, measure) in measures)
            {
                var key = BudgetKey(subject, measure);
                if (key is null || Values.ReadCell(row[c]) is not { } q) continue;
                // A rate column states its unit once in the header: "执行率(%)".
                var isRate = measure == "rate";
                var percent = q.Unit == "%" || (q.Unit is null && isRate && v.Grid[h][c].Contains('%'));
                if (isRate != percent) continue;
                var u = isRate ? "%" : q.Unit ?? unit;
                var value = isRate ? q.Value : Money.ToWan(q.Value, u);
                report.Statements.Add(new Figure(key, value, u, $"{row[0]} | {v.Grid[h][c]} | {row[c]}", v.Table.Page) { Decimals = Values.CellDecimals(row[c]) });
            }
        }
    }

    private static string? BudgetKey(string subject, string measure) => (subject, measure) switch
    {
        ("whole", "initial") => "budget.initial",
        ("whole", "adjustment") => "budget.adjustment",
        ("whole", "adjusted") => "budget.adjusted",
        ("whole", "actual") => "budget.actual",
        ("whole", "rate") => "budget.execution_rate",
        ("basic", "initial") => "budget.initial.basic",
        ("basic", "adjusted") => "basic.budget",
        ("basic", "actual") => "expenditure.basic",
        ("basic", "rate") => "basic.execution_rate",
        ("project", "initial") => "budget.initial.project",
        ("project", "adjusted") => "project.budget",
        ("project", "actual") => "expenditure.project",
        ("project", "rate") => "project.execution_rate",
        _ => null,
    };
}
