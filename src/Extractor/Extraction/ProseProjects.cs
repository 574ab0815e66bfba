using System.Text.RegularExpressions;
using Lex = Extractor.Extraction.Lexicon.Lexicon;

namespace Extractor.Extraction;

/// <summary>
/// Projects listed in prose: a name, then its budget and its actual spending ("高新人才大厦…项目，预算金额为
/// 203.30万元，执行金额为203.30万元"). Subtotals by funding source ("本级财力项目：共计3个项目，金额为…") are
/// read as neither projects nor totals. Both are claimed, so figure rules do not read them again.
/// </summary>
internal sealed class ProseProjects : IRecogniser
{
    public void Recognise(ExtractionContext cx, Candidates found)
    {
        var (line, subtotal) = Patterns(cx.Vocabulary);
        var flow = cx.Flow;
        foreach (Match m in subtotal.Matches(flow.Text))
            if (!found.Claimed(m.Index, m.Length)) { found.Claims.Add(new Span(m.Index, m.Length)); found.Take(m.Index, m.Length); }
        var seen = new HashSet<string>();
        var listEnd = -1; // where the last project read ended: an item right after it continues the list
        foreach (Match m in line.Matches(flow.Text))
        {
            if (found.Claimed(m.Index, m.Length)) continue;
            var continues = listEnd >= 0 && flow.Text.AsSpan(listEnd, m.Index - listEnd).Trim().Trim(";,").IsEmpty;
            var claim = new Span(m.Index, m.Length);
            var raw = m.Groups["name"].Value;
            // "其中：重点项目为…": a highlight of one listed project, under another wording; the list counts.
            if (cx.Vocabulary.Lexicon.Pattern("project_highlight").IsMatch(raw)) { found.Claims.Add(claim); Take(found, m); continue; }
            // "2.中央补助地方公共文化服务体系建设资金。全年预算…": a numbered item's name, whatever word it opens with.
            var end = m.Groups["name"].Index + m.Groups["name"].Length;
            var numbered = end < flow.Text.Length && flow.Text[end] == '。';
            var name = CleanName(cx.Vocabulary, raw, continues, numbered);
            if (name is null) continue;
            // A bare item after a colon is a project's only in a list the lead says is of projects ("分项目情况为："),
            // not in one of 三公 items ("其中：因公出国（境）费预算0万元，实际支出0万元").
            if (end < flow.Text.Length && flow.Text[end] is not (',' or ':' or '(' or '。') && !continues
                && !cx.Vocabulary.Lexicon.Pattern("project_noun", suffix: "$").IsMatch(raw) && !ProjectLead(cx.Vocabulary, flow.Text, m.Index)) continue;
            listEnd = m.Index + m.Length;
            found.Claims.Add(claim);
            Take(found, m);
            // The same project named again (a highlight before the list) is one project.
            if (!seen.Add(name)) continue;
            found.Projects.Add((m.Index, new Project(name,
                Money.ToWan(Values.Parse(m.Groups["b"].Value), m.Groups["bu"].Value),
                Money.ToWan(Values.Parse(m.Groups["a"].Value), m.Groups["au"].Value),
                flow.PageAt(m.Index), flow.SourceSpan(m.Index, m.Length))));
        }
    }

    // The sentence before a list names projects ("2023年本局共实施项目5个，…分项目情况为：").
    private static bool ProjectLead(Vocabulary v, string text, int at)
    {
        var from = Math.Max(text.LastIndexOf('。', Math.Max(0, at - 1)), text.LastIndexOf('\n', Math.Max(0, at - 1))) + 1;
        var colon = text.LastIndexOf(':', Math.Max(0, at - 1));
        return colon >= from && v.Lexicon.Pattern("project_noun").IsMatch(text[from..colon]);
    }

