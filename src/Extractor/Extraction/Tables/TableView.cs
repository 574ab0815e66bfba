using System.Text.RegularExpressions;
using Extractor.Reading;

namespace Extractor.Extraction.Tables;

/// <summary>
/// A table as a full grid: a merged cell's text fills every grid position it spans (normalised, spaces
/// removed), and each position knows the cell it belongs to, so a spanned value is read once.
/// </summary>
internal sealed class TableView
{
    public Table Table { get; }
    public string[][] Grid { get; }
    public int Columns { get; }
    /// <summary>Header rows carried over from the part of the table before a page break (0 when none).</summary>
    public int CarriedHeaderRows { get; }

    // For each grid position, the grid position where its cell starts, and the cell itself.
    private readonly (int Row, int Column)[][] _origin;
    private readonly TableCell?[][] _cell;
    private readonly int[] _page;

    public TableView(Table table)
    {
        Table = table;
        Columns = table.ColumnCount;
        Grid = table.Rows.Select(_ => Enumerable.Repeat("", Columns).ToArray()).ToArray();
        _origin = table.Rows.Select((_, r) => Enumerable.Range(0, Columns).Select(c => (r, c)).ToArray()).ToArray();
        _cell = table.Rows.Select(_ => new TableCell?[Columns]).ToArray();
        _page = table.Rows.Select(r => r.Page ?? table.Page).ToArray();
        foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            for (var r = cell.Row; r < Math.Min(Grid.Length, cell.Row + cell.RowSpan); r++)
                for (var c = cell.Column; c < Math.Min(Columns, cell.Column + cell.ColumnSpan); c++)
                {
                    Grid[r][c] = FlowText.Normalize(cell.Text).Replace(" ", "").Replace("\n", "");
                    _origin[r][c] = (cell.Row, cell.Column);
                    _cell[r][c] = cell;
                }
    }

    private TableView(Table table, int columns, string[][] grid, (int, int)[][] origin, TableCell?[][] cell, int[] page, int carried)
    {
        Table = table; Columns = columns; Grid = grid; _origin = origin; _cell = cell; _page = page; CarriedHeaderRows = carried;
    }

    /// <summary>A table continued on the next page without its header: the header rows of the part before, then the rows.</summary>
    public static TableView Continued(TableView headed, int headerRows, TableView continuation) =>
        new(continuation.Table, continuation.Columns, [.. headed.Grid.Take(headerRows), .. continuation.Grid],
            [.. headed._origin.Take(headerRows), .. continuation._origin.Select(row => row.Select(o => (o.Row + headerRows, o.Column)).ToArray())],
            [.. headed._cell.Take(headerRows), .. continuation._cell], [.. headed._page.Take(headerRows), .. continuation._page], headerRows);

    /// <summary>
    /// This part of a table, drawn on a new page with fewer column rulings than the part before (a total row
    /// alone, its label spanning three columns), laid on the columns of that part by the cells' x positions;
    /// null when a cell has no box or falls outside them.
    /// </summary>
    public TableView? AlignedTo(TableView before)
    {
        var edges = new (double Left, double Right)?[before.Columns];
        for (var r = 0; r < before.Grid.Length; r++)
            for (var c = 0; c < before.Columns; c++)
                if (before._cell[r][c] is { ColumnSpan: 1, Box: { } b })
                    edges[c] = edges[c] is { } e ? (Math.Min(e.Left, b.Left), Math.Max(e.Right, b.Right)) : (b.Left, b.Right);
        if (edges.Any(e => e is null)) return null;
        int? ColumnAt(double x) => Enumerable.Range(0, before.Columns).Select(c => (int?)c).FirstOrDefault(c => edges[c!.Value]!.Value.Left <= x && x <= edges[c.Value]!.Value.Right);
        var grid = Grid.Select(_ => Enumerable.Repeat("", before.Columns).ToArray()).ToArray();
        var origin = Grid.Select((_, r) => Enumerable.Range(0, before.Columns).Select(c => (r, c)).ToArray()).ToArray();
        var cells = Grid.Select(_ => new TableCell?[before.Columns]).ToArray();
        for (var r = 0; r < Grid.Length; r++)
            for (var c = 0; c < Columns; c++)
            {
                if (!IsOrigin(r, c) || _cell[r][c] is not { } cell) continue;
                if (cell.Box is not { } box || ColumnAt(box.Left + 1) is not { } from || ColumnAt(box.Right - 1) is not { } to || to < from) return null;
                for (var k = from; k <= to; k++) { grid[r][k] = Grid[r][c]; origin[r][k] = (r, from); cells[r][k] = cell; }
            }
        return new(Table, before.Columns, grid, origin, cells, _page, 0);
    }

    /// <summary>Rows [from, to) as a table of their own (a second table drawn right under the first).</summary>
    public TableView Slice(int from, int to) =>
        new(Table, Columns, Grid[from..to], _origin[from..to].Select(row => row.Select(o => (Math.Max(0, o.Row - from), o.Column)).ToArray()).ToArray(),
            _cell[from..to], _page[from..to], 0);

    /// <summary>The page a row stands on.</summary>
    public int PageOf(int r) => r >= 0 && r < _page.Length ? _page[r] : Table.Page;

