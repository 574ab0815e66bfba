using System.Text.RegularExpressions;

namespace Extractor.Extraction;

/// <summary>
/// Figures stated in prose. Each value (a number with a unit) is read together with the words in
/// front of it in its clause: those name a <em>measure</em> (年初预算, 年中调整, 调整后/全年预算,
/// 实际支出/执行金额, 执行率, 调整率, 占总支出) and maybe a <em>subject</em> (基本支出, 项目支出,
/// 上级/本级/其他资金, 人员/公用经费, 政府采购, 三公经费). What the clause leaves unsaid comes from
/// context, as a reader would take it: the sentence's subject, the section heading's topic, and for
/// a "其中" breakdown the figure being broken down. Keys follow from (subject, measure, topic).
/// </summary>
internal static partial class ProseFigures
{
    internal enum Measure { None, Initial, Adjustment, Adjusted, Actual, ExecutionRate, AdjustmentRate, Share }

    internal enum Subject { None, Whole, Basic, Project, Superior, Local, Other, Personnel, Public, Procurement, ThreePublic, Part }

    [GeneratedRegex(@"(?<num>" + Values.Number + @")\s*(?<unit>亿元|万元|元|%|分)")]
    private static partial Regex ValueRx();

    private static readonly (Measure Measure, Regex Rx)[] Measures =
    [
        (Measure.Initial, new Regex(@"年初.{0,6}?预算(?:数|安排)?|年初(?:批复|安排)")),
        (Measure.Adjustment, new Regex(@"(?:年中|年度中间?|年内|年度内|全年)(?:预算)?.{0,4}?(?:调整|调增|调减|追加|追减|压减|核减|核增)(?!后|率)(?:预算)?(?:数|金额|资金)?|(?:调增|调减|追加|追减|压减|核减|核增)(?:预算)?(?:数|金额|资金)?")),
        (Measure.Adjusted, new Regex(@"调整后|全年预算(?:数|总额|金额|总投入)?|预算总额|预算数\(调整后\)|总金额|预算总投入|预算金额|预算数")),
        (Measure.Actual, new Regex(@"实际支出(?:资金|金额|数)?|执行数|执行金额|支出金额(?:共计|合计|共)?|实际支付|决算(?:支出|数)?|支出决算|全年(?:总)?支出|总支出|实际.{0,6}?数|支出资金")),
        (Measure.ExecutionRate, new Regex(@"执行率")),
        (Measure.AdjustmentRate, new Regex(@"调整率")),
        (Measure.Share, new Regex(@"占.{0,4}?支出.{0,3}?(?:比[例重])?")),
    ];

    private static readonly (Subject Subject, Regex Rx)[] Subjects =
    [
        (Subject.Basic, new Regex("基本支出")),
        (Subject.Project, new Regex("项目支出|专项项目|项目专项|专项支出|项目")),
        (Subject.Superior, new Regex("上级")),
        (Subject.Local, new Regex("本级")),
        (Subject.Other, new Regex("其他资金")),
        (Subject.Personnel, new Regex("人员经费")),
        (Subject.Public, new Regex("公用经费")),
        (Subject.Procurement, new Regex("政府采购")),
        (Subject.ThreePublic, new Regex("三公")),
        (Subject.Part, new Regex("部分|工资福利|商品和服务|转移支付|财政资金|财政拨款|自治区|中央|对个人和家庭|资本性")),
    ];

    private static readonly Regex Reduction = new("调减|减少|压减|追减|核减");
    private static readonly Regex TotalScore = new("综合得分|总得分|总分|绩效得分|评价得分|自评得分|得分");
    private static readonly Regex ExecutionScore = new(@"得分?|评分");
    private static readonly Regex ExecutionWeight = new(@"分值|权重");

    internal enum Topic { Main, Basic, Project, Procurement, ThreePublic, Performance, Conclusion }

    internal static Topic TopicOf(string heading, bool topLevel, Topic current)
    {
        if (heading.Contains("基本支出")) return Topic.Basic;
        if (heading.Contains("三公")) return Topic.ThreePublic;
        if (heading.Contains("政府采购")) return Topic.Procurement;
        if (Regex.IsMatch(heading, "结论|自评结果|评价结果|自评得分|综合评价")) return Topic.Conclusion;
        if (Regex.IsMatch(heading, "绩效分析|绩效指标|指标完成|绩效目标|目标完成|目标实现|指标情况")) return Topic.Performance;
        if (Regex.IsMatch(heading, "项目")) return Topic.Project;
        if (topLevel || Regex.IsMatch(heading, "预算|资金使用|调整|执行")) return Topic.Main;
        return current;
    }

