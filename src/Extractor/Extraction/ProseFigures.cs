using Extractor.Extraction.Lexicon;

namespace Extractor.Extraction;

/// <summary>
/// Figures stated in prose. Each value (a number with a unit) takes the labels in front of it in its
/// clause: the nearest <em>measure</em> (年初预算, 年中调整, 调整后/全年预算, 实际支出, 执行率, 调整率, 占比…)
/// and the <em>subject</em> named before it (基本支出, 项目支出, 上级/本级资金, 人员/公用经费, 政府采购…).
/// What the clause leaves unsaid comes from context, as a reader would take it: the sentence's subject,
/// the section, and for a 其中 breakdown the figure being broken down. The key follows from (subject,
/// measure, section) by the lexicon's key rows, and must be of the value's kind (money, percent, count).
/// </summary>
internal sealed class ProseFigures : IRecogniser
{
    private sealed class Context
    {
        public string? SentenceSubject;
        public bool SubjectFromPart;         // the sentence's subject was named by a 其中 part: a semicolon ends it
        public bool Breakdown;
        public string? ParentMeasure;        // the measure of the last money figure: what 其中 breaks down
        public string? ParentSubject;        // and its subject
        public string? Subject;              // the subject of the value being read
        public string? LastMeasure;          // the measure of the last figure of any kind
        public string? Measure;              // the measure of the value being read
        public bool LastWasPart;             // the last value was a named part of ParentKey, not a figure of its own
        public string? WholeSubject;         // the subject of the figure 其中 breaks down, and its measure
        public string? WholeMeasure;
        public string? LastCount;            // the measure of the last headcount read, and the one 其中 breaks down
        public string? WholeCount;
        public readonly HashSet<string> Parts = []; // the subjects the breakdown has named
        public bool SplitAdjustment;         // additions and cuts both stated, no net change yet: no adjustment
        public readonly List<decimal> SplitParts = []; // and their amounts, signed
        public bool BracketBreakdown;        // the breakdown stands in brackets: the closing bracket ends it
        public string? SubjectBeforeBreakdown;
        public readonly HashSet<string> KeysInSentence = [];
        public int LastEnd;
        public int SentenceStart;

        public void NewSentence()
        {
            SentenceSubject = null;
            Breakdown = false;
            Parts.Clear();
            KeysInSentence.Clear();
        }
    }

    public void Recognise(ExtractionContext cx, Candidates found)
    {
        foreach (var (start, heading) in cx.Flow.Paragraphs)
            if (!heading) ReadParagraph(cx, found, start, cx.Flow.LineAt(start), cx.Flow.SectionAt(start));
    }