    /// <summary>
    /// The box of the number in a cell: the union of the glyphs of its digits, signs and units when the
    /// reader placed them (PDF); the cell's box otherwise; null for Word and text.
    /// </summary>
    public Box? BoxOf(int r, int c)
    {
        if (r < 0 || r >= _cell.Length || c < 0 || c >= Columns || _cell[r][c] is not { } cell) return null;
        Box? union = null;
        foreach (var line in cell.Lines ?? [])
            for (var i = 0; i < line.Text.Length; i++)
                if (char.IsDigit(line.Text[i]) || line.Text[i] is '.' or ',' or '%' or '-' or '％' or '．' or '，')
                    union = Box.Union([union, line.BoxOf(i, 1)]);
        return union ?? cell.Box;
    }

    /// <summary>
    /// How sure the OCR was of the number in a cell: the lowest confidence of its digits, signs and units (the
    /// whole cell's when its lines are unknown). Null when the cell was not read by OCR.
    /// </summary>
    public float? ConfidenceOf(int r, int c)
    {
        if (r < 0 || r >= _cell.Length || c < 0 || c >= Columns || _cell[r][c] is not { Confidence: { } whole } cell) return null;
        float? min = null;
        foreach (var line in cell.Lines ?? [])
            for (var i = 0; i < line.Text.Length && line.Confidence is { } lc && i < lc.Count; i++)
                if (IsNumberChar(line.Text[i])) min = Math.Min(min ?? 1f, lc[i]);
        return min ?? (whole.Count > 0 ? whole.Min() : null);
    }

    private static bool IsNumberChar(char ch) => char.IsDigit(ch) || ch is '.' or ',' or '%' or '-' or '％' or '．' or '，';

    /// <summary>
    /// The same rows without grid columns where no cell of these rows starts: a table drawn under another
    /// on one ruling shares its column boundaries, which its own cells merely span.
    /// </summary>
    public TableView Compact()
    {
        var keep = Enumerable.Range(0, Columns).Where(c => Enumerable.Range(0, Grid.Length).Any(r => _origin[r][c].Column == c)).ToArray();
        if (keep.Length == Columns) return this;
        var index = new int[Columns];
        for (var c = 0; c < Columns; c++) index[c] = Math.Max(0, Array.FindLastIndex(keep, k => k <= c));
        return new(Table, keep.Length, Grid.Select(row => keep.Select(c => row[c]).ToArray()).ToArray(),
            _origin.Select(row => keep.Select(c => (row[c].Row, index[row[c].Column])).ToArray()).ToArray(),
            _cell.Select(row => keep.Select(c => row[c]).ToArray()).ToArray(), _page, CarriedHeaderRows);
    }

    /// <summary>The same table with its last row's texts replaced.</summary>
    public TableView WithLastRow(string[] texts) => new(Table, Columns, [.. Grid[..^1], texts], _origin, _cell, _page, CarriedHeaderRows);

    /// <summary>Is this grid position where its cell starts (not covered by a span from the left or above)?</summary>
    public bool IsOrigin(int r, int c) => _origin[r][c] == (r, c);

    /// <summary>Is this position covered by a cell starting in a column to its left?</summary>
    public bool SpannedFromLeft(int r, int c) => _origin[r][c].Column < c;

    public string Cell(int r, int c) => r >= 0 && r < Grid.Length && c >= 0 && c < Columns ? Grid[r][c] : "";

    /// <summary>The header text above a column: its cells in the header rows, top to bottom, repeats of a span once.</summary>
    public string ColumnLabel(int c, int headerRows) =>
        string.Join("|", Enumerable.Range(0, headerRows).Select(r => Cell(r, c)).Where(s => s.Length > 0).Distinct());

    /// <summary>The label of a row: its cells in the label columns, left to right, repeats once.</summary>
    public string RowLabel(int r, int labelColumns) =>
        string.Join("|", Enumerable.Range(0, labelColumns).Select(c => Cell(r, c)).Where(s => s.Length > 0).Distinct());

    // An operator or word before ("≥", "不低于"), a unit after ("万元", "个工作日"); a label such as
    // "指标1：名称" is not a number.
    // "2、出国经费": an item's number before its words labels a row.
    private static readonly Regex ListedLabel = new(@"^\d{1,2}\s*[、.．]\s*\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant);
    private static readonly Regex YearCell = new(@"^(?:19|20)\d\d\s*年", RegexOptions.CultureInvariant);
    private static readonly Regex NumberCell = new(@"^[^\d:：]{0,4}-?\d[\d,]*(?:\.\d+)?[^\d:：]{0,8}$", RegexOptions.CultureInvariant);

    /// <summary>Does the cell hold one number (maybe with an operator or unit around it)?</summary>
    public bool IsNumber(int r, int c)
    {
        var cell = Cell(r, c);
        // "2022年决算数", "2023年": a year names a column or a time, it is no quantity.
        if (YearCell.IsMatch(cell) || ListedLabel.IsMatch(cell)) return false;
        var remark = cell.IndexOf('(');
        return NumberCell.IsMatch(remark > 0 && cell.EndsWith(')') ? cell[..remark] : cell);
    }

    /// <summary>Does the row hold a number anywhere but its first column?</summary>
    public bool HasNumber(int r) => Enumerable.Range(1, Math.Max(0, Columns - 1)).Any(c => IsNumber(r, c));

    /// <summary>The page the table starts on.</summary>
    public int Page => Table.Page;
}
