using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Extraction.Lexicon;

/// <summary>One row of a lexicon file: a facet, the canonical value it stands for, its surface forms.</summary>
public sealed record LexiconEntry(string Facet, string Canonical, IReadOnlyList<string> Forms,
    IReadOnlyDictionary<string, string> Attributes, string Origin)
{
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A lexicon file that cannot be read: which file, which line, what is wrong.</summary>
public sealed class LexiconException(string message) : Exception(message);

/// <summary>
/// The genre's vocabulary, loaded from the embedded <c>Lexicon/*.tsv</c> files and optional overlays
/// (same format) that add a province's own wording. Rows are
/// <c>facet TAB canonical TAB form|form|… [TAB attributes]</c>; see Lexicon/README.md for the form syntax.
/// </summary>
public sealed class Lexicon
{
    private readonly ConcurrentDictionary<string, Matcher> _matchers = new();
    private readonly ConcurrentDictionary<string, Regex> _patterns = new();

    public IReadOnlyList<LexiconEntry> Entries { get; }

    private Lexicon(IReadOnlyList<LexiconEntry> entries) => Entries = entries;

    /// <summary>The embedded lexicon.</summary>
    public static Lexicon Default { get; } = new(LoadEmbedded());

    /// <summary>This lexicon with the rows of overlay files added.</summary>
    public Lexicon WithOverlays(IEnumerable<string> paths)
    {
        var rows = new List<LexiconEntry>(Entries);
        foreach (var path in paths)
        {
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new LexiconException($"词表文件无法读取：{path}（{e.Message}）");
            }
            rows.AddRange(Parse(text, Path.GetFileName(path)));
        }
        return new Lexicon(rows);
    }

    public IEnumerable<LexiconEntry> Facet(string facet) => Entries.Where(e => e.Facet == facet);

    /// <summary>Every form of a facet (or of one canonical value of it).</summary>
    public IEnumerable<string> Forms(string facet, string? canonical = null) =>
        Facet(facet).Where(e => canonical is null || e.Canonical == canonical).SelectMany(e => e.Forms);

    /// <summary>A matcher tagging the given facets.</summary>
    public Matcher Matcher(params string[] facets) =>
        _matchers.GetOrAdd(string.Join(",", facets), _ => new Matcher(this, facets));

    /// <summary>A matcher for table label cells: forms marked <c>prose</c> left out.</summary>
    public Matcher LabelMatcher(params string[] facets) =>
        _matchers.GetOrAdd("label:" + string.Join(",", facets), _ => new Matcher(this, facets, e => e.Attribute("prose") is null));

    /// <summary>A matcher tagging the given facets in prose: forms marked <c>label</c> name a measure only in a
    /// table's label cell, so they are left out before matching and never shadow a prose form.</summary>
    public Matcher ProseMatcher(params string[] facets) =>
        _matchers.GetOrAdd("prose:" + string.Join(",", facets), _ => new Matcher(this, facets, e => e.Attribute("label") is null));

    /// <summary>One regex for a facet's forms (alternation, longest literal first), cached.</summary>
    public Regex Pattern(string facet, string? canonical = null, string prefix = "", string suffix = "") =>
        _patterns.GetOrAdd($"{facet}\u0001{canonical}\u0001{prefix}\u0001{suffix}", _ =>
        {
            var forms = Forms(facet, canonical).Distinct().OrderByDescending(f => f.Length).Select(Compile).ToList();
            var alternation = forms.Count == 0 ? "(?!)" : string.Join("|", forms);
            return new Regex(prefix + "(?:" + alternation + ")" + suffix, RegexOptions.CultureInvariant);
        });

    /// <summary>The Chinese numerals of the <c>numeral</c> rows, as a character class body.</summary>
    public string Numerals => _numerals ??= string.Concat(Forms("numeral").Select(f => Regex.Escape(f)));
    private string? _numerals;

    /// <summary>Turns a form into regex: literals escaped; … a short gap; {n} {cn} {d} {c} {q} placeholders
    /// (and {od} for an item's decimal outline number, {ds} and {oh} for a heading's).</summary>
    public string Compile(string form)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < form.Length; i++)
        {
            var c = form[i];
            if (c == '…') { sb.Append(Gap); continue; }
            if (c == '{')
            {
                var end = form.IndexOf('}', i);
                // A placeholder may stand between spaces: "共有 4 个项目", "( 一 )", "2024 年 4 月".
                if (end > i && Placeholder(form[(i + 1)..end]) is { } p) { sb.Append(@"\s*").Append(p).Append(@"\s*"); i = end; continue; }
            }
            sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }

    /// <summary>Up to six characters that are not digits or clause punctuation.</summary>
    public const string Gap = @"[^\d,;。，；:：、\n()（）]{0,6}?";

    /// <summary>An Arabic number as the NFKC-normalised text writes it.</summary>
    public const string ArabicNumber = @"-?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?";

    /// <summary>Circled numbers, kept as written by the flow text (NFKC would fold them into digits).</summary>
    public const string Circled = "[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]";

    private const string OutlineTitle = @"(?=\p{IsCJKUnifiedIdeographs}{2}[^\d\n,，。;；:：%]*$)";

    private string? Placeholder(string name) => name switch
    {
        "n" => $"(?<n>{ArabicNumber}|[{Numerals}]+)",
        "cn" => $"[{Numerals}]+",
        "d" => @"\d{1,3}(?![\d.,]\d)",
        // An item's decimal outline number: "3.1.1", or "2.3" before a space (not "64.01%").
        "od" => @"(?<![\d.])(?:\d{1,2}(?:\.\d{1,2}){2,3}(?![\d.%])|\d{1,2}\.\d{1,2}(?=[ \t\u3000]+\p{IsCJKUnifiedIdeographs}))",
        // An item's dash outline number before a space ("1-1 进场交易项目数", "3-2 满意度"), not a range or a date.
        "dd" => @"(?<![\d.\-])\d{1,2}-\d{1,2}(?=[ \t\u3000]+[\p{IsCJKUnifiedIdeographs}“""‘「])",
        // A heading's outline number, bare before a space ("1 部门基本情况") or decimal ("2.3.1 基本支出"), when a
        // title without digits or clause punctuation follows (not "12 万元，执行率").
        "ds" => @"\d{1,2}[ \t\u3000]+" + OutlineTitle,
        "oh" => @"\d{1,2}(?:\.\d{1,2}){1,3}[ \t\u3000]*" + OutlineTitle,
        "c" => Circled,
        "q" => "[\"“”'‘’「」『』]?",
        "y" => $@"(?<y>\d{{4}}|[{Numerals}]{{4}})",
        "m" => $@"(?<m>\d{{1,2}}|[{Numerals}]{{1,2}})",
        "day" => $@"(?<d>\d{{1,2}}|[{Numerals}]{{1,3}})",
        _ => null,
    };

    private static List<LexiconEntry> LoadEmbedded()
    {
        var asm = typeof(Lexicon).Assembly;
        var rows = new List<LexiconEntry>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("lexicon/")).Order(StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(s, Encoding.UTF8);
            rows.AddRange(Parse(reader.ReadToEnd(), name["lexicon/".Length..]));
        }
        if (rows.Count == 0) throw new LexiconException("内置词表缺失");
        return rows;
    }

    /// <summary>Parses lexicon rows; a malformed row names its file and line.</summary>
    public static IEnumerable<LexiconEntry> Parse(string text, string origin)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length < 3 || cols[0].Trim().Length == 0 || cols[1].Trim().Length == 0 || cols[2].Trim().Length == 0)
                throw new LexiconException($"{origin} 第{i + 1}行格式不对：应为 类别<TAB>规范词<TAB>写法|写法…，实为“{line.Trim()}”");
            // NFKC as the text is; the gap mark … is kept (NFKC would make it three dots).
            var forms = cols[2].Split('|').Select(f => FlowText.Normalize(f.Trim().Replace("…", "\u0001")).Replace("\u0001", "…"))
                .Where(f => f.Length > 0).ToList();
            var attrs = new Dictionary<string, string>();
            foreach (var a in cols.Length > 3 ? cols[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
            {
                var eq = a.IndexOf('=');
                attrs[(eq < 0 ? a : a[..eq]).Trim()] = eq < 0 ? "" : a[(eq + 1)..].Trim();
            }
            yield return new LexiconEntry(cols[0].Trim(), cols[1].Trim(), forms, attrs, $"{origin}:{i + 1}");
        }
    }
}
