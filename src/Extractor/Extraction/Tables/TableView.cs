using System.Text.RegularExpressions;
using Extractor.Reading;

namespace Extractor.Extraction.Tables;

/// <summary>A table as a full grid: a merged cell's text fills every grid position it spans (normalised, spaces removed).</summary>
internal sealed class TableView
{
    public Table Table { get; }
    public string[][] Grid { get; }
    public int Columns { get; }
    /// <summary>Header rows carried over from the part of the table before a page break (0 when none).</summary>
    public int CarriedHeaderRows { get; }

    private readonly bool[][] _origin;

    public TableView(Table table)
    {
        Table = table;
        Columns = table.ColumnCount;
        Grid = table.Rows.Select(_ => Enumerable.Repeat("", Columns).ToArray()).ToArray();
        _origin = table.Rows.Select(_ => new bool[Columns]).ToArray();
        foreach (var cell in table.Rows.SelectMany(r => r.Cells))
        {
            if (cell.Row < Grid.Length && cell.Column < Columns) _origin[cell.Row][cell.Column] = true;
            for (var r = cell.Row; r < Math.Min(Grid.Length, cell.Row + cell.RowSpan); r++)
                for (var c = cell.Column; c < Math.Min(Columns, cell.Column + cell.ColumnSpan); c++)
                    Grid[r][c] = FlowText.Normalize(cell.Text).Replace(" ", "").Replace("\n", "");
        }
    }

    /// <summary>Is this grid position where its cell starts (not covered by a span from the left or above)?</summary>
    public bool IsOrigin(int r, int c) => r < CarriedHeaderRows || _origin[r - CarriedHeaderRows][c];

    /// <summary>A table continued on the next page without its header: the header rows of the part before, then the rows.</summary>
    public TableView(TableView headed, int headerRows, TableView continuation)
    {
        Table = continuation.Table;
        Columns = continuation.Columns;
        CarriedHeaderRows = headerRows;
        Grid = [.. headed.Grid.Take(headerRows), .. continuation.Grid];
        _origin = continuation._origin;
    }

    public string Cell(int r, int c) => r >= 0 && r < Grid.Length && c >= 0 && c < Columns ? Grid[r][c] : "";

    /// <summary>The header text above a column: its cells in the header rows, top to bottom, repeats of a span once.</summary>
    public string ColumnLabel(int c, int headerRows) =>
        string.Join("|", Enumerable.Range(0, headerRows).Select(r => Cell(r, c)).Where(s => s.Length > 0).Distinct());

    /// <summary>The label of a row: its cells in the label columns, left to right, repeats once.</summary>
    public string RowLabel(int r, int labelColumns) =>
        string.Join("|", Enumerable.Range(0, labelColumns).Select(c => Cell(r, c)).Where(s => s.Length > 0).Distinct());

    private static readonly Regex NumberCell = new(@"^[^\d]{0,6}-?\d[\d,]*(?:\.\d+)?[^\d]{0,8}$", RegexOptions.CultureInvariant);

    /// <summary>Does the cell hold one number (maybe with an operator or unit around it)?</summary>
    public bool IsNumber(int r, int c) => NumberCell.IsMatch(Cell(r, c));

    /// <summary>The page a row stands on, for the provenance of a value in it.</summary>
    public int Page => Table.Page;
}
