using System.Globalization;
using System.Text;

namespace Extractor.Extraction;

/// <summary>
/// Reads a number as Chinese reports write it. The design named Microsoft.Recognizers.Text.Number,
/// which the registry here cannot restore (its dependency Microsoft.Recognizers.Definitions is not
/// served); this interface is where it plugs in when it can.
/// </summary>
public interface INumberReader
{
    /// <summary>Reads the whole of <paramref name="text"/> as a number, or returns false.</summary>
    bool TryRead(string text, out decimal value);
}

/// <summary>
/// Arabic numerals (half- or fullwidth, thousands separators "1,234,567.89" and "1，234", signs),
/// Chinese numerals (三十五, 二〇二三, 两千零五, 百分之九十五 → 95) and 万/亿 multipliers (1.2万 → 12000).
/// </summary>
public sealed class ChineseNumberReader : INumberReader
{
    public static readonly ChineseNumberReader Instance = new();

    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['○'] = 0, ['Ｏ'] = 0, ['一'] = 1, ['壹'] = 1, ['二'] = 2, ['贰'] = 2, ['两'] = 2,
        ['三'] = 3, ['叁'] = 3, ['四'] = 4, ['肆'] = 4, ['五'] = 5, ['伍'] = 5, ['六'] = 6, ['陆'] = 6,
        ['七'] = 7, ['柒'] = 7, ['八'] = 8, ['捌'] = 8, ['九'] = 9, ['玖'] = 9,
    };

    private static readonly Dictionary<char, int> SmallUnits = new() { ['十'] = 10, ['拾'] = 10, ['百'] = 100, ['佰'] = 100, ['千'] = 1000, ['仟'] = 1000 };

    /// <summary>Is the character a Chinese numeral (digit or 十/百/千)?</summary>
    public static bool IsNumeral(char c) => Digits.ContainsKey(c) || SmallUnits.ContainsKey(c);

    public bool TryRead(string text, out decimal value)
    {
        value = 0;
        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace(" ", "");
        if (s.Length == 0) return false;
        var negative = false;
        if (s[0] is '-' or '−' or '－' or '负')
        {
            negative = true;
            s = s[1..];
        }
        else if (s[0] == '+') s = s[1..];
        if (s.StartsWith("百分之", StringComparison.Ordinal))
        {
            if (!TryRead(s[3..], out value)) return false;
        }
        else
        {
            decimal multiplier = 1;
            if (s.EndsWith('亿')) { multiplier = 100_000_000m; s = s[..^1]; }
            else if (s.EndsWith('万')) { multiplier = 10_000m; s = s[..^1]; }
            if (s.Length == 0 || !(TryArabic(s, out value) || TryChinese(s, out value))) return false;
            value *= multiplier;
        }
        if (negative) value = -value;
        return true;
    }

    private static bool TryArabic(string s, out decimal value)
    {
        value = 0;
        if (!s.All(c => char.IsAsciiDigit(c) || c is ',' or '.')) return false;
        if (s.Contains(','))
        {
            // Separators only in thousands positions: "1,234,567.89"; anything else is not one number.
            var intPart = s.Split('.')[0];
            var groups = intPart.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return false;
            s = s.Replace(",", "");
        }
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryChinese(string s, out decimal value)
    {
        value = 0;
        if (s.Any(c => !Digits.ContainsKey(c) && !SmallUnits.ContainsKey(c) && c != '点')) return false;
        var point = s.IndexOf('点');
        var whole = point >= 0 ? s[..point] : s;
        var fraction = point >= 0 ? s[(point + 1)..] : "";
        if (!ChineseInteger(whole, out var w)) return false;
        value = w;
        var scale = 0.1m;
        foreach (var c in fraction)
        {
            if (!Digits.TryGetValue(c, out var d)) return false;
            value += d * scale;
            scale /= 10;
        }
        return true;
    }

    // 二〇二三 (digit by digit) or 三千零五十 (with place units); 十五 means 15.
    private static bool ChineseInteger(string s, out long value)
    {
        value = 0;
        if (s.Length == 0) return true;
        if (!s.Any(SmallUnits.ContainsKey))
        {
            foreach (var c in s) value = value * 10 + Digits[c];
            return true;
        }
        long section = 0, digit = -1;
        foreach (var c in s)
        {
            if (Digits.TryGetValue(c, out var d)) digit = d;
            else
            {
                var unit = SmallUnits[c];
                section += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            }
        }
        if (digit > 0) section += digit;
        value = section;
        return true;
    }
}