    private static void ReadParagraph(ExtractionContext cx, Candidates found, int offset, string line, string section)
    {
        var v = cx.Vocabulary;
        var tags = Labels(v, line, v.ProseLabels);
        section = ParagraphSection(v, tags, line) ?? section;
        var ctx = new Context();
        var opening = true;
        foreach (System.Text.RegularExpressions.Match m in v.Value.Matches(line))
        {
            var between = line[ctx.LastEnd..m.Index];
            if (opening) { ctx.SentenceSubject = Opener(v, tags, line, 0, m.Index); Topic(v, tags, line, 0, ctx); }
            opening = false;
            if (between.Contains('。'))
            {
                ctx.NewSentence();
                ctx.SentenceStart = ctx.LastEnd + between.LastIndexOf('。') + 1;
                // "其他资金主要为…，…年中核减21.85万元": a sentence opening with a subject is about it.
                ctx.SentenceSubject = Opener(v, tags, line, ctx.SentenceStart, m.Index);
                Topic(v, tags, line, ctx.SentenceStart, ctx);
            }
            // A semicolon closes a breakdown, and the subject one of its parts named ("其中基本支出…、项目支出…；年中追加…").
            if (between.Contains(';') || between.Contains('；'))
            {
                ctx.Breakdown = false;
                if (ctx.SubjectFromPart) ctx.SentenceSubject = null;
            }
            // "、" lists parts of one noun phrase ("年中追加口袋公园、道路绿化等项目资金…"): not a clause boundary here.
            var clauseStart = Math.Max(ctx.LastEnd, Clauses.LastBoundary(line, m.Index, enumerations: false));
            // "（其中追加人员经费…、公用经费…）": a breakdown in brackets ends with them, and so does the subject it named.
            if (ctx.BracketBreakdown && (between.Contains('）') || between.Contains(')')))
            {
                ctx.Breakdown = ctx.BracketBreakdown = false;
                ctx.SentenceSubject = ctx.SubjectBeforeBreakdown;
                ctx.Parts.Clear();
            }
            var prefix = tags.Where(t => t.Start >= clauseStart && t.End <= m.Index).ToList();
            // "上级补助（中央和省级基本公共卫生服务等转移支付）212.60万元": words in brackets qualify the label before
            // them; a subject inside names no one when one stands outside.
            if (prefix.Any(t => t.Facet == "subject" && !InBrackets(line, clauseStart, m.Index, t)))
                prefix.RemoveAll(t => t.Facet == "subject" && InBrackets(line, clauseStart, m.Index, t));
            // "实际支出2,056.86万元（基本支出624.91万元、项目支出…）": brackets right after an amount break it down, as 其中 does.
            var aside = ctx.LastEnd > 0 && between.TrimStart() is ['（' or '(', ..] && Bracketed(line, m.Index);
            var breakdownAt = prefix.FirstOrDefault(t => t.Facet == "breakdown")?.Start ?? (aside ? ctx.LastEnd : -1);
            if (breakdownAt >= 0)
            {
                if (!ctx.Breakdown)
                {
                    ctx.WholeSubject = ctx.ParentSubject; ctx.WholeMeasure = ctx.ParentMeasure; ctx.WholeCount = ctx.LastCount; ctx.Parts.Clear();
                    ctx.SubjectBeforeBreakdown = ctx.SentenceSubject;
                    ctx.BracketBreakdown = aside || Bracketed(line, breakdownAt);
                }
                ctx.Breakdown = true;
            }
            ctx.LastEnd = m.Index + m.Length;
            if (found.Claimed(offset + m.Index, m.Length)) continue;
            if (Explains(tags, ctx.SentenceStart, clauseStart, prefix, m.Index)) continue;
            if (NamesOneProject(line, tags, prefix, clauseStart) || v.Threshold.IsMatch(line[clauseStart..m.Index])) continue;
            // "…补助资金64.10万元和人员经费4.30万元，合计追加68.40万元，…全年预算580.70万元": a total speaks of the whole again.
            // ("占本年支出合计的37.04%" names the total inside a label, as the share's base: not so).
            var totalWord = v.TotalWord.Match(line, clauseStart, m.Index - clauseStart);
            var totalClause = totalWord.Success && !prefix.Any(t => t.Facet is "measure" or "subject" && t.Start <= totalWord.Index && totalWord.Index < t.End);
            if (totalClause)
            {
                ctx.SentenceSubject = null;
                ctx.Breakdown = false;
            }
            // "预算调整率落在10%—15%区间": the ends of a range are a scoring band, not figures.
            if (v.RangeNext.IsMatch(line, m.Index + m.Length) || v.RangePrevious.IsMatch(line[clauseStart..m.Index])) continue;
            // "力争2025年项目支出执行率达到95%": an aim for later is no figure of the year.
            if (v.Intent.IsMatch(line[clauseStart..m.Index])) continue;
            // "截至6月30日，中心累计支出547.90万元，支出进度46.18%": figures of a point inside the year are not the year's.
            if (Interim(v, line, ctx.SentenceStart, m.Index)) continue;

            var unit = m.Groups["unit"].Value;
            var kind = v.UnitKind(unit);
            var value = Values.Parse(m.Groups["num"].Value);
            // The whole sentence tells what points are about ("预算执行指标分值10分，按预算执行比率计算得9.66分").
            var sentenceEnd = line.IndexOf('。', m.Index);
            var sentence = tags.Where(t => t.Start >= ctx.SentenceStart && (sentenceEnd < 0 || t.End <= sentenceEnd)).ToList();
            var key = Classify(v, line, clauseStart, line[clauseStart..m.Index], prefix, sentence, kind, section, ctx, ref value);
            // "追加…620万元，…收回调减部分项目资金238.60万元": a cut after an addition (or the reverse) in one sentence
            // leaves the change unstated, whoever's money the cut names.
            if (key is null && kind == "money" && ctx.Measure == "adjustment" && !ctx.Breakdown && Sign(prefix) is { } said
                && DropSplitAdjustment(found, offset + ctx.SentenceStart, offset + m.Index, said == "minus", ctx.SplitParts))
            {
                ctx.SplitAdjustment = true;
                ctx.SplitParts.Add(said == "minus" ? -Math.Abs(value) : Math.Abs(value));
            }
            // "核定行政编制46名、事业编制22名，共68名": a bare sum of headcounts is the figure, its items before it are not.
            if (key is null && kind == "count" && ctx.LastCount is { } items
                && v.Lexicon.Pattern("sum_lead", prefix: "^(?:", suffix: ")$").IsMatch(line[clauseStart..m.Index].Trim(' ', ',', '，', '、'))
                && v.Keys.Key(v.DefaultSubject(section), items, section) is { } sumKey
                && found.Figures.RemoveAll(f => f.Key == sumKey && f.Offset >= offset + ctx.SentenceStart && f.Offset < offset + m.Index) > 0)
            {
                key = sumKey;
                ctx.KeysInSentence.Remove(sumKey);
            }
            // "一般公共预算实际支出2,463.17万元，…其中基本支出236.92万元": what 其中 breaks down is the amount before it,
            // whether or not a key holds that amount itself.
            if (key is null && kind == "money" && !ctx.Breakdown && !ctx.LastWasPart && ctx.Measure is { } amountMeasure && amountMeasure != "none")
                (ctx.ParentMeasure, ctx.ParentSubject) = (amountMeasure, null);
            if (key is null || !KindFits(key, kind)) continue;
            // "追加186.50万元；…核减42.30万元。全年净调增144.20万元" (or "合计追加68.40万元"): the net change or the total
            // is the adjustment, the additions and cuts before it in the paragraph its parts.
            var net = key == Keys.Adjustment && (totalClause || v.NetChange.IsMatch(line[clauseStart..m.Index])
                // "追加1,215.36万元；…收回130.60万元。全年预算调增1,084.76万元": the change the parts add up to is the net one.
                || ctx.SplitAdjustment && ctx.SplitParts.Count >= 2 && Math.Abs(Math.Abs(value) - Math.Abs(ctx.SplitParts.Sum())) <= 0.01m);
            if (net) found.Figures.RemoveAll(f => f.Key == key && f.Offset >= offset && f.Offset < offset + m.Index);
            // "追加620万元，…调减238.60万元" with no net change after them (or "合计追加426万元；…压减38.50万元"):
            // additions and cuts both stated leave the change unstated; neither is it.
            if (key == Keys.Adjustment && !net && !ctx.Breakdown
                && (DropSplitAdjustment(found, offset, offset + m.Index, value < 0, ctx.SplitParts) || ctx.SplitAdjustment))
            {
                ctx.SplitAdjustment = true;
                ctx.SplitParts.Add(value);
                continue;
            }
            if (net) { ctx.SplitAdjustment = false; ctx.SplitParts.Clear(); }
            if (!ctx.KeysInSentence.Add(key) && !net) continue; // a second statement in one sentence is a sub-item
            if (!ctx.LastWasPart)
            {
                ctx.LastMeasure = ctx.Measure;
                if (kind == "money") { ctx.ParentMeasure = ctx.Measure; ctx.ParentSubject = ctx.Subject; }
            }
            ctx.LastCount = kind == "count" ? ctx.Measure : null;
            var lead = line[clauseStart..m.Index];
            var spanStart = offset + clauseStart + (lead.Length - lead.TrimStart().Length);
            var spanLength = offset + m.Index + m.Length - spanStart;
            found.Figures.Add(new Figure(key, kind == "money" ? Money.ToWan(value, unit) : value, unit,
                cx.Flow.SourceSpan(spanStart, spanLength), cx.Flow.PageAt(offset + m.Index), spanStart)
            {
                Decimals = Values.Decimals(m.Groups["num"].Value),
                Box = cx.Flow.BoxOf(offset + m.Index, m.Length), Paragraph = cx.Flow.BlockAt(offset + m.Index),
                Confidence = cx.Flow.ConfidenceOf(offset + m.Index, m.Length),
            });
            found.Take(offset + m.Index, m.Length);
        }
    }

