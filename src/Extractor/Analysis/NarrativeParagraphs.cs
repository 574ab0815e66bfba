using Extractor.Extraction;

namespace Extractor.Analysis;

/// <summary>
/// The prose a unit writes about its own year: every paragraph after the cover that is not a heading, with a
/// paragraph a page cut mid-sentence joined to its continuation. Not only 存在的主要问题 and 改进措施: the seeds'
/// real copies stand in 资金使用合规性 and 基本支出 narrative. Tables are not prose; template sentences every report
/// carries are removed later by how many units share them, and figure statements differ in their numbers. An
/// indicator stated as prose (three or more of its target, actual, completion, weight and score) is not analysis.
/// Headings are found the way the extractor finds them (the lexicon's heading markers).
/// </summary>
internal static class NarrativeParagraphs
{
    private const string SentenceEnd = "。！？!?；;";

    public static List<(int Page, string Text)> Select(IEnumerable<(int Page, string Text)> paragraphs)
    {
        var v = Vocabulary.For(Extraction.Lexicon.Lexicon.Default);
        var found = new List<(int Page, string Text)>();
        var section = "cover";
        var open = false; // the last paragraph ended mid-sentence (cut by a page)
        foreach (var (page, raw) in paragraphs)
        {
            var text = raw.Trim();
            if (text.Length == 0) continue;
            if (FlowText.IsHeading(v, text))
            {
                section = v.SectionOf(text) ?? (v.TopHeadingStart.IsMatch(FlowText.Normalize(text)) ? "main" : section);
                open = false;
                continue;
            }
            if (section == "cover") continue;
            if (open) found[^1] = (found[^1].Page, found[^1].Text + text);
            else found.Add((page, text));
            open = !SentenceEnd.Contains(text[^1]);
        }
        return found.Where(p => !IsIndicatorStatement(p.Text)).ToList();
    }

    // An indicator written as prose ("X：预期指标值为≥95%，完成值为98%，权重分值10分，自评得分10分") is figures, not analysis:
    // two reports with the same indicator and figures say it in the same words without copying anything.
    private static readonly HashSet<string> ValueRoles = ["target", "actual", "completion", "weight", "score"];

    private static bool IsIndicatorStatement(string text) =>
        Extraction.Lexicon.Lexicon.Default.Matcher("role").Tags(FlowText.Normalize(text))
            .Select(t => t.Canonical).Where(ValueRoles.Contains).Distinct().Count() >= 3;
}
