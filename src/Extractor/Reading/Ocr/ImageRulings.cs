namespace Extractor.Reading.Ocr;

/// <summary>A ruling found in a page image: a band of rows (or columns) Near..Far, running From..To, in pixels.</summary>
internal readonly record struct PixelRuling(bool Horizontal, int Near, int Far, int From, int To)
{
    public double At => (Near + Far) / 2.0;

    public bool Touches(PixelRuling o, int tol)
    {
        if (Horizontal == o.Horizontal) return false;
        var (h, v) = Horizontal ? (this, o) : (o, this);
        return v.At >= h.From - tol && v.At <= h.To + tol && h.At >= v.From - tol && h.At <= v.To + tol;
    }
}

/// <summary>
/// Table rulings in a straightened page image: runs of ink along a row (or column) far longer than any
/// stroke of a character (a third of an inch; an ideograph at 12 pt is a sixth), a few pixels of gap
/// allowed for JPEG and noise, stacked over a few rows at most (a thicker band is a black bar, not a line).
/// A vertical border of a one-line row is shorter than that; a shorter vertical run counts when both its
/// ends meet horizontal rulings, which no stroke of a character does.
/// </summary>
internal static class ImageRulings
{
    public static List<PixelRuling> Find(GrayImage img, byte threshold, int dpi)
    {
        var minLength = (int)(0.3 * dpi);
        var maxGap = Math.Max(2, dpi / 100);
        var maxThickness = Math.Max(3, dpi / 25);
        var joinGap = dpi / 15;
        var horizontal = Join(Bands(Runs(img, threshold, true, minLength, maxGap), maxThickness, true), joinGap, minLength).ToList();
        var tol = maxThickness / 2 + maxGap;
        var vertical = Join(Bands(Runs(img, threshold, false, minLength / 4, maxGap), maxThickness, false), joinGap, minLength)
            .Where(v => (v.To - v.From + 1) switch
            {
                var l when l >= minLength => true,
                var l when l >= minLength / 2 => Meets(v, v.From, horizontal, tol) || Meets(v, v.To, horizontal, tol), // a row cut by the page break
                _ => Meets(v, v.From, horizontal, tol) && Meets(v, v.To, horizontal, tol),
            });
        return [.. horizontal, .. vertical];
    }

    private static bool Meets(PixelRuling v, int end, List<PixelRuling> horizontal, int tol) =>
        horizontal.Any(h => Math.Abs(h.At - end) <= tol && v.At >= h.From - tol && v.At <= h.To + tol);

    // A faint ruling comes out in pieces (noise, JPEG): long pieces on one line with short gaps are one ruling.
    // Only pieces longer than any stroke: joined, the strokes of a line of text would make a ruling.
    private static List<PixelRuling> Join(IEnumerable<PixelRuling> pieces, int maxGap, int minLength)
    {
        var result = new List<PixelRuling>();
        bool Long(PixelRuling r) => r.To - r.From + 1 >= minLength;
        foreach (var p in pieces.OrderBy(p => p.At).ThenBy(p => p.From))
        {
            var i = !Long(p) ? -1 : result.FindIndex(r => Long(r) && Math.Abs(r.At - p.At) <= 2 && p.From <= r.To + maxGap && p.To >= r.From - maxGap);
            if (i < 0) { result.Add(p); continue; }
            var r = result[i];
            result[i] = new PixelRuling(r.Horizontal, Math.Min(r.Near, p.Near), Math.Max(r.Far, p.Far), Math.Min(r.From, p.From), Math.Max(r.To, p.To));
        }
        return result;
    }

    /// <summary>Whites out the rulings that are part of a table (they touch a ruling across them), so Tesseract
    /// does not read them as 一, | or _. A lone long line is left alone: it may be a dash (——) in the text.</summary>
    public static List<PixelRuling> EraseTableRulings(GrayImage img, List<PixelRuling> rulings, int tol)
    {
        var table = rulings.Where(r => rulings.Any(o => r.Touches(o, tol))).ToList();
        foreach (var r in table)
            for (var a = Math.Max(0, r.Near - 1); a <= r.Far + 1; a++)
                for (var b = Math.Max(0, r.From); b <= r.To; b++)
                {
                    var (x, y) = r.Horizontal ? (b, a) : (a, b);
                    if (x < img.Width && y < img.Height) img[x, y] = 255;
                }
        return table;
    }

    private readonly record struct Run(int Line, int From, int To);

    // Long runs of ink along each row (horizontal) or each column (vertical).
    private static List<Run> Runs(GrayImage img, byte threshold, bool horizontal, int minLength, int maxGap)
    {
        var runs = new List<Run>();
        int lines = horizontal ? img.Height : img.Width, length = horizontal ? img.Width : img.Height;
        for (var line = 0; line < lines; line++)
        {
            int start = -1, last = -1;
            for (var i = 0; i <= length; i++)
            {
                var ink = i < length && (horizontal ? img[i, line] : img[line, i]) <= threshold;
                if (ink)
                {
                    if (start < 0 || i - last > maxGap + 1)
                    {
                        if (start >= 0 && last - start + 1 >= minLength) runs.Add(new Run(line, start, last));
                        start = i;
                    }
                    last = i;
                }
            }
            if (start >= 0 && last - start + 1 >= minLength) runs.Add(new Run(line, start, last));
        }
        return runs;
    }

    // Runs on neighbouring rows that overlap are one ruling drawn a few pixels thick.
    private static IEnumerable<PixelRuling> Bands(List<Run> runs, int maxThickness, bool horizontal)
    {
        var open = new List<(int Near, int Far, int From, int To)>();
        var done = new List<(int Near, int Far, int From, int To)>();
        foreach (var r in runs) // in line order
        {
            var joined = false;
            for (var i = 0; i < open.Count; i++)
            {
                var b = open[i];
                if (r.Line - b.Far > 1) continue;
                var overlap = Math.Min(b.To, r.To) - Math.Max(b.From, r.From);
                if (overlap < 0.5 * Math.Min(b.To - b.From, r.To - r.From)) continue;
                open[i] = (b.Near, r.Line, Math.Min(b.From, r.From), Math.Max(b.To, r.To));
                joined = true;
                break;
            }
            if (!joined) open.Add((r.Line, r.Line, r.From, r.To));
            for (var i = open.Count - 1; i >= 0; i--)
                if (r.Line - open[i].Far > 1) { done.Add(open[i]); open.RemoveAt(i); }
        }
        done.AddRange(open);
        return done.Where(b => b.Far - b.Near + 1 <= maxThickness)
            .Select(b => new PixelRuling(horizontal, b.Near, b.Far, b.From, b.To));
    }
}
