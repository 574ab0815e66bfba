using System.Text.RegularExpressions;

namespace Extractor.Reading.Ocr;

/// <summary>
/// Figures read a second time, by Tesseract's English model. chi_sim is good at ideographs and poor at Latin
/// figures in serif fonts: it reads the percent sign as two characters about a third of the time ("98.50%" as
/// "98.50%0", "98.23%" as "98.239%"), and its character boxes are too rough to say which character is extra
/// (a box may sit a whole glyph off). Where chi_sim saw a figure (a run of digits, separators and the letters
/// it confuses with digits), a generous cut of the line around it, neighbours included, is read by eng: eng
/// keeps figures whole and turns the ideographs beside them into separate words of Latin garbage. The figure
/// eng read that is closest to chi_sim's replaces a percentage. Any figure eng does not read as chi_sim did keeps
/// at most <see cref="Disputed"/> confidence, so that a contradiction resting on it is only a warning. The cuts of
/// a page are stacked into one image, so this is one Tesseract call per page. Nothing outside such runs is
/// touched: this is where a number is expected.
/// </summary>
internal static partial class NumberReread
{
    [GeneratedRegex(@"^(\d[\d,]*(\.\d+)?|\.\d+)[%‰]?$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"[0-9.,%‰]+")]
    private static partial Regex FigureChars();

    public static bool InFigure(string s) => s.Length == 1 && (char.IsAsciiDigit(s[0]) || s[0] is '.' or ',' or '%' or '‰' or 'O' or 'o' or 'l' or 'I' or '|' or ']' or '[');

    /// <summary>A stretch of chi_sim's characters to read again.</summary>
    private sealed record Run(int Source, int Start, int End, string Text, PixelRect Crop, int Left, int Right, bool Percent);

    /// <summary>The confidence a figure keeps when eng does not read it as chi_sim did: Tesseract's own confidence
    /// does not flag a dropped or moved digit (the corpus scans' wrong figures read at 0.96–0.99), two models
    /// disagreeing does.</summary>
    public const float Disputed = 0.5f;

    /// <param name="sources">images and what chi_sim read in them.</param>
    public static List<List<OcrChar>> Apply(IReadOnlyList<(GrayImage Image, List<OcrChar> Chars)> sources, int dpi, PageBudget budget)
    {
        var runs = new List<Run>();
        for (var s = 0; s < sources.Count; s++) runs.AddRange(Runs(s, sources[s].Image, sources[s].Chars));
        var results = sources.Select(s => s.Chars).ToList();
        if (runs.Count == 0) return results;

        var stack = new Stack(runs.Select(r => (sources[r.Source].Image, r.Crop)).ToList(), dpi);
        var byRun = stack.Split(Tesseract.Recognise(stack.Image, dpi, budget, "eng"));
        for (var i = runs.Count - 1; i >= 0; i--) // from the back, so that earlier indexes stay valid
        {
            var run = runs[i];
            var chars = results[run.Source];
            if (!Agrees(run, byRun[i]))
                for (var k = run.Start; k < run.End; k++) chars[k] = chars[k] with { Confidence = Math.Min(chars[k].Confidence, Disputed) };
            // Only percentages are replaced: elsewhere chi_sim and eng err about as often, and a change is no gain.
            if (!run.Percent || Best(run, byRun[i]) is not { Count: > 0 } figure) continue;
            var first = chars[run.Start];
            // eng's boxes, squeezed into the span chi_sim's run had, so the figure keeps its place among its neighbours.
            // Within chi_sim's neighbours too: LineBuilder orders a line by left edges.
            var lo = run.Start > 0 && chars[run.Start - 1].Line == first.Line ? Math.Max(run.Left, chars[run.Start - 1].Left + 1) : run.Left;
            var hi = run.End < chars.Count && chars[run.End].Line == first.Line ? Math.Min(run.Right, chars[run.End].Left - 1) : run.Right;
            int from = figure.Min(c => c.Left), span = Math.Max(1, figure.Max(c => c.Right) - from);
            int X(int x) => lo + (int)((long)(x - from) * Math.Max(0, hi - lo) / span);
            var replaced = figure.Select(c => first with { Text = c.Text, Confidence = c.Confidence, Left = X(c.Left), Right = X(c.Right), Top = c.Top, Bottom = c.Bottom });
            results[run.Source] = [.. chars.Take(run.Start), .. replaced, .. chars.Skip(run.End)];
        }
        return results;
    }

    // The figure eng read closest to chi_sim's: its characters in source coordinates, or null to keep chi_sim's.
    // Any stretch of what eng read may be the figure: a ≥ beside it comes out as a 2 ("285%" for chi_sim's "850%"),
    // and wide (fullwidth) digits come out as separate words ("1, 856. 40"). So every well-formed stretch of the
    // cut's characters, spaces left out, is compared; the closest wins, the longer of two equally close.
    private static List<OcrChar>? Best(Run run, List<OcrChar> read)
    {
        var chars = PerMille(read.OrderBy(c => c.Left).ToList());
        var text = string.Concat(chars.Select(c => c.Text));
        if (text.Length != chars.Count) return null; // a character of several letters: not a figure
        List<OcrChar>? best = null;
        var bestDistance = int.MaxValue;
        foreach (Match m in FigureChars().Matches(text))
            for (var a = m.Index; a < m.Index + m.Length; a++)
                for (var b = m.Index + m.Length; b > a; b--)
                {
                    var s = text[a..b];
                    if (!Figure().IsMatch(s)) continue;
                    var d = Distance(s, run.Text);
                    if (d < bestDistance || d == bestDistance && s.Length > best!.Count)
                        (best, bestDistance) = (chars.GetRange(a, b - a), d);
                }
        // Only a near reading: eng is there to drop chi_sim's stray character, not to second-guess a figure it read
        // differently (on a blurred cut eng drops and adds digits too).
        return best is not null && (bestDistance <= 1 || IsSplitSign(best, run.Text)) ? best : null;
    }

    // eng read the same figure somewhere in the cut (thousands separators aside), or, for a percentage, one that
    // differs from chi_sim's only by the sign chi_sim is known to split.
    private static bool Agrees(Run run, List<OcrChar> read)
    {
        var chars = PerMille(read.OrderBy(c => c.Left).ToList());
        var text = string.Concat(chars.Select(c => c.Text)).Replace(",", "");
        var chi = run.Text.Replace(",", "");
        if (text.Contains(chi, StringComparison.Ordinal)) return true;
        return run.Percent && Best(run, read) is { } best && IsSplitSign(best, run.Text);
    }

    // chi_sim's text is eng's with the sign split: one stray digit before the % and up to two characters after
    // it ("1009%40" for "100%", "98.5090%" for "98.50%").
    private static bool IsSplitSign(List<OcrChar> best, string chi)
    {
        var eng = string.Concat(best.Select(c => c.Text));
        if (eng.Length < 2 || eng[^1] is not ('%' or '‰') || !chi.StartsWith(eng[..^1], StringComparison.Ordinal)) return false;
        var rest = chi[(eng.Length - 1)..];
        var sign = rest.IndexOfAny(['%', '‰']);
        return sign is 0 or 1 && (sign == 0 || char.IsAsciiDigit(rest[0])) && rest.Length - sign - 1 <= 2;
    }

    // eng reads the per mille sign as a % with a 0 or o stuck to it ("0.3%o"): one character, ‰.
    private static List<OcrChar> PerMille(List<OcrChar> chars)
    {
        for (var i = 0; i + 1 < chars.Count; i++)
            if (chars[i].Text == "%" && chars[i + 1].Text is "0" or "o" && chars[i + 1].Word == chars[i].Word
                && (i + 2 == chars.Count || !char.IsAsciiDigit(chars[i + 2].Text[0])))
            {
                chars[i] = chars[i] with { Text = "‰", Right = chars[i + 1].Right };
                chars.RemoveAt(i + 1);
            }
        return chars;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var prev = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length];
    }

    // Runs of figure characters on one line holding a digit; the cut reaches a glyph beyond each end.
    private static IEnumerable<Run> Runs(int source, GrayImage image, List<OcrChar> chars)
    {
        for (var i = 0; i < chars.Count; i++)
        {
            if (!InFigure(chars[i].Text)) continue;
            var end = i;
            while (end < chars.Count && chars[end].Line == chars[i].Line && InFigure(chars[end].Text)) end++;
            // chi_sim's second half of a % sign may come out as a letter: it goes with the figure.
            if (end < chars.Count && chars[end - 1].Text == "%" && chars[end].Word == chars[end - 1].Word && chars[end].Text.All(char.IsAsciiLetter)) end++;
            var start = i;
            i = end - 1;
            // A point or comma at either end is punctuation ("1." of a list, "2023," in a sentence), not the figure's.
            while (end > start && chars[end - 1].Text is "." or ",") end--;
            while (start < end && chars[start].Text is "." or ",") start++;
            if (start == end) continue;
            var run = chars.Skip(start).Take(end - start).ToList();
            var text = string.Concat(run.Select(c => c.Text)).Replace('O', '0').Replace('o', '0').Replace('l', '1').Replace('I', '1').Replace('|', '1').Replace(']', '1').Replace('[', '1');
            if (!text.Any(char.IsAsciiDigit)) continue;
            if (Cut(image, run) is { } cut)
                yield return new Run(source, start, end, text, cut, run.Min(c => c.Left), run.Max(c => c.Right), text.Contains('%') || text.Contains('‰'));
        }
    }

    // The run's boxes widened by a line height each way (chi_sim's boxes may sit a glyph off).
    private static PixelRect? Cut(GrayImage image, List<OcrChar> run)
    {
        const int reach = 1;
        int top = run.Min(c => c.Top), bottom = run.Max(c => c.Bottom), height = Math.Max(1, bottom - top);
        int left = run.Min(c => c.Left), right = run.Max(c => c.Right);
        var crop = new PixelRect(Math.Max(0, left - reach * height), Math.Max(0, top - height / 4),
            Math.Min(image.Width, right + reach * height), Math.Min(image.Height, bottom + height / 4));
        return crop.Width > 2 && crop.Height > 2 ? crop : null;
    }
}