    // "年中调整主要是…追加…资金60万元，同时…核减…10万元": amounts after 主要是 in its clause, and in later clauses
    // of the sentence with the measure it explains, say what a figure was made of; they are not figures.
    private static bool Explains(List<Tag> tags, int sentenceStart, int clauseStart, List<Tag> prefix, int at)
    {
        var explanation = tags.LastOrDefault(t => t.Facet == "explanation" && t.Start >= sentenceStart && t.End <= at);
        if (explanation is null) return false;
        if (explanation.Start >= clauseStart) return true;
        // The measure it explains is the strongest before it ("年中追加预算…，主要为…" explains 追加, not 预算).
        var explained = Strongest(tags.Where(t => t.Start >= sentenceStart && t.End <= explanation.Start));
        return explained is not null && Strongest(prefix)?.Canonical == explained.Canonical;
    }

    // An adjustment of the other sign read between from and to makes the change unstated: those readings are dropped.
    private static bool DropSplitAdjustment(Candidates found, int from, int to, bool minus, List<decimal>? parts = null)
    {
        bool Between(Figure f) => f.Key == Keys.Adjustment && f.Offset >= from && f.Offset < to;
        if (!found.Figures.Any(f => Between(f) && (f.Value < 0) != minus)) return false;
        parts?.AddRange(found.Figures.Where(Between).Select(f => f.Value));
        found.Figures.RemoveAll(Between);
        return true;
    }

