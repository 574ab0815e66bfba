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
        var indicators = Joined(found.Indicators.OrderBy(i => i.Offset).Select(i => i.Indicator)).Select((i, n) => i with { Seq = n + 1 }).ToList();
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

    // "表1 绩效目标表" (target, weight) and "表3 完成情况表" (actual, score): an indicator named again with only the
    // parts it lacked is the same indicator, completed; one restating a part it has is left as it stands.
    private static List<Indicator> Joined(IEnumerable<Indicator> indicators)
    {
        var joined = new List<Indicator>();
        foreach (var i in indicators)
        {
            var at = joined.FindIndex(j => j.Name == i.Name && Disjoint(j, i));
            if (at < 0) { joined.Add(i); continue; }
            var j = joined[at];
            joined[at] = j with
            {
                Target = j.Target ?? i.Target, Midyear = j.Midyear ?? i.Midyear, Actual = j.Actual ?? i.Actual,
                CompletionRate = j.CompletionRate ?? i.CompletionRate, Weight = j.Weight ?? i.Weight, Score = j.Score ?? i.Score,
                DeviationReason = j.DeviationReason ?? i.DeviationReason, Improvement = j.Improvement ?? i.Improvement,
                Label = j.Label ?? i.Label, Group = j.Group ?? i.Group, OpUncertain = j.Target is null ? i.OpUncertain : j.OpUncertain,
                Restated = [.. j.Restated, .. i.Restated], Boxes = Union(j.Boxes, i.Boxes), Confidence = Union(j.Confidence, i.Confidence),
            };
        }
        return joined;
    }

    private static Dictionary<string, T> Union<T>(IReadOnlyDictionary<string, T> a, IReadOnlyDictionary<string, T> b) =>
        a.Concat(b.Where(kv => !a.ContainsKey(kv.Key))).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static bool Disjoint(Indicator a, Indicator b) =>
        (a.Target is null || b.Target is null) && (a.Midyear is null || b.Midyear is null) && (a.Actual is null || b.Actual is null)
        && (a.CompletionRate is null || b.CompletionRate is null) && (a.Weight is null || b.Weight is null) && (a.Score is null || b.Score is null);

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
