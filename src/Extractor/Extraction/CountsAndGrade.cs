using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>
/// The project count (the lexicon's <c>count</c> forms: "共有 4 个项目") and the grade (a <c>grade_label</c>
/// followed, past fillers and quotation marks, by a <c>grade</c> word: 评价结果为“优”).
/// Headcounts are prose figures with a count unit.
/// </summary>
internal sealed class CountsAndGrade : IRecogniser
{
    public void Recognise(ExtractionContext cx, Candidates found)
    {
        var flow = cx.Flow;
        var v = cx.Vocabulary;
        var quiet = v.Lexicon.Facet("section").Where(e => e.Attribute("quiet") is not null).Select(e => e.Canonical).ToHashSet();
        foreach (var entry in v.Lexicon.Facet("count"))
        {
            // Counts in the unit's overview are of its work (重点项目共15个), not of its budget projects.
            var rx = v.Lexicon.Pattern("count", entry.Canonical);
            var m = rx.Matches(flow.Text).FirstOrDefault(m => !found.Claimed(m.Index, m.Length) && ReadsAsCount(m) && !quiet.Contains(flow.SectionAt(m.Index)));
            if (m is null) continue;
            var n = m.Groups["n"];
            found.Figures.Add(new Figure(entry.Canonical, Values.Parse(n.Value), null, flow.SourceSpan(m.Index, m.Length), flow.PageAt(n.Index), m.Index)
            { Decimals = 0, Box = flow.BoxOf(n.Index, n.Length), Paragraph = flow.BlockAt(n.Index), Confidence = flow.ConfidenceOf(n.Index, n.Length) });
            found.Take(n.Index, n.Length);
        }
        if (Grade(cx) is { } grade) found.Figures.Add(grade);
    }

    private static bool ReadsAsCount(Match m) =>
        ChineseNumberReader.Instance.TryRead(m.Groups["n"].Value, out var n) && n == decimal.Truncate(n) && n >= 0;

    // The grade in the prose, else in a table: a conclusion written into a cell, or a 评价等级 | 优 pair.
    private static Figure? Grade(ExtractionContext cx)
    {
        var text = cx.Flow.Text;
        if (FindGrade(cx.Vocabulary, text) is { } g)
            return new Figure(Keys.Grade, 0, null, cx.Flow.SourceSpan(g.LabelStart, g.End - g.LabelStart),
                cx.Flow.PageAt(g.GradeStart), g.LabelStart, g.Canonical)
            { Box = cx.Flow.BoxOf(g.GradeStart, g.GradeLength), Paragraph = cx.Flow.BlockAt(g.GradeStart), Confidence = cx.Flow.ConfidenceOf(g.GradeStart, g.GradeLength) };
        foreach (var row in Tables.TableRows.Of(cx.Flow))
            if (FindGrade(cx.Vocabulary, row.Text) is { } t)
                return new Figure(Keys.Grade, 0, null, row.Text[t.LabelStart..t.End], row.Page, row.Offset, t.Canonical)
                { Box = row.BoxAt(t.GradeStart), Paragraph = cx.Flow.BlockAt(Math.Max(0, row.Offset - 1)) };
        return null;
    }

    private sealed record GradeMatch(int LabelStart, int GradeStart, int GradeLength, int End, string Canonical);

    private static GradeMatch? FindGrade(Vocabulary v, string text)
    {
        var tags = v.Lexicon.Matcher("grade_label", "grade", "filler").Tags(text);
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].Facet != "grade_label") continue;
            var pos = tags[i].End;
            // Past fillers (为, 是, 评定为), a colon, spaces and quotation marks, the grade word must follow.
            for (var j = i + 1; j < tags.Count && tags[j].Start <= pos + 2; j++)
            {
                if (tags[j].Start < pos) continue; // a tag of another facet over the same words
                var gap = text[pos..tags[j].Start];
                if (gap.Any(c => !char.IsWhiteSpace(c) && !"\"“”'‘’「」『』:".Contains(c))) break;
                if (tags[j].Facet == "filler") { pos = tags[j].End; continue; }
                if (tags[j].Facet != "grade") break;
                var end = tags[j].End;
                if (end < text.Length && "\"“”'‘’「」『』".Contains(text[end])) end++;
                // "被评为优秀单位" is an award, not the grade: a grade word stands alone or before 等次/等级.
                var rest = text[end..Math.Min(text.Length, end + 2)];
                if (rest.Length > 0 && char.GetUnicodeCategory(rest[0]) == System.Globalization.UnicodeCategory.OtherLetter
                    && !v.Lexicon.Forms("grade_suffix").Any(rest.StartsWith)) break;
                return new GradeMatch(tags[i].Start, tags[j].Start, tags[j].Length, end, tags[j].Canonical);
            }
        }
        return null;
    }
}