    // Does the tag stand inside brackets opened after the clause's start and closed before the value?
    private static bool InBrackets(string line, int clauseStart, int at, Tag t)
    {
        var open = line.LastIndexOfAny(['（', '('], Math.Max(0, t.Start - 1));
        if (open < clauseStart) return false;
        var close = line.IndexOfAny(['）', ')'], open);
        return close >= t.End && close < at;
    }

    private static bool Interim(Vocabulary v, string line, int from, int to)
    {
        foreach (System.Text.RegularExpressions.Match i in v.Interim.Matches(line[from..to]))
            if (!i.Groups["m"].Success || ChineseNumberReader.Instance.TryRead(i.Groups["m"].Value, out var month) && month < 12) return true;
        return false;
    }

    // Is the position inside brackets opened before it and not yet closed?
    private static bool Bracketed(string line, int position)
    {
        var open = line.LastIndexOfAny(['（', '('], Math.Max(0, position - 1));
        if (open < 0) return false;
        var close = line.IndexOfAny(['）', ')'], open);
        return close < 0 || close > position;
    }

    /// <summary>
    /// The labels of a text: a subject inside a mask ("按上级要求") names no one, and a weak measure inside a
    /// longer subject ("预算" in "一般公共预算财政拨款") measures nothing. Table labels by default; prose passes
    /// <see cref="Vocabulary.ProseLabels"/>.
    /// </summary>
    internal static List<Tag> Labels(Vocabulary v, string text, Matcher? matcher = null)
    {
        var tags = (matcher ?? v.FigureLabels).Tags(text);
        // In prose, a measure opening a whole's name measures it ("支出合计1,787.95万元"); a table's column does that.
        var prose = matcher == v.ProseLabels;
        var masks = tags.Where(t => t.Facet == "subject_mask").ToList();
        var subjects = tags.Where(t => t.Facet == "subject").ToList();
        bool Inside(Tag t, Tag outer) => t.Start >= outer.Start && t.End <= outer.End && t.Length < outer.Length;
        return tags.Where(t => t.Facet != "subject_mask"
            && !(t.Facet == "subject" && masks.Any(m => Inside(t, m) || t.Start >= m.Start && t.End <= m.End))
            && !(t.Facet == "measure" && subjects.Any(s => Inside(t, s) && !(prose && s.Canonical == "whole" && t.Start == s.Start)))).ToList();
    }

    /// <summary>
    /// A paragraph that opens with a subject that is also a section ("基本支出全年预算…；实际支出…") is about that
    /// subject as a section would be (after a year or a filler, before any measure), unless joined to another.
    /// </summary>
    private static string? ParagraphSection(Vocabulary v, List<Tag> tags, string line)
    {
        var first = tags.FirstOrDefault(t => t.Facet is "subject" or "measure");
        if (first is null || first.Facet != "subject" || first.Start > 8 || line[..first.Start].Any(c => c is ',' or '，' or ':' or '：')) return null;
        if (JoinedToAnother(v, line, tags, first)) return null; // "基本支出和项目支出情况：…" is about neither alone
        // "一是退化草原修复项目资金下达晚": the subject ends a longer name (one project's funds), not a section's.
        if (Lead(v, line[..first.Start]).Count(c => c is >= '\u4e00' and <= '\u9fff') >= 4) return null;
        // "一是项目前期准备不足": the bare word 项目 before a noun no label covers names that noun's matter, not a section.
        if (first.Length == 2 && first.End < line.Length && line[first.End] is >= '\u4e00' and <= '\u9fff'
            && !tags.Any(t => t.Start == first.End)) return null;
        return v.Lexicon.Facet("section").Any(e => e.Canonical == first.Canonical) ? first.Canonical : null;
    }

    // What stands before a paragraph's first label, less its item marker, years and fillers.
    private static string Lead(Vocabulary v, string lead)
    {
        if (v.ItemStart.Match(lead.TrimStart()) is { Success: true } marker) lead = lead.TrimStart()[marker.Length..];
        lead = v.Lexicon.Pattern("date_unit", prefix: @"(?:19|20)\d\d\s*(?:", suffix: ")").Replace(lead, "");
        foreach (var filler in v.Lexicon.Forms("filler")) lead = lead.Replace(filler, "");
        return lead;
    }

    /// <summary>The sign word nearest before the value ("追加和核减相抵后净增加…" is a plus).</summary>
    internal static string? Sign(IEnumerable<Tag> tags) => tags.Where(t => t.Facet == "sign").MaxBy(t => t.End)?.Canonical;

