namespace Extractor.Reading.Ocr;

/// <summary>An 8-bit grey raster (0 black, 255 white), row-major, origin top-left: what pdftoppm -gray
/// writes (binary PGM) and what Tesseract reads back from us. Small on purpose: no imaging library
/// is needed for deskewing and finding rulings.</summary>
internal sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = pixels;

    public byte this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    public static GrayImage Blank(int width, int height)
    {
        var p = new byte[width * height];
        Array.Fill(p, (byte)255);
        return new GrayImage(width, height, p);
    }

    /// <summary>Parses a binary PGM (P5, maxval 255).</summary>
    public static GrayImage ReadPgm(byte[] data)
    {
        var pos = 0;
        string Token()
        {
            while (pos < data.Length && (char.IsWhiteSpace((char)data[pos]) || data[pos] == '#'))
            {
                if (data[pos] == '#') while (pos < data.Length && data[pos] != '\n') pos++;
                else pos++;
            }
            var start = pos;
            while (pos < data.Length && !char.IsWhiteSpace((char)data[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(data, start, pos - start);
        }
        if (Token() != "P5") throw new FormatException("not a binary PGM");
        if (!int.TryParse(Token(), out var w) || !int.TryParse(Token(), out var h) || !int.TryParse(Token(), out var max)
            || w <= 0 || h <= 0 || max != 255)
            throw new FormatException("unsupported PGM header");
        pos++; // the single whitespace after maxval
        if ((long)w * h > data.Length - pos) throw new FormatException("PGM is truncated");
        var pixels = new byte[w * h];
        Array.Copy(data, pos, pixels, 0, pixels.Length);
        return new GrayImage(w, h, pixels);
    }

    public byte[] ToPgm()
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        var result = new byte[header.Length + Pixels.Length];
        header.CopyTo(result, 0);
        Pixels.CopyTo(result, header.Length);
        return result;
    }

    /// <summary>Sets everything lighter than the cutoff to white. Tesseract binarises each image itself, and on a
    /// page that is mostly paper (the text beside a table that has been cut out) it makes words of the scan's noise.</summary>
    public void Whiten(byte cutoff)
    {
        for (var i = 0; i < Pixels.Length; i++)
            if (Pixels[i] > cutoff) Pixels[i] = 255;
    }

    /// <summary>Otsu's threshold: the grey level that best separates ink from paper on this page.</summary>
    public byte InkThreshold()
    {
        var hist = new long[256];
        foreach (var p in Pixels) hist[p]++;
        long total = Pixels.Length, sumAll = 0;
        for (var i = 0; i < 256; i++) sumAll += i * hist[i];
        long wB = 0, sumB = 0;
        double best = -1;
        var threshold = 128;
        for (var t = 0; t < 256; t++)
        {
            wB += hist[t];
            if (wB == 0) continue;
            var wF = total - wB;
            if (wF == 0) break;
            sumB += t * hist[t];
            double mB = (double)sumB / wB, mF = (double)(sumAll - sumB) / wF;
            var between = (double)wB * wF * (mB - mF) * (mB - mF);
            if (between > best) { best = between; threshold = t; }
        }
        // A blank sheet has no ink: Otsu would split the paper's own noise; ink is well below paper white.
        return (byte)Math.Min(threshold, 160);
    }
}
