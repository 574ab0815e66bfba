using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>Unit name, fiscal year and filled date from the report's opening (or, for the date, its end).</summary>
internal static class ReportHeader
{
    public static ReportInfo Read(ExtractionContext cx)
    {
        var flow = cx.Flow;
        var lex = cx.Vocabulary.Lexicon;
        var text = flow.Text;
        var opening = text[..Math.Min(text.Length, 600)];
        string? unit = null;
        var labelRx = lex.Pattern("cover_unit", prefix: @"^[ \t]*(?:", suffix: @")\s*(?:" + string.Join("|", lex.Forms("seal").Select(lex.Compile)) + @")?\s*:\s*(?<n>[^\n]+?)\s*$");
        // A table's unit caption ("单位：万元") is no unit name.
        var labels = new Regex(labelRx.ToString(), RegexOptions.Multiline).Matches(opening)
            .Where(m => !lex.Matcher("unit").IsWhole(m.Groups["n"].Value, out _)).ToList();
        var supervisor = lex.Pattern("cover_unit", "supervisor", prefix: @"^[ \t]*(?:", suffix: ")");
        var label = labels.FirstOrDefault(m => !supervisor.IsMatch(m.Value)) ?? labels.FirstOrDefault();
        if (label is not null)
        {
            var g = label.Groups["n"];
            var end = g.Index + g.Length;
            // A long name wraps onto the next line: "…产业开发区" / "（…新市区）安宁渠镇人民政府".
            var next = Regex.Match(text[end..], @"^\n(?<c>[^\n:]{1,30})(?=\n|$)");
            if (next.Success && !flow.IsHeading(next.Groups["c"].Value) && !lex.Pattern("title").IsMatch(next.Groups["c"].Value)
                && !Regex.IsMatch(next.Groups["c"].Value, @"\d{4}"))
                end += next.Length;
            unit = flow.SourceSpan(g.Index, end - g.Index).Replace("\n", "").Replace("\r", "");
        }
        // A cover drawn as a key-value table: "预算单位 | 皖东市档案馆 | 预算编码 | 301017".
        else if (CoverPair(flow, lex, "cover_unit") is { } coverUnit)
            unit = coverUnit;
        else if (lex.Pattern("year", prefix: @"^\s*(?<unit>[^\n\d]{2,40}?)\s*(?:", suffix: ")").Match(opening) is { Success: true } title)
            unit = flow.SourceSpan(title.Groups["unit"].Index, title.Groups["unit"].Length);
        // Last, a caption or title anywhere naming the unit before the year: "清河县柳湾镇中心卫生院2023年度预算执行情况表".
        unit ??= CaptionUnit(flow, lex);
        unit = unit is null ? null : Regex.Replace(unit, @"\s+", "").Trim();
        // A seal note after the name ("…事务局（公章）") is not part of it.
        if (unit is not null && lex.Pattern("seal", suffix: "$").Match(FlowText.Normalize(unit)) is { Success: true } seal)
            unit = unit[..seal.Index].Trim();

        int? year = null;
        if (lex.Pattern("year").Match(opening) is { Success: true } y && ReadInt(y.Groups["y"].Value) is { } yv) year = yv;
        else if (CoverPair(flow, lex, "cover_year") is { } yearCell && lex.Pattern("year").Match(yearCell.TrimEnd('年', '度') + "年度") is { Success: true } ty
                 && ReadInt(ty.Groups["y"].Value) is { } tyv)
            year = tyv;

        var date = lex.Pattern("date");
        var labelledDate = lex.Pattern("cover_date", suffix: @"\s*:\s*(?<date>" + date + ")");
        var labelled = labelledDate.Match(opening);
        Match? dm = labelled.Success ? date.Match(labelled.Groups["date"].Value) : null;
        // A form-like report states it in a table row: "填报日期 | 2024年3月26日".
        dm ??= Tables.TableRows.Of(flow).Select(row => labelledDate.Match(row.Text)).FirstOrDefault(m => m.Success) is { } cell
            ? date.Match(cell.Groups["date"].Value) : null;
        if (dm is null)
        {
            // Otherwise the date that closes the report, on a line of its own.
            var lone = new Regex("(?:" + date + @")\s*$", RegexOptions.Multiline).Matches(text);
            if (lone.Count > 0 && lone[^1].Index > text.Length * 0.8) dm = lone[^1];
        }
        return new ReportInfo(unit, year, dm is null ? null : IsoDate(dm));
    }

    private static string? CaptionUnit(FlowText flow, Lexicon.Lexicon lex)
    {
        var ends = string.Join("|", lex.Forms("title_end").Select(System.Text.RegularExpressions.Regex.Escape));
        var caption = lex.Pattern("year", prefix: @"^(?<unit>[^\n\d:|：，。,()（）]{4,40}?)\s*(?:", suffix: $@")[^\n。，,]{{0,30}}?(?:{ends})$");
        var lines = flow.Text.Split('\n').Concat(Tables.TableRows.Of(flow).Select(r => r.Text.Split(':')[0]));
        return lines.Select(l => caption.Match(l.Trim())).FirstOrDefault(m => m.Success)?.Groups["unit"].Value;
    }

    // The cell after a label cell of the facet, in the tables before the report's first section.
    private static string? CoverPair(FlowText flow, Lexicon.Lexicon lex, string facet)
    {
        var labels = lex.Matcher(facet);
        var firstHeading = flow.Paragraphs.Where(p => p.Heading).Select(p => (int?)p.Start).FirstOrDefault() ?? flow.Text.Length;
        foreach (var row in Tables.TableRows.Of(flow).Where(r => r.Offset <= firstHeading))
        {
            var cells = row.Text.Split(':');
            for (var i = 0; i + 1 < cells.Length; i++)
                if (labels.IsWhole(cells[i], out _) && cells[i + 1].Length > 0 && !labels.IsWhole(cells[i + 1], out _)) return cells[i + 1];
        }
        return null;
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