    /// <summary>The measure nearest before the value, of those not marked weak when any such stands in the clause.</summary>
    internal static Tag? Strongest(IEnumerable<Tag> tags)
    {
        var measures = tags.Where(t => t.Facet == "measure").ToList();
        var strong = measures.Where(t => t.Entry.Attribute("weak") is null).ToList();
        var nearest = (strong.Count > 0 ? strong : measures).OrderByDescending(t => t.End).ThenBy(t => t.Start).FirstOrDefault();
        // A budget noun right after another measure is that measure's noun ("年中追加" + "预算数").
        if (nearest?.Entry.Attribute("noun") is not null && measures.FirstOrDefault(t => t.End == nearest.Start && t != nearest) is { } owner)
            return owner;
        return nearest;
    }

    private static bool KindFits(string key, string? unitKind) => Keys.KindOf(key) switch
    {
        KeyKind.Money => unitKind == "money",
        KeyKind.Percent => unitKind == "percent",
        KeyKind.Count => unitKind == "count",
        KeyKind.Score => unitKind == "score",
        _ => false,
    };

    private static string? Classify(Vocabulary v, string line, int clauseStart, string clause, List<Tag> prefix, List<Tag> sentence, string? kind, string section, Context ctx, ref decimal value)
    {
        if (kind == "score") return ScoreKey(v, clause, prefix, sentence, section, value, clauseStart + clause.Length);
        var measure = Strongest(prefix) ?? SpentBy(v, line, clauseStart + clause.Length, prefix, ctx);
        ctx.Measure = measure?.Canonical;
        if (measure?.Canonical == "none") { ctx.LastWasPart = false; return null; }
        // A subject named before the measure ("基本支出年初预算数"), or inside it ("年初本级预算"); one named
        // after it belongs to the next clause.
        var subjects = prefix.Where(t => t.Facet == "subject").ToList();
        // Of several subjects before the measure, the nearest that makes a key ("“三公”经费财政拨款预算" is 三公's).
        var before = measure is null ? [] : subjects.Where(t => t.Start < measure.Start).OrderByDescending(t => t.End).ToList();
        var subjectTag = measure is null
            ? subjects.OrderByDescending(t => t.End).FirstOrDefault()
            : before.FirstOrDefault(t => v.Keys.Key(t.Canonical, measure.Canonical, section) is not null || t.Canonical == "part") ?? before.FirstOrDefault()
              ?? subjects.Where(t => t.Start >= measure.Start && t.End <= measure.End && t.Canonical is not ("whole" or "part")).OrderByDescending(t => t.End).FirstOrDefault()
              // After a weak measure ("实际政府采购…"), the subject that follows it.
              ?? (measure.Entry.Attribute("weak") is null ? null
                  : subjects.Where(t => t.Start >= measure.End && t.Canonical is not ("whole" or "part")).OrderBy(t => t.Start).FirstOrDefault());
        // "…三类资金合计占项目支出的71.3%": a share's base is named after 占; a base other than the whole makes no
        // share a key holds (the keys' shares are of the total spending).
        if (measure?.Canonical == "share" && subjects.Any(t => t.Start > measure.Start && t.End <= measure.End && t.Canonical != "whole")) return null;
        // "财政资金支出合计": a part's name right before a whole's qualifies the whole.
        if (subjectTag?.Canonical == "part" && subjects.FirstOrDefault(t => t.Canonical == "whole" && t.Start == subjectTag.End) is { } qualified)
            subjectTag = qualified;
        // "基本支出和项目支出情况：全年支出数…": two subjects joined name a topic, not whose figure it is.
        if (subjectTag is not null && measure is not null && JoinedToAnother(v, line, prefix, subjectTag)) subjectTag = null;
        var subject = subjectTag?.Canonical;
        if (subjectTag?.Entry.Attribute("sentence") is not null)
        {
            ctx.SentenceSubject = subject;
            ctx.SubjectFromPart = measure is null && ctx.Breakdown;
        }

        if (measure is null)
        {
            // "其中：基本支出 350.93 万元": a named part of the figure being broken down. A part named after the
            // figure's own subject ("政府采购…，其中政府采购货物支出…") is a subdivision no key holds.
            if (subject is null || ctx.ParentMeasure is null || subject == ctx.ParentSubject) return null;
            if (ctx.Breakdown) ctx.Parts.Add(subject);
            ctx.LastWasPart = true;
            // "分资金来源看，中央财政资金支出476.32万元，执行率98.25%；…": outside a 其中 list, the part named is what
            // the clauses after it speak of, up to the semicolon.
            if (!ctx.Breakdown && ctx.SentenceSubject is null) { ctx.SentenceSubject = subject; ctx.SubjectFromPart = true; }
            return v.Keys.Key(subject, ctx.ParentMeasure, section);
        }
        var afterPart = ctx.LastWasPart;
        ctx.LastWasPart = false;
        // "实有在职人员24人，其中行政编制人员13人": a headcount's parts are categories of it, whatever word names them.
        // ("共有编制26名，其中：行政编制10名，事业编制16名，实有在编20人": once parts of the headcount's own measure are
        // listed, another measure is a figure again.)
        if (ctx.Breakdown && subject is null && ctx.WholeCount is { } counted)
        {
            if (counted == measure.Canonical) ctx.WholeCount = null;
            else return null;
        }
        // After 其中, a value of the figure's own measure that names no part is a sub-item ("其中：行政编制 10 名");
        // right after a named part it is that part's ("其中：基本支出412.06万元，执行率99.10%").
        if (ctx.Breakdown && subject is null && measure.Canonical == ctx.LastMeasure && !afterPart) return null;
        if (ctx.Breakdown && subject is not null) ctx.Parts.Add(subject);
        // Once 其中 has named two parts, a clause of another measure naming none is about the whole again
        // ("调减23.50万元，其中基本支出调减3.50万元，项目支出调减20.00万元，调整后全年预算588.98万元").
        if (ctx.Breakdown && subject is null && ctx.Parts.Count >= 2 && measure.Canonical != ctx.WholeMeasure)
        {
            ctx.Breakdown = false;
            ctx.SentenceSubject = subject = ctx.WholeSubject;
        }
        // "…，兽医实验室能力提升项目部分设备验收滞后，执行率仅为83.17%": after a clause naming one project, a figure
        // naming no subject is that project's.
        if (subject is null && !prefix.Any(t => t.Facet == "subject") && OneProjectBefore(v, line, sentence, clauseStart)) return null;
        // "（一）…林地养护项目因…调整，执行率为95.52%": where a section discusses particular cases (存在问题), a figure
        // naming no subject after a clause that named a project is that project's, not the unit's.
        if (subject is null && ctx.SentenceSubject is null && v.NeedsSubject(section) && prefix.Count > 0
            && sentence.Any(t => t.Facet == "subject" && t.Canonical == "project" && t.End <= prefix.Min(p => p.Start))) return null;
        subject ??= ctx.SentenceSubject ?? v.DefaultSubject(section);
        ctx.Subject = subject;
        if (measure.Canonical == "adjustment" && Sign(prefix) == "minus" && value > 0) value = -value;
        var key = v.Keys.Key(subject, measure.Canonical, section);
        // "年初预算31,865.24万元，其中基本支出预算27,415.24万元": a part's weak measure repeats the whole's noun.
        if (ctx.Breakdown && measure.Entry.Attribute("weak") is not null && ctx.WholeMeasure is { } whole && whole != measure.Canonical
            && v.Keys.Key(subject, whole, section) is { } partKey && key is not null && Keys.KindOf(partKey) == Keys.KindOf(key))
            return partKey;
        return key;
    }

