namespace Extractor.Extraction;

/// <summary>
/// Builds the one immutable <see cref="Report"/> from what the recognisers found: statements in document
/// order (a key stated twice keeps every statement; the first is the report's value), indicators and
/// projects in document order, and the money, percent and score figures no one took.
/// </summary>
internal static class Resolver
{
    public static Report Resolve(ExtractionContext cx, ReportInfo info, Candidates found)
    {
        var indicators = found.Indicators.OrderBy(i => i.Offset).Select((i, n) => i.Indicator with { Seq = n + 1 }).ToList();
        return new Report
        {
            Info = info,
            Statements = found.Figures.OrderBy(f => f.Offset).ToList(),
            Indicators = indicators,
            Projects = found.Projects.OrderBy(p => p.Offset).Select(p => p.Project).ToList(),
            Warnings = found.Warnings.ToList(),
            Unread = Unread(cx, found),
        };
    }

    // Money, percent and score values in the prose that no recogniser gave a meaning, and those the table
    // readers left; outside the quiet sections (the cover, the unit's overview, problems and measures).
    private static List<UnreadValue> Unread(ExtractionContext cx, Candidates found)
    {
        var v = cx.Vocabulary;
        var quiet = v.Lexicon.Facet("section").Where(e => e.Attribute("quiet") is not null).Select(e => e.Canonical).Append("cover").ToHashSet();
        var list = new List<UnreadValue>();
        foreach (System.Text.RegularExpressions.Match m in v.Value.Matches(cx.Flow.Text))
        {
            var unit = m.Groups["unit"].Value;
            if (v.UnitKind(unit) is not ("money" or "percent" or "score")) continue;
            var span = new Span(m.Index, m.Length);
            if (found.Taken.Any(t => t.Overlaps(span))) continue;
            var section = cx.Flow.SectionAt(m.Index);
            if (quiet.Contains(section)) continue;
            if (v.UnitKind(unit) == "score" && SetsScale(v, cx.Flow.Text, m)) continue;
            list.Add(new UnreadValue(Values.Parse(m.Groups["num"].Value), unit, cx.Flow.SourceSpan(m.Index, m.Length),
                cx.Flow.PageAt(m.Index), m.Index, section));
        }
        list.AddRange(found.UnreadInTables.Where(u => !quiet.Contains(u.Section)));
        return list.OrderBy(u => u.Offset).ToList();
    }

    private static bool SetsScale(Vocabulary v, string text, System.Text.RegularExpressions.Match m)
    {
        var before = FlowText.Normalize(text[Math.Max(0, m.Index - 4)..m.Index]);
        var after = FlowText.Normalize(text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 6)]);
        return v.Lexicon.Forms("scale_before").Any(f => before.EndsWith(f, StringComparison.Ordinal)) || v.Lexicon.Forms("scale_after").Any(f => after.StartsWith(f, StringComparison.Ordinal));
    }
}
