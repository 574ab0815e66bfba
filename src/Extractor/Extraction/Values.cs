using System.Text.RegularExpressions;
using Lex = Extractor.Extraction.Lexicon.Lexicon;

namespace Extractor.Extraction;

/// <summary>A quantity read from a table cell or a stretch of prose: operator (when written), value, unit, decimals.</summary>
internal sealed record CellQuantity(string Op, bool OpWritten, decimal Value, string? Unit, int Decimals);

/// <summary>Reading numbers and quantities as the reports write them; operators and units come from the lexicon.</summary>
public static class Values
{
    public const string Number = Lex.ArabicNumber;

    /// <summary>How many decimals a written number has: "99.53" → 2, "1,234" → 0.</summary>
    public static int Decimals(string number)
    {
        var n = FlowText.Normalize(number).Trim();
        var dot = n.IndexOf('.');
        return dot < 0 ? 0 : n.Length - dot - 1 - n[(dot + 1)..].Count(c => !char.IsAsciiDigit(c));
    }

    public static decimal Parse(string number) =>
        ChineseNumberReader.Instance.TryRead(number, out var v) ? v : throw new FormatException(number);

    /// <summary>Reads a table cell such as "≥3000平方米", "96.10%", "12,356,800.00", "95%以上"; null if it holds no single quantity.</summary>
    internal static CellQuantity? ReadCell(string cell, Vocabulary v)
    {
        // A remark in brackets after the quantity ("58人（含超编安置2人）") is not part of it.
        var text = FlowText.Normalize(cell).Replace(" ", "");
        var remark = text.IndexOf('(');
        if (remark > 0 && text.EndsWith(')') && text[..remark].Any(char.IsAsciiDigit)) text = text[..remark];
        var m = v.CellQuantity.Match(text);
        if (!m.Success) return null;
        var unit = m.Groups["unit"].Value;
        // A rate per base ("231.6/10万") keeps its base's digits in the unit.
        if (unit.Length > 6 || unit.Any(char.IsAsciiDigit) && !unit.StartsWith('/')) return null;
        var opWord = m.Groups["op"].Success ? m.Groups["op"].Value : m.Groups["post"].Success ? m.Groups["post"].Value : null;
        var op = opWord is null ? "=" : v.Operator(opWord)?.Canonical ?? "=";
        return new CellQuantity(op, opWord is not null, Parse(m.Groups["num"].Value), unit.Length == 0 ? null : unit, Decimals(m.Groups["num"].Value));
    }
}