    // "“三公”经费支出1.86万元": outside a 其中 list, a subject then a measure word kept for tables (支出) and the
    // value, nothing between: that measure.
    private static Tag? SpentBy(Vocabulary v, string line, int at, List<Tag> prefix, Context ctx)
    {
        if (ctx.Breakdown || prefix.LastOrDefault(t => t.Facet == "subject") is not { } subject || subject.End >= at) return null;
        var tail = line[subject.End..at];
        var word = v.FigureLabels.Tags(tail).FirstOrDefault(t => t.Facet == "measure" && t.Start == 0 && t.Entry.Attribute("label") is not null);
        if (word is null || tail[word.End..].Trim().Length > 0) return null;
        // ("中央财政资金支出476.32万元，执行率98.25%；…": what follows up to the semicolon is that subject's.)
        if (ctx.SentenceSubject is null) { ctx.SentenceSubject = subject.Canonical; ctx.SubjectFromPart = true; }
        return word with { Start = word.Start + subject.End };
    }

    // "年初预算中，基本支出5,214.60万元，项目支出13,409.90万元": a sentence opening with a measure as its topic
    // breaks that measure down into the parts it names.
    private static void Topic(Vocabulary v, List<Tag> tags, string line, int start, Context ctx)
    {
        var first = tags.FirstOrDefault(t => t.Start >= start && t.Facet is "subject" or "measure");
        if (first is not { Facet: "measure" } || first.Start - start > 6 || line[start..first.Start].Any(Clauses.IsBoundary)) return;
        if (!v.Lexicon.Pattern("topic_within", prefix: @"\G(?:", suffix: @")\s*[,，:：]").IsMatch(line, first.End)) return;
        ctx.ParentMeasure = ctx.WholeMeasure = first.Canonical;
        ctx.ParentSubject = ctx.WholeSubject = null;
        ctx.Breakdown = true;
        ctx.Parts.Clear();
    }