    public static void Extract(FlowText flow, Spans consumed, Report report)
    {
        var text = flow.Text;
        var topic = Topic.Main;
        foreach (var (start, heading) in flow.Paragraphs)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text[start..end];
            if (heading)
            {
                topic = TopicOf(line, Regex.IsMatch(line, @"^\s*[一二三四五六七八九十]+\s*[、.]"), topic);
                continue;
            }
            ExtractParagraph(flow, start, line, topic, consumed, report);
        }
    }

    private sealed class Context
    {
        public Subject SentenceSubject = Subject.None;
        public bool Breakdown;
        public string? ParentKey;          // the last money figure of the paragraph: what 其中 breaks down
        public string? LastKeyInSentence;
        public bool LastWasPart;           // the last value was a named part of ParentKey, not a figure of its own
        public readonly HashSet<string> KeysInSentence = [];
        public int LastEnd;
        public int SentenceStart;
        public string SentenceText = "";    // the sentence up to the current value

        public void NewSentence()
        {
            SentenceSubject = Subject.None;
            Breakdown = false;
            LastKeyInSentence = null;
            KeysInSentence.Clear();
        }
    }

    private static void ExtractParagraph(FlowText flow, int offset, string line, Topic topic, Spans consumed, Report report)
    {
        var ctx = new Context();
        foreach (Match m in ValueRx().Matches(line))
        {
            var absolute = offset + m.Index;
            // Sentence boundaries between the previous value and this one.
            var between = line[ctx.LastEnd..m.Index];
            if (between.Contains('。')) { ctx.NewSentence(); ctx.SentenceStart = ctx.LastEnd + between.LastIndexOf('。') + 1; }
            if (between.Contains(';') || between.Contains('；')) ctx.Breakdown = false;
            var clauseStart = Math.Max(ctx.LastEnd, LastBoundary(line, m.Index));
            var prefix = line[clauseStart..m.Index];
            if (prefix.Contains("其中")) ctx.Breakdown = true;
            ctx.LastEnd = m.Index + m.Length;
            if (consumed.Overlaps(absolute, m.Length)) continue;

            var unit = m.Groups["unit"].Value;
            var value = Values.Parse(m.Groups["num"].Value);
            ctx.SentenceText = line[ctx.SentenceStart..m.Index];
            var key = Classify(prefix, unit, topic, ctx, ref value);
            if (key is null) continue;
            if (!ctx.KeysInSentence.Add(key)) continue; // a second statement in one sentence is a sub-item
            ctx.LastKeyInSentence = key;
            if (Money.IsMoneyUnit(unit) && !ctx.LastWasPart) ctx.ParentKey = key;
            var spanStart = offset + clauseStart + (prefix.Length - prefix.TrimStart().Length);
            var spanLength = offset + m.Index + m.Length - spanStart;
            report.Statements.Add(new Figure(key, Money.IsMoneyUnit(unit) ? Money.ToWan(value, unit) : value,
                unit, flow.SourceSpan(spanStart, spanLength), flow.PageAt(offset + m.Index), spanStart)
            { Decimals = Values.Decimals(m.Groups["num"].Value) });
        }
    }

    private static int LastBoundary(string line, int before)
    {
        for (var i = before - 1; i >= 0; i--)
            if (line[i] is ',' or ';' or '。' or '、' or '，' or '；') return i + 1;
        return 0;
    }

    private static (T Kind, int Start, int End) Rightmost<T>((T Kind, Regex Rx)[] rules, string s, int limit, T none)
    {
        var best = (Kind: none, Start: -1, End: -1);
        foreach (var (kind, rx) in rules)
            foreach (Match m in rx.Matches(s))
            {
                var end = m.Index + m.Length;
                if (m.Index >= limit) continue;
                if (end > best.End || (end == best.End && m.Index < best.Start)) best = (kind, m.Index, end);
            }
        return best;
    }

    private static string? Classify(string prefix, string unit, Topic topic, Context ctx, ref decimal value)
    {
        if (unit == "分") return ScoreKey(prefix, topic, ctx);
        var measure = Rightmost(Measures, prefix, prefix.Length, Measure.None);
        var subjectLimit = measure.Kind == Measure.None ? prefix.Length : measure.End;
        var subject = Rightmost(Subjects, prefix, subjectLimit, Subject.None).Kind;
        // A subject named before the measure ("基本支出年初预算数"); one named after it belongs to the next clause.
        if (measure.Kind != Measure.None)
        {
            var before = Rightmost(Subjects, prefix[..measure.Start], measure.Start, Subject.None).Kind;
            var inside = Rightmost(Subjects, prefix[measure.Start..measure.End], measure.End - measure.Start, Subject.None).Kind;
            subject = before != Subject.None ? before : inside is Subject.Procurement or Subject.Superior or Subject.Local ? inside : Subject.None;
        }
        if (subject is Subject.Basic or Subject.Project or Subject.Procurement or Subject.ThreePublic or Subject.Part)
            ctx.SentenceSubject = subject;

        var m = measure.Kind;
        if (m == Measure.None)
        {
            // "其中：基本支出 350.93 万元": a named part of the figure being broken down.
            if (subject == Subject.None || ctx.ParentKey is null) return null;
            ctx.LastWasPart = true;
            return PartOf(subject, ctx.ParentKey, topic);
        }
        ctx.LastWasPart = false;
        if (ctx.Breakdown && subject == Subject.None) return null;
        if (subject == Subject.None) subject = ctx.SentenceSubject;
        if (subject == Subject.None)
            subject = topic switch
            {
                Topic.Basic => Subject.Basic,
                Topic.Project => Subject.Project,
                Topic.ThreePublic => Subject.ThreePublic,
                _ => Subject.Whole,
            };
        var isRate = m is Measure.ExecutionRate or Measure.AdjustmentRate or Measure.Share;
        if (isRate != (unit == "%")) return null;
        if (m == Measure.Adjustment && Reduction.IsMatch(prefix) && value > 0) value = -value;
        return KeyFor(subject, m, topic);
    }

    private static string? PartOf(Subject part, string parentKey, Topic topic) => (part, parentKey) switch
    {
        (Subject.Basic, "budget.initial") => "budget.initial.basic",
        (Subject.Project, "budget.initial") => "budget.initial.project",
        (Subject.Superior, "budget.initial") => "budget.initial.superior",
        (Subject.Local, "budget.initial") => "budget.initial.local",
        (Subject.Other, "budget.initial") => "budget.initial.other",
        (Subject.Basic, "budget.actual") => topic == Topic.Basic ? "basic.actual" : "expenditure.basic",
        (Subject.Project, "budget.actual") => topic == Topic.Project ? "project.actual" : "expenditure.project",
        (Subject.Personnel, "basic.budget") => "basic.personnel",
        (Subject.Public, "basic.budget") => "basic.public",
        _ => null,
    };

    private static string? KeyFor(Subject s, Measure m, Topic topic) => (s, m) switch
    {
        (Subject.Whole, Measure.Initial) => "budget.initial",
        (Subject.Whole, Measure.Adjustment) => "budget.adjustment",
        (Subject.Whole, Measure.Adjusted) => "budget.adjusted",
        (Subject.Whole, Measure.Actual) => "budget.actual",
        (Subject.Whole, Measure.ExecutionRate) => "budget.execution_rate",
        (Subject.Whole, Measure.AdjustmentRate) => "budget.adjustment_rate",
        (Subject.Basic, Measure.Initial) => "budget.initial.basic",
        (Subject.Basic, Measure.Adjusted) => "basic.budget",
        (Subject.Basic, Measure.Actual) => topic == Topic.Basic ? "basic.actual" : "expenditure.basic",
        (Subject.Basic, Measure.ExecutionRate) => "basic.execution_rate",
        (Subject.Basic, Measure.Share) => "basic.share",
        (Subject.Project, Measure.Initial) => "budget.initial.project",
        (Subject.Project, Measure.Adjusted) => "project.budget",
        (Subject.Project, Measure.Actual) => topic == Topic.Project ? "project.actual" : "expenditure.project",
        (Subject.Project, Measure.ExecutionRate) => "project.execution_rate",
        (Subject.Project, Measure.Share) => "project.share",
        (Subject.Superior, Measure.Initial) => "budget.initial.superior",
        (Subject.Local, Measure.Initial) => "budget.initial.local",
        (Subject.Other, Measure.Initial) => "budget.initial.other",
        (Subject.Procurement, Measure.Initial or Measure.Adjusted) => "procurement.budget",
        (Subject.Procurement, Measure.Actual) => "procurement.actual",
        (Subject.Procurement, Measure.ExecutionRate) => "procurement.execution_rate",
        (Subject.ThreePublic, Measure.Initial or Measure.Adjusted) => "three_public.budget",
        (Subject.ThreePublic, Measure.Actual) => "three_public.actual",
        _ => null,
    };

    // Points for budget execution: a sentence about the execution rate that gives its 分值/权重 and 得分.
    private static string? ScoreKey(string prefix, Topic topic, Context ctx)
    {
        var aboutExecution = ctx.SentenceText.Contains("执行率") && !ctx.SentenceText.Contains("综合得分");
        if (aboutExecution && ExecutionWeight.IsMatch(prefix) && !prefix.Contains("得分")) return "score.execution_weight";
        if (aboutExecution && ExecutionScore.IsMatch(prefix)) return "score.execution";
        if (prefix.Contains("综合得分") || prefix.Contains("总得分") || (topic == Topic.Conclusion && TotalScore.IsMatch(prefix))) return "score.total";
        return null;
    }
}
