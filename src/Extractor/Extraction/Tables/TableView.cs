using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>A table as a full grid: a merged cell's text fills every grid position it spans.</summary>
public sealed class TableView
{
    public Table Table { get; }
    public string[][] Grid { get; }
    public int Columns { get; }

    public TableView(Table table)
    {
        Table = table;
        Columns = table.ColumnCount;
        Grid = table.Rows.Select(_ => Enumerable.Repeat("", Columns).ToArray()).ToArray();
        foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            for (var r = cell.Row; r < Math.Min(Grid.Length, cell.Row + cell.RowSpan); r++)
                for (var c = cell.Column; c < Math.Min(Columns, cell.Column + cell.ColumnSpan); c++)
                    Grid[r][c] = FlowText.Normalize(cell.Text).Replace(" ", "");
    }

    /// <summary>A table continued on the next page without its header: the header row of the part before, then the rows.</summary>
    public TableView(TableView headed, TableView continuation)
    {
        Table = continuation.Table;
        Columns = continuation.Columns;
        var header = Enumerable.Range(0, headed.Grid.Length).First(r => headed.Grid[r].Any(c => c.Length > 0));
        Grid = [headed.Grid[header], .. continuation.Grid];
    }

    /// <summary>The first column whose header (rows 0..headerRows-1) matches, or -1.</summary>
    public int FindColumn(int headerRow, System.Text.RegularExpressions.Regex header, ISet<int>? taken = null)
    {
        for (var c = 0; c < Columns; c++)
            if ((taken is null || !taken.Contains(c)) && header.IsMatch(Grid[headerRow][c])) return c;
        return -1;
    }
}