    // The subject a sentence opens with (within a few characters, before any clause mark): it holds for the sentence
    // when it is a sentence's subject, or when its own clause goes on without a figure (a topic: "其他资金主要为…，").
    private static string? Opener(Vocabulary v, List<Tag> tags, string line, int start, int firstValue)
    {
        var first = tags.FirstOrDefault(t => t.Start >= start && t.Facet is "subject" or "measure");
        if (first is not { Facet: "subject" } || first.Start - start > 4 || line[start..first.Start].Any(Clauses.IsBoundary)
            || first.Canonical is "whole" or "part" || JoinedToAnother(v, line, tags, first)) return null;
        var topic = line[start..first.Start].Trim().Length == 0 && first.End <= firstValue && line[first.End..firstValue].Any(Clauses.IsBoundary);
        return first.Entry.Attribute("sentence") is not null || topic ? first.Canonical : null;
    }

    private static bool OneProjectBefore(Vocabulary v, string line, List<Tag> sentence, int clauseStart)
    {
        // ("…能力提升项目部分设备…": 部分 there is "some of", no subject of its own.)
        var last = sentence.Where(t => t.Facet == "subject" && t.Canonical != "part" && t.End <= clauseStart).MaxBy(t => t.End);
        if (last is not { Canonical: "project", Length: 2 }) return false;
        // "共实施项目3个": a count of the projects names none of them.
        if (v.Lexicon.Pattern("count").Matches(line).Any(c => c.Index <= last.Start && last.End <= c.Index + c.Length)) return false;
        var from = Math.Max(Clauses.LastBoundary(line, last.Start), sentence.Where(t => t.End <= last.Start).Select(t => t.End).DefaultIfEmpty(0).Max());
        // "年中追加…妇幼项目补助等186.40万元": after its measure the name says what the money went to.
        if (sentence.Any(t => t.Facet == "measure" && t.End <= last.Start && t.Start >= Clauses.LastBoundary(line, last.Start))) return false;
        var name = line[from..last.Start];
        return name.Length >= 4 && name.All(c => c >= '\u4e00' && c <= '\u9fff');
    }

    private static bool JoinedToAnother(Vocabulary v, string line, List<Tag> prefix, Tag subject) =>
        prefix.Any(t => t.Facet == "subject" && t != subject && t.Canonical is not ("whole" or "part") && t.Canonical != subject.Canonical
            && (t.End <= subject.Start ? Joins(v, line[t.End..subject.Start]) : subject.End <= t.Start && Joins(v, line[subject.End..t.Start])));

    private static bool Joins(Vocabulary v, string between) => v.Lexicon.Matcher("subject_join").IsWhole(between, out _);

    // "残疾人托养服务项目执行率为90.73%": a name no lexicon word covers, right before the bare word 项目,
    // makes the clause about one project, not the unit's projects as a whole.
    private static bool NamesOneProject(string line, List<Tag> tags, List<Tag> prefix, int clauseStart)
    {
        var project = prefix.FirstOrDefault(t => t.Facet == "subject" && t.Canonical == "project" && t.Length == 2);
        // "年中追加…妇幼项目补助等186.40万元": after its measure the name says what the money went to.
        if (project is null || prefix.Any(t => t.Facet == "measure" && t.End <= project.Start)) return false;
        var start = tags.Where(t => t.End <= project.Start).Select(t => t.End).DefaultIfEmpty(0).Max();
        start = Math.Max(start, clauseStart);
        var name = line[start..project.Start];
        return name.Length >= 5 && name.All(c => c >= '\u4e00' && c <= '\u9fff');
    }

