using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>Unit name, fiscal year and filled date from the report's opening (or, for the date, its end).</summary>
internal static partial class ReportHeader
{
    [GeneratedRegex(@"^[ \t]*(?:部门单位名称|部门\(单位\)名称|单位名称|部门名称|填报单位|报送单位|单位)\s*(?:\((?:公章|盖章|签章)\))?\s*:\s*(?<n>[^\n]+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex UnitLabel();

    [GeneratedRegex(@"^\s*(?<n>[^\n\d]{2,40}?)\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度")]
    private static partial Regex UnitFromTitle();

    [GeneratedRegex(@"(?<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年度")]
    private static partial Regex YearRx();

    private const string Date = @"(?<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?";

    [GeneratedRegex(@"(?:填报时间|填报日期|报告日期|编制日期|报送日期|日期|时间)\s*:\s*" + Date)]
    private static partial Regex LabelledDate();

    [GeneratedRegex(Date + @"\s*$", RegexOptions.Multiline)]
    private static partial Regex LoneDate();

    public static ReportInfo Read(FlowText flow)
    {
        var text = flow.Text;
        var opening = text[..Math.Min(text.Length, 600)];
        string? unit = null;
        var label = UnitLabel().Match(opening);
        if (label.Success)
        {
            var g = label.Groups["n"];
            var end = g.Index + g.Length;
            // A long name wraps onto the next line: "…产业开发区" / "（…新市区）安宁渠镇人民政府".
            var next = Regex.Match(text[end..], @"^\n(?<c>[^\n:]{1,30})(?=\n|$)");
            if (next.Success && !FlowText.IsHeading(next.Groups["c"].Value) && !Regex.IsMatch(next.Groups["c"].Value, @"\d{4}|年度|报告"))
                end += next.Length;
            unit = flow.SourceSpan(g.Index, end - g.Index).Replace("\n", "").Replace("\r", "");
        }
        else if (UnitFromTitle().Match(opening) is { Success: true } title)
            unit = flow.SourceSpan(title.Groups["n"].Index, title.Groups["n"].Length);
        unit = unit is null ? null : Regex.Replace(unit, @"\s+", "").Trim();

        int? year = null;
        if (YearRx().Match(opening) is { Success: true } y && ReadInt(y.Groups["y"].Value) is { } yv) year = yv;

        string? date = null;
        var dm = LabelledDate().Match(opening);
        if (!dm.Success)
        {
            // Otherwise the date that closes the report, on a line of its own.
            var lone = LoneDate().Matches(text);
            if (lone.Count > 0 && lone[^1].Index > text.Length * 0.8) dm = lone[^1];
        }
        if (dm.Success) date = IsoDate(dm);
        return new ReportInfo(unit, year, date);
    }

    private static int? ReadInt(string s) =>
        ChineseNumberReader.Instance.TryRead(s, out var v) ? (int)v : null;

    private static string? IsoDate(Match m)
    {
        var y = ReadInt(m.Groups["y"].Value);
        var mo = ReadInt(m.Groups["m"].Value);
        var d = m.Groups["d"].Success ? ReadInt(m.Groups["d"].Value) : null;
        if (y is null || mo is null or < 1 or > 12) return null;
        if (d is null) return $"{y:D4}-{mo:D2}";
        return d is < 1 or > 31 ? null : $"{y:D4}-{mo:D2}-{d:D2}";
    }
}
