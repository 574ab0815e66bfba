namespace Extractor.Reading.Pdf;

/// <summary>
/// Whether a page's text layer can be trusted, or the page must be read by OCR. None is usable when the page
/// has no letters; when many are garbage (fonts without a Unicode map give private-use code points, U+FFFD
/// or control characters); or when a picture covers most of the page and the letters are only a few (a
/// scanner's stamp such as a page number or "Scanned by …" over a scanned sheet).
/// </summary>
internal static class TextLayer
{
    private const double MaxGarbageShare = 0.2;
    private const double PictureCoverage = 0.5;
    private const int FewLetters = 20;

    public static bool IsUsable(IReadOnlyCollection<string> letters, double pictureCoverage)
    {
        int total = 0, garbage = 0;
        foreach (var l in letters)
            foreach (var c in l)
            {
                if (char.IsWhiteSpace(c)) continue;
                total++;
                if (IsGarbage(c)) garbage++;
            }
        if (total == 0 || garbage > MaxGarbageShare * total) return false;
        return !(pictureCoverage >= PictureCoverage && total - garbage < FewLetters);
    }

    public static bool IsGarbage(char c) =>
        c is >= '\uE000' and <= '\uF8FF'     // private use: a glyph id with no Unicode meaning
          or >= '\uDB80' and <= '\uDBFF'     // high surrogates of the supplementary private-use planes
          or '\uFFFD' or '\uFFFF'
        || char.IsControl(c);
}
