namespace Extractor.Reading.Pdf;

/// <summary>
/// Rebuilds ruled tables from segments: connected rulings form a table; their distinct x and y
/// positions form a grid; a missing border between two grid cells merges them (row/column spans).
/// </summary>
internal sealed class TableGrid
{
    private const double Tol = 2.0;

    public required Box Box { get; init; }
    public required double[] Xs { get; init; }      // column boundaries, left to right
    public required double[] Ys { get; init; }      // row boundaries, top to bottom
    public required List<GridCell> Cells { get; init; }

    internal sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, Box Box);

    public bool Contains(double x, double y) =>
        x >= Box.Left - 0.5 && x <= Box.Right + 0.5 && y >= Box.Bottom - 0.5 && y <= Box.Top + 0.5;

    /// <summary>The cell whose area holds the point, or null.</summary>
    public GridCell? CellAt(double x, double y)
    {
        foreach (var c in Cells)
            if (x >= c.Box.Left && x <= c.Box.Right && y >= c.Box.Bottom && y <= c.Box.Top) return c;
        return null;
    }

    public static List<TableGrid> Find(List<Segment> segments)
    {
        var grids = new List<TableGrid>();
        foreach (var group in ConnectedGroups(segments))
        {
            var h = group.Where(s => s.Horizontal).ToList();
            var v = group.Where(s => !s.Horizontal).ToList();
            if (h.Count < 2 || v.Count < 2) continue;
            // A row cut by a page break has no border on the cut side (Chromium draws none): the columns'
            // rulings reaching past the outermost border close it.
            var top = h.Max(s => s.At);
            var bottom = h.Min(s => s.At);
            var vTop = v.Max(s => s.To);
            var vBottom = v.Min(s => s.From);
            var bounds = h.Select(s => s.At).ToList();
            if (vTop > top + 3 * Tol) bounds.Add(vTop);
            if (vBottom < bottom - 3 * Tol) bounds.Add(vBottom);
            var ys = Cluster(bounds).OrderByDescending(y => y).ToArray();
            var xs = Cluster(v.Select(s => s.At)).OrderBy(x => x).ToArray();
            if (ys.Length < 2 || xs.Length < 2) continue;
            var grid = Build(xs, ys, h, v);
            if (grid is not null) grids.Add(grid);
        }
        return grids;
    }

    private static TableGrid? Build(double[] xs, double[] ys, List<Segment> h, List<Segment> v)
    {
        int rows = ys.Length - 1, cols = xs.Length - 1;
        var parent = Enumerable.Range(0, rows * cols).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);

        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var midY = (ys[r] + ys[r + 1]) / 2;
                var midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !Covered(v, xs[c + 1], midY)) Union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !Covered(h, ys[r + 1], midX)) Union(r * cols + c, (r + 1) * cols + c);
            }

        var cells = new List<GridCell>();
        foreach (var members in Enumerable.Range(0, rows * cols).GroupBy(Find))
        {
            int r0 = members.Min(i => i / cols), r1 = members.Max(i => i / cols);
            int c0 = members.Min(i => i % cols), c1 = members.Max(i => i % cols);
            cells.Add(new GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, new Box(xs[c0], ys[r1 + 1], xs[c1 + 1], ys[r0])));
        }
        // A single box with no inner rulings is a frame around text, not a table.
        if (cells.Count < 2) return null;
        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new TableGrid { Box = new Box(xs[0], ys[^1], xs[^1], ys[0]), Xs = xs, Ys = ys, Cells = cells };
    }

    private static bool Covered(List<Segment> segments, double at, double point) =>
        segments.Any(s => Math.Abs(s.At - at) <= Tol && point >= s.From - Tol && point <= s.To + Tol);

    private static List<double> Cluster(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.OrderBy(x => x))
        {
            if (result.Count > 0 && v - result[^1] <= Tol) continue;
            result.Add(v);
        }
        return result;
    }

    private static IEnumerable<List<Segment>> ConnectedGroups(List<Segment> segments)
    {
        var parent = Enumerable.Range(0, segments.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        // Quadratic, so the caller bounds the number of segments (a page has a few hundred).
        for (var i = 0; i < segments.Count; i++)
            for (var j = i + 1; j < segments.Count; j++)
                if (segments[i].Touches(segments[j], Tol)) parent[Find(i)] = Find(j);
        return Enumerable.Range(0, segments.Count).GroupBy(Find).Select(g => g.Select(i => segments[i]).ToList());
    }
}
