using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>The number-with-unit pattern every rule shares, and reading of its parts.</summary>
public static partial class Values
{
    /// <summary>A number: thousands-separated or plain, optional sign and decimals (text already NFKC-normalised).</summary>
    public const string Number = @"-?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?";

    /// <summary>Units an indicator value may carry: a short run of letters/ideographs or a percent sign.</summary>
    public const string IndicatorUnit = @"(?:%|‰|[\p{IsCJKUnifiedIdeographs}a-zA-Z²³/]{1,5}?)";

    [GeneratedRegex(@"^\s*(?<op>大于等于|小于等于|不低于|不少于|不小于|不高于|不超过|不大于|≥|≤|>=|<=|大于|小于|高于|低于|多于|少于|超过|等于|达到|=|>|<)?\s*(?<num>" + Number + @")\s*(?<unit>.*?)\s*$")]
    private static partial Regex QuantityCell();

    /// <summary>How many decimals a written number has: "99.53" → 2, "1,234" → 0.</summary>
    public static int Decimals(string number)
    {
        var n = FlowText.Normalize(number).Trim();
        var dot = n.IndexOf('.');
        return dot < 0 ? 0 : n.Length - dot - 1 - n[(dot + 1)..].Count(c => !char.IsAsciiDigit(c));
    }

    public static decimal Parse(string number) =>
        ChineseNumberReader.Instance.TryRead(number, out var v) ? v : throw new FormatException(number);

    public static string Op(string? word) => word switch
    {
        "大于等于" or "不低于" or "不少于" or "不小于" or "≥" or ">=" or "达到" => ">=",
        "小于等于" or "不高于" or "不超过" or "不大于" or "≤" or "<=" => "<=",
        "大于" or "高于" or "多于" or "超过" or ">" => ">",
        "小于" or "低于" or "少于" or "<" => "<",
        _ => "=",
    };

    /// <summary>Reads a table cell such as "≥3000平方米", "96.10%", "12,356,800.00"; null if it holds no single quantity.</summary>
    public static int CellDecimals(string cell)
    {
        var m = QuantityCell().Match(FlowText.Normalize(cell).Replace(" ", ""));
        return m.Success ? Decimals(m.Groups["num"].Value) : -1;
    }

    public static (string Op, decimal Value, string? Unit)? ReadCell(string cell)
    {
        var m = QuantityCell().Match(FlowText.Normalize(cell).Replace(" ", ""));
        if (!m.Success) return null;
        var unit = m.Groups["unit"].Value;
        if (unit.Length > 6 || Regex.IsMatch(unit, @"\d")) return null;
        return (Op(m.Groups["op"].Success ? m.Groups["op"].Value : null), Parse(m.Groups["num"].Value), unit.Length == 0 ? null : unit);
    }
}
