using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Extractor.Extraction.Lexicon;
using Lex = Extractor.Extraction.Lexicon.Lexicon;

namespace Extractor.Extraction;

/// <summary>
/// The extractor's compiled view of a lexicon: the matchers and patterns the recognisers share, built
/// once per lexicon. Everything here is mechanism; every word comes from the lexicon rows.
/// </summary>
internal sealed class Vocabulary
{
    private static readonly ConditionalWeakTable<Lex, Vocabulary> Cache = new();

    public Lex Lexicon { get; }
    public KeyMap Keys { get; }

    /// <summary>Labels of figures: measures, subjects, signs, breakdowns, and score roles.</summary>
    public Matcher FigureLabels { get; }
    /// <summary>The same labels as prose reads them: without the forms that name a measure only in a table.</summary>
    public Matcher ProseLabels { get; }
    /// <summary>Parts of an indicator, operators and fillers.</summary>
    public Matcher IndicatorLabels { get; }
    /// <summary>Section topics of headings.</summary>
    public Matcher Sections { get; }

    /// <summary>A number with a figure unit (money, percent, score, count).</summary>
    public Regex Value { get; }
    /// <summary>A heading's start; a top-level heading's start.</summary>
    public Regex HeadingStart { get; }
    public Regex TopHeadingStart { get; }
    /// <summary>An enumeration that may start an indicator block, matched only where the search starts (\G): every
    /// caller asks "does a marker stand here", and an unanchored search scanned the rest of the line each time.</summary>
    public Regex ItemStart { get; }
    /// <summary>A paragraph that turns from the indicators to other business.</summary>
    public Regex MovesOn { get; }
    /// <summary>Text ending in a comparison word: the number after it is a threshold ("对执行率低于90%的项目").</summary>
    public Regex Threshold { get; }
    /// <summary>A net change ("净调增"): the adjustment whose additions and cuts were stated before it.</summary>
    public Regex NetChange { get; }
    /// <summary>An aim for later ("力争"): the number after it is no figure of the year.</summary>
    public Regex Intent { get; }
    /// <summary>A point inside the year ("截至6月30日"): figures after it in its sentence are interim.</summary>
    public Regex Interim { get; }
    /// <summary>A word of a total (合计, 共计): in prose, the clause is about the whole again.</summary>
    public Regex TotalWord { get; }
    /// <summary>A range mark and a number right after a value ("10%—15%"), and a number and a range mark right before one.</summary>
    public Regex RangeNext { get; }
    public Regex RangePrevious { get; }
    /// <summary>A cell holding one quantity: [operator] number [unit] [postfix operator].</summary>
    public Regex CellQuantity { get; }