    // Points: the execution score and its weight in a sentence about the execution rate, the total elsewhere.
    private static string? ScoreKey(Vocabulary v, string clause, List<Tag> prefix, List<Tag> sentence, string section, decimal value, int at)
    {
        bool Has(List<Tag> tags, string facet, string canonical) => tags.Any(t => t.Facet == facet && t.Canonical == canonical);
        // "预算执行率得9.71分，绩效指标得89分，综合得分98.71分": a clause naming the execution rate and points is its score,
        // whatever else the sentence totals; one naming a group of indicators (产出指标得49分) is that group's, no key.
        // ("6.预算执行率得分：预算执行率权重10分": the role nearest the value says which.)
        var nearestRole = prefix.Where(t => t.Facet == "role").MaxBy(t => t.End)?.Canonical;
        if (nearestRole == "weight" && Has(prefix, "measure", "execution_rate") && value < 100) return Keys.ExecutionWeight;
        if (Has(prefix, "measure", "execution_rate") && Has(prefix, "role", "score") && !Has(prefix, "role", "total_score")) return Keys.ExecutionScore;
        // "预算执行得分9.63分": the execution row's own words with points scored are its score too.
        var executionWords = v.Lexicon.Matcher("execution_row").Tags(clause).Count > 0;
        if (executionWords && Has(prefix, "role", "score") && !Has(prefix, "role", "total_score")) return Keys.ExecutionScore;
        var ofGroup = v.Lexicon.Matcher("group_word").Tags(clause).Count > 0;
        if (Has(prefix, "role", "score") && !Has(prefix, "role", "total_score") && ofGroup) return null;
        // "一级指标分值设置为产出指标50分": a group's weight, not the execution's, however the sentence goes on.
        if (Has(prefix, "role", "weight") && !Has(prefix, "measure", "execution_rate") && ofGroup) return null;
        var aboutExecution = Has(sentence, "measure", "execution_rate") && !Has(sentence, "role", "total_score");
        // "按“预算执行率×10分”计算": the points the rate is multiplied by are its weight.
        if ((aboutExecution || executionWords) && v.Lexicon.Pattern("multiply", suffix: @"\s*$").IsMatch(clause) && value < 100) return Keys.ExecutionWeight;
        // "三级指标12项，分值合计90分，另设预算执行率指标10分": points the indicators total, or stated after a clause
        // naming the indicators and before any word of the execution, are theirs.
        if (Has(prefix, "role", "weight") && (v.TotalWord.IsMatch(clause)
            || !executionWords && sentence.Any(t => t.Facet == "role" && t.Canonical == "name" && t.End <= at)
               && !sentence.Any(t => t.Facet == "measure" && t.Canonical == "execution_rate" && t.End <= at))) return null;
        // "另将预算执行率纳入评分，满分100分": full marks of the whole scale are no one indicator's weight.
        if (aboutExecution && Has(prefix, "role", "weight") && !Has(prefix, "role", "score")) return value < 100 ? Keys.ExecutionWeight : null;
        // "绩效指标部分得88分，预算执行率得9.78分": points its clause gives the indicators are not the execution's.
        // ("绩效指标分值90分，自评得87.70分；预算执行率…得9.72分": so are points scored after a clause naming them and
        // before any word of the execution.)
        var ofIndicators = Has(prefix, "role", "name") && !Has(prefix, "measure", "execution_rate") && !Has(prefix, "role", "total_score")
            || !executionWords && !Has(prefix, "role", "total_score") && sentence.Any(t => t.Facet == "role" && t.Canonical == "name" && t.End <= at)
               && !sentence.Any(t => t.Facet == "measure" && t.Canonical == "execution_rate" && t.End <= at);
        if (aboutExecution && Has(prefix, "role", "score") && !ofIndicators) return Keys.ExecutionScore;
        if (ofIndicators && Has(prefix, "role", "score")) return null; // the indicators' part of the total, no key
        // "另设预算执行率指标10分": points right after the execution rate named as an indicator are its weight.
        if (aboutExecution && value < 100 && prefix.LastOrDefault(t => t.Facet == "measure") is { Canonical: "execution_rate" } rate
            && prefix.Any(t => t.Facet == "role" && t.Canonical == "name" && t.Start >= rate.End)) return Keys.ExecutionWeight;
        // "总分100分，其中预算执行10分": a bare 总分 of 100 is the scale's points, not what the unit scored.
        if (value == 100m && prefix.Any(t => t.Facet == "role" && t.Canonical == "total_score" && t.Length == 2)
            && !prefix.Any(t => t.Facet == "role" && t.Canonical == "total_score" && t.Length > 2)) return Keys.WeightTotal;
        if (Has(prefix, "role", "total_score") || (section == "conclusion" && Has(prefix, "role", "score"))) return Keys.TotalScore;
        return null;
    }
}

/// <summary>Clause boundaries of the normalised text.</summary>
internal static class Clauses
{
    public static bool IsBoundary(char c) => c is ',' or ';' or '。' or '、' or '，' or '；';

    /// <summary>The marks that end a clause, for splitting a short text into its clauses.</summary>
    public static readonly char[] Marks = [',', ';', '。', '，', '；'];

    /// <summary>The start of the clause a position stands in; "、" counts only when <paramref name="enumerations"/>.</summary>
    public static int LastBoundary(string line, int before, bool enumerations = true)
    {
        for (var i = before - 1; i >= 0; i--)
            if (IsBoundary(line[i]) && (enumerations || line[i] != '、')) return i + 1;
        return 0;
    }
}
