using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Storage;

/// <summary>
/// Which report a file is: its unit (normalised) and fiscal year. Files with one identity are renditions or
/// versions of one report; a file whose unit or year was not read is a report of its own (its content hash).
/// Finding ids derive from the identity, so they are the same in every rendition, after re-ingest and on
/// another machine.
/// </summary>
public static partial class ReportIdentity
{
    [GeneratedRegex(@"[\s\u3000]+")] private static partial Regex Spaces();


    public static string Of(string? unitName, int? fiscalYear, string sha256) =>
        UnitKey(unitName) is { Length: > 0 } unit && fiscalYear is { } year ? $"{unit}|{year}" : $"doc:{sha256}";

    /// <summary>A unit's name for comparison: NFKC, no spaces, no seal note.</summary>
    public static string UnitKey(string? unitName)
    {
        if (string.IsNullOrWhiteSpace(unitName)) return "";
        var n = Spaces().Replace(unitName.Normalize(NormalizationForm.FormKC), "");
        // A seal note after the name (the lexicon's seal forms: （公章）, (盖章)…).
        return Extraction.Lexicon.Lexicon.Default.Pattern("seal", suffix: "$").Replace(n, "");
    }

    /// <summary>"F" and 10 hex digits of SHA-256 over the identity, rule, fields and indicator.</summary>
    public static string FindingId(string identity, string rule, IEnumerable<string> fields, int? indicator)
    {
        var text = $"{identity}\u001f{rule}\u001f{string.Join(",", fields)}\u001f{indicator}";
        return "F" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
