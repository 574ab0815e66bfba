namespace Extractor.Extraction.Tables;

/// <summary>
/// A project table: a 项目名称 column with budget and actual columns (by their measures). Each row is a
/// project; a total row gives project.budget and project.actual; subtotal rows are read as neither.
/// </summary>
internal sealed class ProjectTable(ProjectTable.Layout layout) : ITableKind
{
    /// <param name="Title">The project's name when a header row states it once for the whole table
    /// ("项目名称 | 中小河流治理工程"), as one table per project does; its rows then have no name column.</param>
    internal sealed record Layout(int Name, int Budget, int Actual, int Seq, int Rate, string? Title = null);

    public ITableKind Continue() => this;

    public static Layout? Columns(Vocabulary v, TableView view, int headerRows)
    {
        var roles = v.Lexicon.Matcher("role");
        var titleRow = TitleRow(v, view, headerRows);
        string Label(int c) => string.Join("|", Enumerable.Range(0, headerRows).Where(r => r != titleRow)
            .Select(r => view.Cell(r, c)).Where(s => s.Length > 0).Distinct());
        int Find(Func<string, bool> test) => Enumerable.Range(0, view.Columns).FirstOrDefault(c => test(Label(c)), -1);
        var name = titleRow >= 0 ? -1 : Find(l => roles.Tags(l).Any(t => t.Canonical == "project_name"));
        if (name < 0 && titleRow < 0) return null;
        var measures = v.FigureLabels;
        string? Measure(int c) => measures.Tags(Label(c)).Where(t => t.Facet == "measure").MaxBy(t => t.End)?.Canonical;
        var actual = Enumerable.Range(0, view.Columns).FirstOrDefault(c => c != name && Measure(c) == "actual", -1);
        // The full-year budget when the table gives it beside the initial one (年初预算 | 调整后预算 | 实际支出).
        var budget = Enumerable.Range(0, view.Columns).FirstOrDefault(c => c != name && c != actual && Measure(c) is "adjusted", -1);
        if (budget < 0) budget = Enumerable.Range(0, view.Columns).FirstOrDefault(c => c != name && c != actual && Measure(c) is "initial", -1);
        if (budget < 0 && actual < 0) return null;
        var seq = Find(l => roles.Tags(l).Any(t => t.Canonical == "seq"));
        var rate = Enumerable.Range(0, view.Columns).FirstOrDefault(c => c != name && Measure(c) == "execution_rate", -1);
        return new Layout(name, budget, actual, seq, rate, titleRow >= 0 ? view.Cell(titleRow, 1) : null);
    }

    // A header row of two cells, the 项目名称 label and the name itself spanning the rest of the row.
    private static int TitleRow(Vocabulary v, TableView view, int headerRows)
    {
        var roles = v.Lexicon.Matcher("role");
        for (var r = 0; r < headerRows; r++)
        {
            var cells = Enumerable.Range(0, view.Columns).Where(c => view.IsOrigin(r, c) && view.Cell(r, c).Length > 0).ToList();
            if (cells is not [0, 1] || !roles.IsWhole(view.Cell(r, 0), out var t) || t!.Canonical != "project_name") continue;
            if (!roles.Tags(view.Cell(r, 1)).Any() && Enumerable.Range(1, view.Columns - 1).All(c => view.Cell(r, c) == view.Cell(r, 1))) return r;
        }
        return -1;
    }

    public void Read(TableView view, int headerRows, TablePlace place, Candidates found)
    {
        var v = place.Vocabulary;
        var unit = place.MoneyUnit(view.ColumnLabel(layout.Budget, headerRows), view.ColumnLabel(layout.Actual, headerRows));
        (decimal Value, int Decimals)? Read(int r, int c) =>
            c >= 0 && Values.ReadCell(view.Cell(r, c), v) is { } q && (q.Unit is null || Money.IsMoneyUnit(q.Unit))
                ? (Money.ToWan(q.Value, q.Unit ?? unit), q.Decimals) : null;
        for (var r = headerRows; r < view.Grid.Length; r++)
        {
            var row = view.Grid[r];
            var name = layout.Title ?? view.Cell(r, layout.Name);
            var text = string.Join(" | ", row);
            // 合计/总计 is the projects' total; 小计 (a subtotal by funding source) is neither.
            var label = row.Take(Math.Max(1, layout.Name + 1)).FirstOrDefault(c => c.Length > 0) ?? "";
            if ((TableReader.TotalOf(v, label) ?? TableReader.TotalOf(v, name)) is { } total)
            {
                if (total == "total")
                {
                    if (Read(r, layout.Budget) is { } b) found.Figures.Add(place.Figure(view, r, layout.Budget, Keys.ProjectBudget, b.Value, unit, text, b.Decimals));
                    if (Read(r, layout.Actual) is { } a) found.Figures.Add(place.Figure(view, r, layout.Actual, Keys.ProjectActual, a.Value, unit, text, a.Decimals));
                    // The total row's rate is the projects' execution rate (a bare number under a rate column is a percent).
                    if (layout.Rate >= 0 && Values.ReadCell(view.Cell(r, layout.Rate), v) is { Unit: null or "%" } q)
                        found.Figures.Add(place.Figure(view, r, layout.Rate, Keys.ProjectExecutionRate, q.Value, "%", text, q.Decimals));
                }
                continue;
            }
            if (name.Length == 0 || IsHeaderRepeat(v, row)) continue;
            var budget = Read(r, layout.Budget);
            var actual = Read(r, layout.Actual);
            if (budget is null && actual is null) continue;
            found.Projects.Add((place.Offset, new Project(name, budget?.Value, actual?.Value, view.PageOf(r), text)
            {
                Label = layout.Seq >= 0 && view.Cell(r, layout.Seq).Length > 0 ? view.Cell(r, layout.Seq) : null,
            }));
        }
    }

    private static bool IsHeaderRepeat(Vocabulary v, string[] row) =>
        row.Any(c => c.Length > 0 && v.Lexicon.Matcher("role").IsWhole(c, out var t) && t!.Canonical == "project_name");
}
