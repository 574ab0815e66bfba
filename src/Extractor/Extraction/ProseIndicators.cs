using Extractor.Reading;
using System.Text.RegularExpressions;
using Extractor.Extraction.Lexicon;
using Lex = Extractor.Extraction.Lexicon.Lexicon;

namespace Extractor.Extraction;

/// <summary>
/// 指标 blocks in prose, found by content. Any enumeration of the lexicon starts a block — （一）指标一：,
/// 指标⑤：, 1. / (1) / ①, 一是, 第一 — at a line start or after a sentence; a paragraph without one may be
/// a block too. A block runs to the next start, a heading, or a paragraph that moves on to other business,
/// so it never takes a value from its neighbour. Its name follows the marker; each number in it takes the
/// role (预期指标值, 年中完成值, 实际完成值, 完成率, 分值, 得分…) named nearest before it in its clause.
/// A block with a name and at least two of target, actual, completion, weight and score is an indicator.
/// </summary>
internal sealed class ProseIndicators : IRecogniser
{
    private static readonly string[] Scored = ["target", "actual", "completion", "weight", "score"];

    /// <summary>Sections where indicator blocks are never looked for.</summary>
    private static readonly HashSet<string> Elsewhere = ["basic", "project", "procurement", "three_public", "overview", "problems"];

    private sealed record Start(int Index, int Length, bool Marked);

    public void Recognise(ExtractionContext cx, Candidates found)
    {
        var starts = Starts(cx);
        var marked = starts.Where(s => s.Marked).ToList();
        var accepted = new List<Span>();
        // Marked blocks first; then paragraphs that no marked block holds, each cut where a sentence opens an
        // indicator of its own (a reader may have run two short paragraphs together).
        var unmarked = starts.Where(s => !s.Marked).SelectMany(s => Sentences(cx, s)).ToList();
        foreach (var (s, unmarkedEnd) in marked.Select(m => (m, -1)).Concat(unmarked))
        {
            if (Elsewhere.Contains(cx.Flow.SectionAt(s.Index))) continue;
            if (!s.Marked && accepted.Any(a => a.Start <= s.Index && s.Index < a.End)) continue;
            var end = s.Marked ? MarkedEnd(cx, marked, s) : unmarkedEnd;
            if (end <= s.Index + s.Length) continue;
            // A group's paragraph ("（一）数量指标。A目标…，实际…，分值…；B目标…") holds several indicators.
            var blocks = Items(cx, s, end);
            if (blocks.Count == 0 && Read(cx, s, end) is { } one) blocks = [one];
            if (blocks.Count == 0) continue;
            accepted.Add(new Span(s.Index, end - s.Index));
            found.Claims.Add(new Span(s.Index, end - s.Index));
            foreach (var block in blocks)
            {
                found.Indicators.Add((block.At, block.Indicator));
                foreach (var taken in block.Taken) found.Taken.Add(taken);
            }
        }
    }

    // Block starts: an enumeration at a line start or after a sentence end (never a top-level heading's
    // "一、"); every other paragraph may be an unnumbered block.
    // Kept, not written inline: a collection expression there allocated an array on every call.
    private static readonly char[] StatementEnds = ['。', ';', '；'];
    private static readonly char[] Colons = [':', '：'];
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    private static readonly char[] NameEnds = [':', '：', '\n', '。', ',', '，', ';', '；'];

    private static List<Start> Starts(ExtractionContext cx)
    {
        var starts = new List<Start>();
        foreach (var (p, heading) in cx.Flow.Paragraphs)
        {
            var line = cx.Flow.LineAt(p);
            if (heading && cx.Flow.IsTopHeading(line)) continue;
            var marked = false;
            for (var pos = 0; pos < line.Length;)
            {
                var lead = pos;
                while (lead < line.Length && line[lead] is ' ' or '\t') lead++;
                var m = cx.Vocabulary.ItemStart.Match(line, lead);
                if (m.Success && m.Index == lead)
                {
                    // Markers in a row ("（一）指标一：") are one start; the last is the indicator's own number.
                    var length = m.Length;
                    while (true)
                    {
                        var gap = lead + length;
                        while (gap < line.Length && line[gap] is ' ' or '\t') gap++;
                        var more = cx.Vocabulary.ItemStart.Match(line, gap);
                        if (!more.Success || more.Index != gap || more.Length == 0) break;
                        length = gap + more.Length - lead;
                    }
                    starts.Add(new Start(p + lead, length, true));
                    marked = true;
                }
                var next = line.IndexOfAny(StatementEnds, pos);
                // "数量指标方面：一是…": a short lead without numbers, then a colon, opens a list of items.
                var colon = line.IndexOfAny(Colons, pos);
                if (colon > pos && (next < 0 || colon < next) && colon - lead <= 14 && !line.AsSpan(lead, colon - lead).ContainsAny(Digits)
                    && cx.Vocabulary.ItemStart.Match(line, colon + 1) is { Success: true, Length: > 0 }) next = colon;
                if (next < 0) break;
                pos = next + 1;
            }
            if (!marked && !heading) starts.Add(new Start(p, 0, false));
        }
        return starts.OrderBy(s => s.Index).ThenByDescending(s => s.Length).DistinctBy(s => s.Index).ToList();
    }