    private Vocabulary(Lex lexicon)
    {
        Lexicon = lexicon;
        Keys = new KeyMap(lexicon);
        FigureLabels = lexicon.LabelMatcher("measure", "subject", "subject_mask", "sign", "breakdown", "role", "explanation");
        ProseLabels = lexicon.ProseMatcher("measure", "subject", "subject_mask", "sign", "breakdown", "role", "explanation");
        IndicatorLabels = lexicon.Matcher("role", "op", "filler", "measure");
        Sections = lexicon.Matcher("section");
        var units = Alternation(lexicon.Forms("unit"));
        var notUnits = Alternation(lexicon.Forms("unit_not"));
        Value = new Regex($@"(?<num>{Lex.ArabicNumber})\s*(?!{notUnits})(?<unit>{units})", RegexOptions.CultureInvariant);
        HeadingStart = lexicon.Pattern("heading", prefix: @"^\s*(?:", suffix: ")");
        TopHeadingStart = lexicon.Pattern("heading", "top", @"^\s*(?:", ")");
        ItemStart = new Regex(@"\G(?<marker>" + string.Join("|", lexicon.Forms("item").Distinct().OrderByDescending(f => f.Length).Select(lexicon.Compile)) + ")",
            RegexOptions.CultureInvariant);
        MovesOn = lexicon.Pattern("moves_on", prefix: @"^\s*(?:", suffix: ")");
        var prefixOps = Alternation(lexicon.Facet("op").Where(e => e.Attribute("postfix") is null).SelectMany(e => e.Forms));
        var postfixOps = Alternation(lexicon.Facet("op").Where(e => e.Attribute("postfix") is not null).SelectMany(e => e.Forms));
        var thresholdOps = Alternation(lexicon.Facet("op").Where(e => e.Attribute("postfix") is null && e.Attribute("reached") is null
            && e.Canonical is ">=" or "<=" or ">" or "<").SelectMany(e => e.Forms));
        Threshold = new Regex($@"(?:{thresholdOps})\s*$", RegexOptions.CultureInvariant);
        NetChange = lexicon.Pattern("net_change");
        Intent = lexicon.Pattern("intent");
        Interim = lexicon.Pattern("interim");
        TotalWord = lexicon.Pattern("total_row", "total");
        var range = Alternation(lexicon.Forms("range"));
        RangeNext = new Regex($@"\G\s*(?:{range})\s*\d", RegexOptions.CultureInvariant);
        RangePrevious = new Regex($@"\d[^\d,;。，；]{{0,4}}?(?:{range})\s*$", RegexOptions.CultureInvariant);
        CellQuantity = new Regex($@"^(?<op>{prefixOps})?(?<num>{Lex.ArabicNumber})(?<unit>.*?)(?<post>{postfixOps})?$", RegexOptions.CultureInvariant);
    }

    public static Vocabulary For(Lex lexicon) => Cache.GetValue(lexicon, l => new Vocabulary(l));

    public static string Alternation(IEnumerable<string> forms) =>
        string.Join("|", forms.Distinct().OrderByDescending(f => f.Length).Select(Regex.Escape));

    /// <summary>The unit points are written in (分), and whether a unit is it (or absent, as in a 分值 column).</summary>
    public string ScoreUnit => Lexicon.Forms("unit", "score").First();
    public bool IsScoreOrBare(string? unit) => unit is null || UnitKind(unit) == "score";

    /// <summary>The kind of a figure unit ("money", "percent", "score", "count"), or null.</summary>
    public string? UnitKind(string? unit) =>
        unit is null ? null : Lexicon.Facet("unit").FirstOrDefault(e => e.Forms.Contains(unit))?.Canonical;

    /// <summary>The section a heading opens, by the section rows in their order; null when it names none.</summary>
    public string? SectionOf(string heading)
    {
        var tags = Sections.Tags(heading);
        var named = Lexicon.Facet("section").Where(e => tags.Any(t => t.Canonical == e.Canonical)).ToList();
        // "基本支出和项目支出情况": a heading naming two subjects' sections is about neither alone.
        if (named.Where(e => e.Attribute("subject") is not null).Select(e => e.Canonical).Distinct().Count() > 1)
            named = named.Where(e => e.Attribute("subject") is null).ToList();
        return named.Select(e => e.Canonical).FirstOrDefault();
    }

    /// <summary>Whose money a figure is when nothing names it: the section's subject, else the whole.</summary>
    public string DefaultSubject(string section) =>
        Lexicon.Facet("section").FirstOrDefault(e => e.Canonical == section)?.Attribute("subject") ?? "whole";

    /// <summary>Whether a figure of this section must name its subject in its sentence (the section's <c>named</c> attribute).</summary>
    public bool NeedsSubject(string section) =>
        Lexicon.Facet("section").Any(e => e.Canonical == section && e.Attribute("named") is not null);

    /// <summary>The operator a word names ("≥", "不低于", "正向"), or null.</summary>
    public LexiconEntry? Operator(string word) =>
        Lexicon.Facet("op").FirstOrDefault(e => e.Forms.Contains(FlowText.Normalize(word).Trim()));
}
