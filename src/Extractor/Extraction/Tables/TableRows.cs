using Extractor.Reading;

namespace Extractor.Extraction.Tables;

/// <summary>
/// A table row read as one line of text, its distinct cells joined by a colon ("填报日期:2024年3月26日",
/// "自评结论:…评价等级为“优”…"), for what a report may state in a table as well as in prose: the grade, the date.
/// </summary>
internal sealed record TableRows(string Text, int Page, int Offset, TableView View, int Row, IReadOnlyList<(int Start, int Column)> Cells)
{
    public static IEnumerable<TableRows> Of(FlowText flow)
    {
        foreach (var (offset, table) in flow.Tables)
        {
            var view = new TableView(table);
            for (var r = 0; r < view.Grid.Length; r++)
            {
                var text = new System.Text.StringBuilder();
                var cells = new List<(int, int)>();
                for (var c = 0; c < view.Columns; c++)
                {
                    if (!view.IsOrigin(r, c) || view.Cell(r, c).Length == 0) continue;
                    if (text.Length > 0) text.Append(':');
                    cells.Add((text.Length, c));
                    text.Append(FlowText.Normalize(view.Cell(r, c)));
                }
                if (text.Length > 0) yield return new TableRows(text.ToString(), view.PageOf(r), offset, view, r, cells);
            }
        }
    }

    /// <summary>The box of the cell holding a position of the row's text.</summary>
    public Box? BoxAt(int position) =>
        Cells.LastOrDefault(c => c.Start <= position) is var (_, column) ? View.BoxOf(Row, column) : null;
}
