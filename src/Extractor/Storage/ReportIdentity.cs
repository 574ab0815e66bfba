using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Extractor.Extraction.Lexicon;

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

    // A bracketed note after the name: "XX局(本级)", "XX馆【XX研究室】".
    [GeneratedRegex(@"(?<=.)[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]$")] private static partial Regex TrailingNote();

    public static string Of(string? unitName, int? fiscalYear, string sha256) =>
        UnitKey(unitName) is { Length: > 0 } unit && fiscalYear is { } year ? $"{unit}|{year}" : $"doc:{sha256}";

    /// <summary>
    /// A unit's name for comparison, so that one unit's reports line up across years and renditions: NFKC, no
    /// spaces, no seal note or bracketed note, no party prefix, full forms as their short forms, and no parent
    /// divisions in front of the innermost one (the vocabulary is the lexicon's unitnames rows).
    /// </summary>
    public static string UnitKey(string? unitName)
    {
        if (string.IsNullOrWhiteSpace(unitName)) return "";
        var lexicon = Lexicon.Default;
        var n = Spaces().Replace(unitName.Normalize(NormalizationForm.FormKC), "");
        n = lexicon.Pattern("seal", suffix: "$").Replace(n, "");
        for (var before = ""; before != n;) { before = n; n = TrailingNote().Replace(n, ""); }
        n = lexicon.Pattern("unit_prefix", prefix: "^").Replace(n, "");
        foreach (var e in lexicon.Facet("unit_short"))
            n = lexicon.Pattern("unit_short", e.Canonical).Replace(n, e.Canonical);
        return WithoutParents(n, lexicon);
    }

    // Leading divisions of two or more characters and a division word ("新疆维吾尔自治区", "克拉玛依市"): all but
    // the last are parents. A place word that only ends like a division (自然保护区) ends the run.
    private static string WithoutParents(string name, Lexicon lexicon)
    {
        var division = lexicon.Pattern("division", prefix: @"^\p{IsCJKUnifiedIdeographs}{2,7}?", suffix: "");
        var notDivision = lexicon.Pattern("not_division", suffix: "$");
        var starts = new List<int>();
        for (var at = 0; at < name.Length;)
        {
            var m = division.Match(name[at..]);
            if (!m.Success || notDivision.IsMatch(m.Value) || at + m.Length >= name.Length) break;
            starts.Add(at);
            at += m.Length;
        }
        return starts.Count >= 2 ? name[starts[^1]..] : name;
    }

    /// <summary>"F" and 10 hex digits of SHA-256 over the identity, rule, fields and indicator.</summary>
    public static string FindingId(string identity, string rule, IEnumerable<string> fields, int? indicator)
    {
        var text = $"{identity}\u001f{rule}\u001f{string.Join(",", fields)}\u001f{indicator}";
        return "F" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }
}