    private static void Take(Candidates found, Match m)
    {
        found.Take(m.Groups["b"].Index, m.Groups["b"].Length);
        found.Take(m.Groups["a"].Index, m.Groups["a"].Length);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Vocabulary, Tuple<Regex, Regex>> Cache = new();

    private static (Regex Line, Regex Subtotal) Patterns(Vocabulary v)
    {
        var t = Cache.GetValue(v, v =>
        {
            var lex = v.Lexicon;
            string Alt(string facet) => "(?:" + string.Join("|", lex.Forms(facet).Distinct().OrderByDescending(f => f.Length).Select(lex.Compile)) + ")";
            var money = Vocabulary.Alternation(lex.Forms("unit", "money"));
            var filler = Alt("filler");
            string Amount(string n, string u) => $@"\s*{filler}?\s*(?<{n}>{Lex.ArabicNumber})\s*(?<{u}>{money})";
            // The name ends at a comma or an opening bracket, or right before the budget word when it ends with a
            // project noun ("城乡居民医疗救助区级配套项目全年预算280.00万元", "生均公用经费项目（全年预算…）"), or at the
            // full stop after a numbered item's name ("1.公共图书馆免费开放经费。全年预算60.00万元").
            // So does an item of a list after a colon or semicolon ("分项目情况为：优抚对象抚恤和生活补助预算1,486.30万元、
            // 支出1,475.82万元；…").
            var line = new Regex($@"(?<name>[^,;。:、\n]{{2,60}}?)(?:[,:(]|(?<={Alt("project_noun")})\(?|(?<=(?:^|\n)[ \t]*\d{{1,2}}[.、][^,;。:、\n]{{2,60}})。|(?<=[:;][^,;。:、\n]{{2,60}}))\s*{Alt("project_budget")}{Amount("b", "bu")}\s*[,;、]\s*{Alt("project_actual")}{Amount("a", "au")}",
                RegexOptions.CultureInvariant | RegexOptions.Compiled); // compiled: it is tried at every position of the text
            var subtotal = new Regex($@"{Alt("subtotal")}\s*[,:]?\s*{Alt("project_budget")}\s*{filler}?\s*{Lex.ArabicNumber}\s*(?:{money})(?:\s*[,;]\s*{Alt("project_actual")}\s*{filler}?\s*{Lex.ArabicNumber}\s*(?:{money}))?",
                RegexOptions.CultureInvariant);
            return Tuple.Create(line, subtotal);
        });
        return (t.Item1, t.Item2);
    }

    // "分别为：高新人才大厦项目" → "高新人才大厦项目"; a clause that is not a name (本级财力项目, 共计, 3个项目) is dropped.
    private static string? CleanName(Vocabulary v, string raw, bool continuesList, bool numbered = false)
    {
        var intro = v.Lexicon.Pattern("project_intro").Matches(raw).LastOrDefault();
        var name = (intro is null ? raw : raw[(intro.Index + intro.Length)..]).Trim();
        var marker = v.ItemStart.Match(name);
        if (marker.Success && marker.Index == 0) name = name[marker.Length..].Trim();
        if (name.Length < 2) return null;
        var first = v.Lexicon.Matcher("subject", "total_row", "filler", "measure").Tags(name).FirstOrDefault(t => t.Start == 0);
        if (first is not null && !(first.Facet == "subject" && first.Canonical == "project" && first.Length < name.Length)
            && !(numbered && first.Facet == "subject" && name.Length - first.Length >= 6)) return null;
        // "2023年“三公”经费": a name ending in a budget subject is that subject's figure, not a project —
        // unless it continues a list of projects ("…项目，全年预算…；警务辅助人员经费，全年预算…").
        if (!continuesList && v.Lexicon.Matcher("subject").Tags(name).Any(t => t.End == name.Length && t.Canonical != "project")) return null;
        if (v.Lexicon.Pattern("count").IsMatch(name) || v.Lexicon.Pattern("project_not_name").IsMatch(name)) return null;
        // "全年项目预算…": a project noun after nothing but opening words (全年, 本年) names no project.
        var core = v.Lexicon.Pattern("project_noun", suffix: "$").Replace(name, "");
        var opening = v.Lexicon.Pattern("name_noise", prefix: "^(?:", suffix: ")");
        var stripped = false;
        for (var head = opening.Match(core); head.Success && head.Length > 0; head = opening.Match(core), stripped = true) core = core[head.Length..];
        return stripped && core.Length < 2 ? null : name;
    }
}