    // An unmarked paragraph as blocks: it runs on until a sentence that is an indicator by itself.
    private static IEnumerable<(Start, int)> Sentences(ExtractionContext cx, Start paragraph)
    {
        var text = cx.Flow.Text;
        var end = ParagraphEnd(text, paragraph.Index);
        var from = paragraph.Index;
        for (var dot = text.IndexOf('。', from); dot >= 0 && dot + 1 < end; dot = text.IndexOf('。', dot + 1))
        {
            var next = dot + 1;
            var sentenceEnd = text.IndexOf('。', next);
            if (sentenceEnd < 0 || sentenceEnd > end) sentenceEnd = end;
            // A sentence that is an indicator by itself, or moves on to other business, ends the block before it.
            var movesOn = cx.Vocabulary.MovesOn.IsMatch(text[next..sentenceEnd]);
            if (!movesOn && Read(cx, new Start(next, 0, false), sentenceEnd) is null) continue;
            yield return (new Start(from, 0, false), next);
            from = next;
        }
        yield return (new Start(from, 0, false), end);
    }

    private static int ParagraphEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end;
    }

    // A marked block holds the rest of its paragraph (to the next marked start), and the paragraphs after
    // it that continue it: the first one when the marker's line names nothing ("（一）指标一：") or when
    // that paragraph names nothing itself ("该指标预期指标值…"); then those that speak of the indicator's
    // parts without being an indicator of their own. A heading, or a paragraph that moves on, ends it.
    private static int MarkedEnd(ExtractionContext cx, List<Start> marked, Start s)
    {
        var flow = cx.Flow;
        var text = flow.Text;
        var limit = marked.FirstOrDefault(m => m.Index > s.Index)?.Index ?? text.Length;
        var end = Math.Min(limit, ParagraphEnd(text, s.Index));
        var sentence = text.IndexOf('。', s.Index + s.Length);
        if (sentence >= 0 && sentence < end && cx.Vocabulary.MovesOn.IsMatch(text[(sentence + 1)..Math.Min(text.Length, sentence + 40)]))
            return sentence + 1;
        var ownLine = text[(s.Index + s.Length)..end].Trim(' ', ':', '：', '\t');
        var first = true;
        foreach (var (p, heading) in flow.Paragraphs.Where(p => p.Start > s.Index && p.Start < limit))
        {
            var line = flow.LineAt(p);
            if (heading || cx.Vocabulary.MovesOn.IsMatch(line)) break;
            var ownIndicator = Read(cx, new Start(p, 0, false), p + line.Length) is not null;
            var continues = first ? ownLine.Length == 0 || !ownIndicator : !ownIndicator && Speaks(cx.Vocabulary, line);
            if (!continues) break;
            end = p + line.Length;
            first = false;
        }
        return Math.Min(end, limit);
    }

    // Does a paragraph speak of an indicator's parts (指标值, 完成值, 得分…)?
    private static bool Speaks(Vocabulary v, string line) =>
        v.IndicatorLabels.Tags(line).Any(t => t.Facet == "role" && (IsPart(t.Canonical) || t.Canonical is "deviation" or "improvement"));

    private readonly record struct Block(Indicator Indicator, List<Span> Taken, int At);

    // The items of a block whose body is a list split by semicolons, when two or more read as indicators on
    // their own (their names written inline: "违法建设查处目标不少于150处，实际查处162处，分值8分，得8分").
    private static List<Block> Items(ExtractionContext cx, Start s, int end)
    {
        var text = cx.Flow.Text;
        // Items end at a semicolon, and at the end of a paragraph the block runs on into.
        var cuts = new List<int> { s.Index + s.Length };
        var leads = new HashSet<int> { s.Index + s.Length };
        for (var i = s.Index + s.Length; i < end; i++)
            if (text[i] is ';' or '；' or '\n')
            {
                cuts.Add(i + 1);
                if (text[i] == '\n') leads.Add(i + 1);
            }
        cuts.Add(end);
        var items = new List<Block>();
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            // The group's own words before a paragraph's first item ("数量指标。") are not part of it.
            var from = cuts[k];
            var lead = leads.Contains(from);
            var dot = lead ? text.IndexOf('。', from, cuts[k + 1] - from) : -1;
            if (dot >= 0 && dot + 1 < cuts[k + 1] && !text[from..dot].Any(char.IsAsciiDigit)) from = dot + 1;
            // "数量指标：年新增纸质图书馆藏（…）": a group's name and a colon before the first item are the group's.
            if (lead && cx.Vocabulary.Lexicon.Pattern("group_word", prefix: @"\G\s*(?:", suffix: @")\s*[:：]").Match(text, from) is { Success: true } groupLead
                && groupLead.Index + groupLead.Length < cuts[k + 1])
                from = groupLead.Index + groupLead.Length;
            // "数量方面，“全年举办临时展览”指标，…": a short lead before the first quoted name is the group's too.
            var quote = lead ? text.IndexOf('“', from, cuts[k + 1] - from) : -1;
            if (quote > from && quote - from <= 12 && !text[from..quote].Any(char.IsAsciiDigit) && text[from..quote].TrimEnd() is [.., ',' or '，' or ':' or '：'])
                from = quote;
            if (Read(cx, new Start(from, 0, false), cuts[k + 1], inline: true) is { } item) items.Add(item);
        }
        // One item is enough when the block's own name is a group of indicators ("（五）满意度指标。…", or on its own line).
        var own = text[(s.Index + s.Length)..cuts[1]].Trim(' ', ':', '：', '\n');
        var group = cx.Vocabulary.Lexicon.Pattern("group_word", prefix: "^(?:", suffix: ")(?:[。.]|$)").IsMatch(own);
        return items.Count >= 2 || (group && items.Count == 1) ? items : [];
    }

    private static Block? Read(ExtractionContext cx, Start s, int end, bool inline = false)
    {
        var v = cx.Vocabulary;
        var flow = cx.Flow;
        var text = flow.Text;
        var bodyStart = s.Index + s.Length;
        var body = text[bodyStart..end];
        var (name, nameEnd) = Name(v, body);
        if (name is null || v.MovesOn.IsMatch(name)) return null;
        // Without a marker, only "名称：…" opens an indicator (not a sentence that goes on after a comma),
        // unless the item is one of a list whose names run into their targets.
        if (!s.Marked && !inline && (nameEnd >= body.Length || body[nameEnd] is not (':' or '：'))) return null;
        if (inline) name = StripNoise(v, name);
        name = Unquoted(v, name);
        if (name.Length < 2) return null;
        // "（一）产出指标。…": a group of indicators is none itself.
        if (v.Lexicon.Pattern("group_word", prefix: "^(?:", suffix: $")(?:{Vocabulary.Alternation(v.Lexicon.Forms("group_tail"))})?$")
            .IsMatch(name.TrimEnd('。', '.', ':', '：'))) return null;
        // "（一）评价结论": an item titled as a section of the report heads that section.
        if (v.Lexicon.Facet("section").Where(e => e.Attribute("title") is not null).SelectMany(e => e.Forms)
            .Any(name.TrimEnd('。', '.', ':', '：').EndsWith)) return null;
        // "未完成指标说明：…": a comment on the indicators, whatever figures of theirs it repeats.
        if (v.Lexicon.Pattern("commentary", suffix: "$").IsMatch(name.TrimEnd('。', '.', ':', '：'))) return null;
        // "绩效指标分值90分，…": a sentence about the indicators as a whole names none of them.
        if (v.Lexicon.Matcher("role").IsWhole(name.TrimEnd('。', '.', ':', '：'), out _)) return null;

        var tags = v.IndicatorLabels.Tags(body);
        // Labels inside the indicator's own name ("本次评价项目支出预算执行率100%") name nothing.
        var nameSpans = Regex.Matches(body, Regex.Escape(name)).Select(m => new Span(m.Index, m.Length)).ToList();
        bool InName(int start, int length) => nameSpans.Any(n => n.Overlaps(new Span(start, length)));
        var labels = tags.Where(t => t.Facet is "role" or "measure" && !InName(t.Start, t.Length)).ToList();

        var parts = new Dictionary<string, (decimal Value, string? Unit, string? Op, bool OpWritten)>();
        var boxes = new Dictionary<string, Place>();
        var confidence = new Dictionary<string, float>();
        var restated = new List<IndicatorStatement>();
        var taken = new List<Span>();
        var lastEnd = nameEnd;
        foreach (Match m in Number().Matches(body))
        {
            // A number inside a label ("1-6月完成值") or the name is no value.
            if (m.Index < nameEnd || InName(m.Index, m.Length) || tags.Any(t => t.Facet == "role" && t.Start <= m.Index && m.Index < t.End)) continue;
            // A number inside the unit read after the one before ("2023-06-20前": "-06" and "-20") is no value.
            if (m.Index < lastEnd) continue;
            var clauseStart = Math.Max(lastEnd, Clauses.LastBoundary(body, m.Index));
            var (unit, unitEnd) = UnitAfter(body, m.Index + m.Length, tags);
            lastEnd = unitEnd;
            if (unit is not null && v.Lexicon.Forms("date_unit").Any(unit.StartsWith) && !m.Value.Contains('.')) continue;
            var label = labels.Where(t => t.Start >= clauseStart && t.End <= m.Index).OrderByDescending(t => t.End).FirstOrDefault();
            // The part the number is: its role label's; "实际支出364.20万元" in an indicator is its actual; an
            // operator with no label before the first number of a list item ("控制在380万元以内") states the target;
            // a clause naming the indicator again ("…败诉率目标不高于1%，全年败诉率为0%") states its actual.
            var role = label switch { { Facet: "role" } => label.Canonical, { Facet: "measure", Canonical: "actual" } => "actual", _ => null };
            var roleEnd = label?.End ?? clauseStart;
            if (inline && label is null && !parts.ContainsKey("target") && tags.Any(t => t.Facet == "op" && t.Start >= clauseStart && t.End <= m.Index))
                role = "target";
            if (role is null && !parts.ContainsKey("actual") && Core(v, name) is { } core && body[clauseStart..m.Index].Contains(core))
                role = "actual";
            if (role is null || !IsPart(role)) continue;
            if (role == "completion" && unit != "%") continue;
            if (role is "weight" or "score" && !v.IsScoreOrBare(unit)) continue;
            // "预算执行率指标权重15分，…该项得14.68分": points the clause gives the execution rate are not an indicator's.
            if (role is "weight" or "score" && v.Lexicon.Matcher("execution_row").Tags(body[clauseStart..m.Index]).Count > 0) continue;
            var value = Values.Parse(m.Value);
            var (op, written) = Operator(v, tags, roleEnd, m.Index, unitEnd);
            if (parts.TryAdd(role, (value, unit, op, written)))
            {
                taken.Add(new Span(bodyStart + m.Index, m.Length));
                if (flow.BoxOf(bodyStart + m.Index, unitEnd - m.Index) is { } box) boxes[role] = new Place(flow.PageAt(bodyStart + m.Index), box);
                if (flow.ConfidenceOf(bodyStart + m.Index, m.Length) is { } sure) confidence[role] = sure;
            }
            else
            {
                restated.Add(new IndicatorStatement(role, value, unit, flow.SourceSpan(bodyStart + clauseStart, unitEnd - clauseStart)));
                taken.Add(new Span(bodyStart + m.Index, m.Length));
            }
        }
        if (Scored.Count(parts.ContainsKey) < 2) return null;
        // An item of a list is an indicator only with its points: a narrative sentence has none.
        if (inline && !parts.ContainsKey("weight") && !parts.ContainsKey("score")) return null;

        Quantity? Q(string part) => parts.TryGetValue(part, out var p) ? new Quantity(p.Value, p.Unit) : null;
        decimal? N(string part) => parts.TryGetValue(part, out var p) ? p.Value : null;
        var target = parts.TryGetValue("target", out var t) ? new Target(t.Op ?? "=", t.Value, t.Unit) : null;
        var indicator = new Indicator(0, name, target, Q("midyear"), Q("actual"), N("completion"), N("weight"), N("score"),
            Explanation(v, body, "deviation"), Explanation(v, body, "improvement"), flow.PageAt(s.Index),
            flow.SourceSpan(s.Index, end - s.Index))
        {
            Label = s.Marked ? Label(v, LastMarker(v, text.Substring(s.Index, s.Length)) is var (at, len) ? flow.SourceSpan(s.Index + at, len) : "") : null,
            Restated = restated,
            Boxes = boxes,
            Confidence = confidence,
            Paragraph = flow.BlockAt(s.Index),
        };
        return new Block(indicator, taken, s.Index);
    }

    // "全年开展市容环境专项整治行动" → "市容环境专项整治行动", "委托…开展城市管理群众满意度测评" → "城市管理群众满意度":
    // the words a sentence opens with, and the act it ends with, are not the name.
    // "“文物藏品数字化采集”指标" → "文物藏品数字化采集": a quoted name, with the role word after it, is what is quoted.
    private static string Unquoted(Vocabulary v, string name)
    {
        var m = Regex.Match(name, @"^[“""「『]([^”""」』]{2,40})[”""」』](.*)$");
        if (!m.Success) return name;
        var rest = m.Groups[2].Value.Trim();
        return rest.Length == 0 || v.Lexicon.Matcher("role").IsWhole(rest, out _) ? m.Groups[1].Value : name;
    }

    private static string StripNoise(Vocabulary v, string name)
    {
        var head = v.Lexicon.Pattern("name_noise", prefix: "^(?:", suffix: ")");
        for (var m = head.Match(name); m.Success && m.Length > 0 && name.Length - m.Length >= 2; m = head.Match(name)) name = name[m.Length..];
        var tail = v.Lexicon.Pattern("name_suffix_noise", suffix: "$").Match(name);
        return tail.Success && name.Length - tail.Length >= 2 ? name[..tail.Index] : name;
    }

    // The core of a name that a later clause repeats ("败诉率" → "败诉", "同比下降率" → "同比下降"): its last
    // words without the measuring suffix (率, 数…).
    private static string? Core(Vocabulary v, string name)
    {
        var suffix = v.Lexicon.Pattern("name_tail", suffix: "$").Match(name);
        var stem = suffix.Success ? name[..suffix.Index] : name;
        return stem.Length >= 2 ? stem[^2..] : null;
    }

    private static bool IsPart(string role) => role is "target" or "midyear" or "actual" or "completion" or "weight" or "score";

    private static readonly Regex NumberRx = new(Lex.ArabicNumber, RegexOptions.CultureInvariant);
    private static Regex Number() => NumberRx;

    // The name follows the marker on its line, or opens the next line ("指标一：" / "培训费下降率：该指标…"),
    // up to the first clause mark, label, operator or number.
    private static (string? Name, int End) Name(Vocabulary v, string body)
    {
        var i = 0;
        while (i < body.Length && (char.IsWhiteSpace(body[i]) || body[i] is ':' or '：' or '.' or '、' or ',')) i++;
        // "名称：…" — a stretch without numbers up to a colon is the whole name, whatever words it holds
        // ("主要污染物减排任务完成率：目标值…").
        var colon = body.IndexOfAny(NameEnds, i);
        if (colon > i + 1 && body[colon] is ':' or '：' && !body[i..colon].Any(char.IsAsciiDigit) && colon - i <= 40)
        {
            var whole = body[i..colon].Trim();
            return v.Lexicon.Forms("pronoun").Any(whole.StartsWith) ? (null, colon) : (whole, colon);
        }
        // "绩效目标合理性（分值5分）：…": the same, with the points in brackets before the colon (read after the name).
        if (colon > i + 1 && body[colon] is ':' or '：' && colon - i <= 50
            && Regex.Match(body[i..colon], @"^(?<n>[^\d(（)）]{2,40}?)\s*[(（][^()（）]*\d[^()（）]*[)）]\s*$") is { Success: true } pointed
            && !v.Lexicon.Forms("pronoun").Any(pointed.Groups["n"].Value.StartsWith))
            return (pointed.Groups["n"].Value.Trim(), i + pointed.Groups["n"].Length);
        var tags = v.IndicatorLabels.Tags(body[i..]);
        var stop = tags.Where(t => (t.Facet == "op" && t.Entry.Attribute("postfix") is null || t.Facet == "role" && IsPart(t.Canonical)) && t.Start > 0)
            .Select(t => t.Start).DefaultIfEmpty(body.Length - i).Min();
        var j = i;
        // Digits end a name, unless they open it ("12345热线事件办结率").
        while (j < body.Length && j - i < stop && !(IsNameEnd(body[j]) && !(char.IsAsciiDigit(body[j]) && body[i..j].All(c => char.IsAsciiDigit(c) || c == ' ')))) j++;
        var name = body[i..j].Trim();
        // "该指标预期指标值…": a paragraph that refers back names no indicator of its own.
        if (v.Lexicon.Forms("pronoun").Any(name.StartsWith)) return (null, j);
        foreach (var filler in v.Lexicon.Forms("filler").OrderByDescending(f => f.Length))
            if (name.Length > filler.Length && name.EndsWith(filler, StringComparison.Ordinal)) { name = name[..^filler.Length]; break; }
        name = name.Trim();
        return name.Length < 2 ? (null, j) : (name, j);
    }

    private static bool IsNameEnd(char c) => c is ',' or '，' or '。' or ';' or '；' or ':' or '：' or '\n' or '(' or '（' || char.IsAsciiDigit(c);

    // A unit after a number: letters up to a clause mark, a label or an operator (at most six).
    private static (string? Unit, int End) UnitAfter(string body, int from, IReadOnlyList<Tag> tags)
    {
        var i = from;
        while (i < body.Length && body[i] == ' ') i++;
        var start = i;
        var stop = tags.Where(t => t.Start >= start && t.Facet is "role" or "op" or "measure").Select(t => t.Start).DefaultIfEmpty(body.Length).Min();
        var particles = UnitStops.Value;
        while (i < body.Length && i < stop && i - start < 6 && !char.IsWhiteSpace(body[i]) && !char.IsAsciiDigit(body[i]) && !particles.Contains(body[i])
               && !Clauses.IsBoundary(body[i]) && body[i] is not ('(' or '（' or ')' or '）' or ':' or '：' or '.' or '"' or '“' or '”'))
            i++;
        return i > start ? (body[start..i], i) : (null, i);
    }

    // Particles that end a unit ("85%的年度目标"): from the lexicon's unit_stop row.
    private static readonly Lazy<HashSet<char>> UnitStops = new(() =>
        Lex.Default.Forms("unit_stop").Where(f => f.Length == 1).Select(f => f[0]).ToHashSet());

    // The operator written between the role's label and the number, or right after the unit ("95%以上").
    private static (string? Op, bool Written) Operator(Vocabulary v, IReadOnlyList<Tag> tags, int roleEnd, int number, int unitEnd)
    {
        var before = tags.LastOrDefault(t => t.Facet == "op" && t.Start >= roleEnd && t.End <= number && t.Entry.Attribute("postfix") is null);
        if (before is not null) return (before.Canonical, true);
        var after = tags.FirstOrDefault(t => t.Facet == "op" && t.Start == unitEnd && t.Entry.Attribute("postfix") is not null);
        return after is not null ? (after.Canonical, true) : ("=", false);
    }

    // "偏差原因：…。", "改进措施：…。": the text after the label and its colon, up to the sentence end.
    private static string? Explanation(Vocabulary v, string body, string role)
    {
        var tag = v.IndicatorLabels.Tags(body).FirstOrDefault(t => t.Facet == "role" && t.Canonical == role && t.End < body.Length && body[t.End] is ':' or '：');
        if (tag is null) return null;
        var end = body.IndexOf('。', tag.End);
        var t = body[(tag.End + 1)..(end < 0 ? body.Length : end)].Trim();
        return t.Length == 0 || v.Lexicon.Forms("empty").Contains(t) ? null : t;
    }

    // Of markers in a row, the last: where it starts in the run, and its length.
    private static (int At, int Length) LastMarker(Vocabulary v, string run)
    {
        var at = 0;
        while (true)
        {
            while (at < run.Length && run[at] is ' ' or '\t') at++;
            var m = v.ItemStart.Match(run, at);
            if (!m.Success || m.Index != at || m.Length == 0) return (0, run.Length);
            if (run[(at + m.Length)..].Trim().Length == 0) return (at, m.Length);
            at += m.Length;
        }
    }

    // The marker as written, without its trailing punctuation or filler: "1." → "1", "一是" → "一", "（一）" stays.
    private static string Label(Vocabulary v, string marker)
    {
        var l = marker.Trim().TrimEnd('.', '．', '、', ',', '，', ':', '：', ' ');
        foreach (var filler in v.Lexicon.Forms("filler"))
            if (l.Length > filler.Length && l.EndsWith(filler, StringComparison.Ordinal)) return l[..^filler.Length];
        return l;
    }
}
