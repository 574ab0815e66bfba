using PdfPage = UglyToad.PdfPig.Content.Page;
using UglyToad.PdfPig.Core;

namespace Extractor.Reading.Pdf;

/// <summary>An axis-aligned ruling: a table border, from a stroked line or a thin filled rectangle.</summary>
internal readonly record struct Segment(bool Horizontal, double At, double From, double To)
{
    public bool Touches(Segment o, double tol)
    {
        if (Horizontal == o.Horizontal)
            return Math.Abs(At - o.At) <= tol && From <= o.To + tol && o.From <= To + tol;
        var (h, v) = Horizontal ? (this, o) : (o, this);
        return v.At >= h.From - tol && v.At <= h.To + tol && h.At >= v.From - tol && h.At <= v.To + tol;
    }
}

/// <summary>Finds the rulings drawn on a page. Producers differ: LibreOffice strokes lines,
/// Chromium fills thin rectangles per cell edge; both end up as segments here.</summary>
internal static class Rulings
{
    private const double Thin = 2.5;

    public static List<Segment> Find(PdfPage page)
    {
        var segments = new List<Segment>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsFilled || path.IsStroked)) continue;
            foreach (var sub in path)
            {
                if (sub.GetBoundingRectangle() is not { } r) continue;
                if (r.Height <= Thin && r.Width > Thin)
                    segments.Add(new Segment(true, (r.Bottom + r.Top) / 2, r.Left, r.Right));
                else if (r.Width <= Thin && r.Height > Thin)
                    segments.Add(new Segment(false, (r.Left + r.Right) / 2, r.Bottom, r.Top));
                else if (path.IsStroked && r.Width > Thin && r.Height > Thin)
                    AddStrokedLines(sub, segments);
            }
        }
        return segments;
    }

    // A stroked outline (a rectangle, a polyline): each axis-aligned straight piece is a ruling.
    private static void AddStrokedLines(PdfSubpath sub, List<Segment> segments)
    {
        PdfPoint? start = null, current = null;
        foreach (var cmd in sub.Commands)
        {
            switch (cmd)
            {
                case PdfSubpath.Move m:
                    start = current = m.Location;
                    break;
                case PdfSubpath.Line l:
                    AddLine(l.From, l.To, segments);
                    current = l.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    AddLine(c, s, segments);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve b:
                    current = b.EndPoint;
                    break;
            }
        }
    }

    private static void AddLine(PdfPoint a, PdfPoint b, List<Segment> segments)
    {
        if (Math.Abs(a.Y - b.Y) <= 0.5 && Math.Abs(a.X - b.X) > Thin)
            segments.Add(new Segment(true, a.Y, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (Math.Abs(a.X - b.X) <= 0.5 && Math.Abs(a.Y - b.Y) > Thin)
            segments.Add(new Segment(false, a.X, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }
}
