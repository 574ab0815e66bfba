using System.Text;

namespace Extractor.Reading.Ocr;

/// <summary>
/// The usual OCR confusions inside a number, repaired only where the text itself says a number stands there:
/// a letter O/o read for 0 and l/I/| for 1 when the run it is in holds digits and no other letters (so "PM2.5",
/// "COD" and words stay as they are); a space read inside a thousands group ("4 111,200.00"); a decimal point
/// read as a comma before the last one or two digits of a figure followed by a unit or the end ("96,10%",
/// "8,245,600,00元"); ≥ read as 之 or 过 where a target figure follows it at the start of a cell, after a colon or
/// after 值/数 ("年度指标值：之90%"). Replacements keep the length, so per-character confidences stay aligned.
/// </summary>
internal static class NumberRepair
{
    private const string Units = "%％元万亿分"; // a decimal figure's units; counts (个, 项) have no decimals

    public static string Apply(string text)
    {
        var s = new StringBuilder(text);
        for (var i = 0; i + 1 < s.Length; i++)
            if (s[i] is '之' or '过' && char.IsAsciiDigit(s[i + 1]) && (i == 0 || s[i - 1] is ':' or '：' or ' ' or '值' or '数'))
                s[i] = '≥';
        for (var i = 0; i < s.Length; i++)
        {
            if (!IsNumberChar(s[i])) continue;
            var end = i;
            while (end < s.Length && IsNumberChar(s[end])) end++;
            RepairRun(s, i, end);
            i = end - 1;
        }
        return s.ToString();
    }

    // ] is a 1 only before a digit ("]5" for 15); elsewhere it closes a bracket.
    private static bool IsConfusable(char c) => c is 'O' or 'o' or 'l' or 'I' or '|' or ']';
    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || IsConfusable(c) || c is ',' or '.' || char.IsAsciiLetter(c);

    // A maximal run of digits, separators and letters: repaired only if it is a number with a few misread characters.
    private static void RepairRun(StringBuilder s, int start, int end)
    {
        int digits = 0, others = 0;
        for (var i = start; i < end; i++)
        {
            if (char.IsAsciiDigit(s[i])) digits++;
            else if (char.IsAsciiLetter(s[i]) && !IsConfusable(s[i])) others++;
        }
        if (digits == 0 || others > 0) return;
        for (var i = start; i < end; i++)
            if (IsConfusable(s[i]) && (s[i] != ']' || i + 1 < end && char.IsAsciiDigit(s[i + 1])))
                s[i] = s[i] is 'O' or 'o' ? '0' : '1';
        ThousandsSpace(s, start, end);
        DecimalComma(s, start, end);
    }

    // "4 111,200.00": a space before a three-digit group that is followed by a separator is a lost comma.
    private static void ThousandsSpace(StringBuilder s, int start, int end)
    {
        var after = end;
        if (after + 4 < s.Length && s[after] == ' ' && Digits(s, after + 1, 3) && s[after + 4] is ',' or '.'
            && after - start <= 3)
            s[after] = ',';
    }

    // "96,10%": a comma before the last one or two digits, then a unit or the end, in a figure with no point yet.
    private static void DecimalComma(StringBuilder s, int start, int end)
    {
        var run = s.ToString(start, end - start);
        if (run.Contains('.')) return;
        var comma = run.LastIndexOf(',');
        if (comma <= 0 || !char.IsAsciiDigit(run[comma - 1])) return;
        var tail = run.Length - comma - 1;
        if (tail is < 1 or > 2 || !Digits(s, start + comma + 1, tail)) return;
        var next = end < s.Length ? s[end] : '\0';
        if (next == '\0' || Units.Contains(next)) s[start + comma] = '.';
    }

    private static bool Digits(StringBuilder s, int from, int count)
    {
        for (var i = from; i < from + count; i++) if (i >= s.Length || !char.IsAsciiDigit(s[i])) return false;
        return true;
    }
}
