namespace Extractor.Reading.Ocr;

/// <summary>
/// A sheet fed a little crooked: text lines and table rulings run at a small angle. Rulings are found by
/// runs along rows and columns, which a slope of 0.5° breaks (15 px over an A4 width at 300 dpi), so the
/// page is turned straight before anything else. The angle is the one whose projection profile of ink is
/// sharpest (lines of text collapse into narrow peaks only when projected along their own slope).
/// </summary>
internal static class Deskew
{
    public const double MaxDegrees = 3;

    /// <summary>The slope of the page's lines in degrees (positive: y grows with x, image y pointing down).</summary>
    public static double Estimate(GrayImage img, byte threshold)
    {
        var step = img.Width > 2000 ? 2 : 1;
        var xs = new List<int>();
        var ys = new List<int>();
        for (var y = 0; y < img.Height; y += step)
            for (var x = 0; x < img.Width; x += step)
                if (img[x, y] <= threshold) { xs.Add(x / step); ys.Add(y / step); }
        if (xs.Count < 200) return 0; // nothing to align
        var best = BestAngle(xs, ys, img.Height / step, -MaxDegrees, MaxDegrees, 0.1);
        return BestAngle(xs, ys, img.Height / step, best - 0.1, best + 0.1, 0.01);
    }

    private static double BestAngle(List<int> xs, List<int> ys, int height, double from, double to, double step)
    {
        var margin = (int)(Math.Tan(MaxDegrees * Math.PI / 180) * xs.Max()) + 2;
        var hist = new long[height + 2 * margin];
        double best = 0, bestScore = -1;
        for (var a = from; a <= to + 1e-9; a += step)
        {
            Array.Clear(hist);
            var t = Math.Tan(a * Math.PI / 180);
            for (var i = 0; i < xs.Count; i++)
            {
                var bin = (int)Math.Round(ys[i] - xs[i] * t) + margin;
                if (bin >= 0 && bin < hist.Length) hist[bin]++;
            }
            double score = 0;
            foreach (var h in hist) score += (double)h * h;
            if (score > bestScore) { bestScore = score; best = a; }
        }
        return best;
    }

    /// <summary>Turns the image about its centre so that lines of the given slope become horizontal (bilinear, white outside).</summary>
    public static GrayImage Straighten(GrayImage img, double degrees)
    {
        var result = GrayImage.Blank(img.Width, img.Height);
        double sin = Math.Sin(degrees * Math.PI / 180), cos = Math.Cos(degrees * Math.PI / 180);
        double cx = img.Width / 2.0, cy = img.Height / 2.0;
        for (var y = 0; y < img.Height; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < img.Width; x++)
            {
                var dx = x - cx;
                var sx = cx + dx * cos - dy * sin;
                var sy = cy + dx * sin + dy * cos;
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= img.Width || y0 + 1 >= img.Height) continue;
                double fx = sx - x0, fy = sy - y0;
                var v = img[x0, y0] * (1 - fx) * (1 - fy) + img[x0 + 1, y0] * fx * (1 - fy)
                      + img[x0, y0 + 1] * (1 - fx) * fy + img[x0 + 1, y0 + 1] * fx * fy;
                result[x, y] = (byte)Math.Round(v);
            }
        }
        return result;
    }
}
