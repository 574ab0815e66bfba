using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Extractor.Reading;

/// <summary>
/// Character-level facts the readers need: what counts as CJK (no spaces around it), and the
/// repair of radical code points that some PDF fonts map ideographs to (⻔ for 门, ⾼ for 高).
/// </summary>
public static class Glyphs
{
    // Unicode's EquivalentUnifiedIdeograph.txt (shipped by Debian's unicode-data), embedded.
    private static readonly FrozenDictionary<char, char> Radicals = LoadRadicals();

    private static FrozenDictionary<char, char> LoadRadicals()
    {
        var map = new Dictionary<char, char>();
        using var stream = typeof(Glyphs).Assembly.GetManifestResourceStream("EquivalentUnifiedIdeograph.txt")
            ?? throw new InvalidOperationException("EquivalentUnifiedIdeograph.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0) continue;
            var target = int.Parse(parts[1], NumberStyles.HexNumber);
            if (target > 0xFFFF) continue;
            var range = parts[0].Split("..");
            var from = int.Parse(range[0], NumberStyles.HexNumber);
            var to = range.Length > 1 ? int.Parse(range[1], NumberStyles.HexNumber) : from;
            for (var c = from; c <= to && c <= 0xFFFF; c++) map[(char)c] = (char)target;
        }
        // Reports are in Simplified Chinese: where a Kangxi radical's unified form is the traditional
        // variant, SC fonts draw (and PDF producers map back to the radical) the simplified character.
        map['\u2F3E'] = '户'; // ⼾ -> 户, not 戶
        map['\u2FAD'] = '青'; // ⾭ -> 青, not 靑
        map['\u2FC8'] = '黄'; // ⿈ -> 黄, not 黃
        return map.ToFrozenDictionary();
    }

    /// <summary>Maps radical code points (U+2E80–U+2FDF, and the few others listed) to the unified ideograph.</summary>
    public static string RepairRadicals(string s)
    {
        if (!s.Any(c => Radicals.ContainsKey(c))) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(Radicals.TryGetValue(c, out var u) ? u : c);
        return sb.ToString();
    }

    /// <summary>Ideographs, kana, and fullwidth/CJK punctuation: characters between which no space belongs.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'      // radicals, CJK punctuation, kana, ideographs
          or >= '\uF900' and <= '\uFAFF'      // compatibility ideographs
          or >= '\uFE30' and <= '\uFE4F'      // compatibility forms
          or >= '\uFF00' and <= '\uFFEF'      // fullwidth forms
          or '\u2014' or '\u2026' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00B7';

    /// <summary>
    /// Joins two pieces of text that a layout separated (a wrapped line, a cell's lines):
    /// nothing between them unless both sides are Latin words, so "32,521,700.0" + "0" and
    /// "全年预" + "算数" come back whole.
    /// </summary>
    public static string JoinWrapped(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        var a = left[^1];
        var b = right[0];
        return char.IsAsciiLetter(a) && char.IsAsciiLetter(b) ? left + " " + right : left + right;
    }

    public static string JoinWrapped(IEnumerable<string> parts) =>
        parts.Aggregate("", JoinWrapped);
}
