using System.Text;
using System.Text.RegularExpressions;
using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>
/// The document's prose as one normalised string, the form every prose rule matches against.
/// Paragraphs that a PDF-to-text step or a page break cut mid-sentence are rejoined (a paragraph that
/// does not end a sentence runs into the next one unless either is a heading); each paragraph starts
/// on its own line otherwise. NFKC folds fullwidth digits and punctuation ("１，２３４．５" → "1,234.5").
/// Every character maps back to its source text and page, for provenance.
/// </summary>
public sealed partial class FlowText
{
    public string Text { get; }
    private readonly int[] _page;          // page of each character
    private readonly int[] _sourceIndex;   // index of each character in SourceText
    public string SourceText { get; }
    /// <summary>Start offset of each logical paragraph in Text, with whether it is a heading.</summary>
    public IReadOnlyList<(int Start, bool Heading)> Paragraphs { get; }
    /// <summary>Tables in reading order, each with the flow offset it stands at.</summary>
    public IReadOnlyList<(int Offset, Table Table)> Tables { get; }

    private const string SentenceEnd = "。！？!?；;：:)）";

    // "部门单位名称（公章）：…", "填报时间：…": a label line of the cover page, never a wrapped continuation.
    [GeneratedRegex(@"^[^\s,，。:：]{2,12}(?:[（(][^)）]{1,4}[)）])?\s*[:：]")]
    private static partial Regex LabelLine();

    private static bool IsCoverLabel(string line) => LabelLine().IsMatch(line) && !line.Contains('，') && !line.Contains(',');

    private readonly Vocabulary _vocabulary;

    /// <summary>A short line starting with a heading marker of the lexicon and not ending a sentence.</summary>
    public bool IsHeading(string paragraph) => IsHeading(_vocabulary, paragraph);

    // A numbered line that ends a statement or states a value after its label ("3.全年预算：3780.64万元；") is no heading.
    internal static bool IsHeading(Vocabulary v, string paragraph) =>
        paragraph.Length <= 40 && v.HeadingStart.IsMatch(Normalize(paragraph)) && !paragraph.TrimEnd().EndsWith('。')
        && !paragraph.TrimEnd().EndsWith('；') && !paragraph.TrimEnd().EndsWith(';') && !LabelledValue.IsMatch(paragraph);

    private static readonly System.Text.RegularExpressions.Regex LabelledValue = new(@"[:：]\s*[-−]?[\d０-９]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A top-level heading ("一、…", "第一部分").</summary>
    public bool IsTopHeading(string paragraph) => IsHeading(paragraph) && _vocabulary.TopHeadingStart.IsMatch(Normalize(paragraph));

    private FlowText(Vocabulary vocabulary, string text, int[] page, int[] sourceIndex, string source,
        List<(int, bool)> paragraphs, List<(int, Table)> tables)
    {
        _vocabulary = vocabulary;
        Text = text; _page = page; _sourceIndex = sourceIndex; SourceText = source;
        Paragraphs = paragraphs; Tables = tables;
    }

    private (int Start, string Section)[]? _sections;

    /// <summary>
    /// The section (lexicon <c>section</c> facet) an offset stands in: set by the last heading that names
    /// one; a top-level heading that names none opens "main"; text before the first heading is "cover".
    /// </summary>
    public string SectionAt(int offset)
    {
        _sections ??= BuildSections();
        var current = "cover";
        foreach (var (start, section) in _sections)
        {
            if (start > offset) break;
            current = section;
        }
        return current;
    }

    private (int, string)[] BuildSections()
    {
        var list = new List<(int, string)>();
        var current = "cover";
        foreach (var (start, heading) in Paragraphs)
        {
            if (!heading) continue;
            var line = LineAt(start);
            current = _vocabulary.SectionOf(line) ?? (IsTopHeading(line) ? "main" : current);
            list.Add((start, current));
        }
        return list.ToArray();
    }

    /// <summary>The flow line starting at an offset (a paragraph, up to its line break).</summary>
    public string LineAt(int start)
    {
        var end = Text.IndexOf('\n', start);
        return Text[start..(end < 0 ? Text.Length : end)];
    }

    private Box?[] _boxes = [];
    private int[] _blocks = [];
    private float[] _confidence = []; // per character; NaN for text not read by OCR

    /// <summary>
    /// How sure the OCR was of a span: the lowest confidence of its characters, since one misread digit makes
    /// a figure wrong. Null when no character of the span was read by OCR.
    /// </summary>
    public float? ConfidenceOf(int start, int length)
    {
        if (length <= 0 || start < 0 || start + length > _confidence.Length) return null;
        float? min = null;
        for (var i = start; i < start + length; i++)
            if (!char.IsWhiteSpace(Text[i]) && !float.IsNaN(_confidence[i])) min = Math.Min(min ?? 1f, _confidence[i]);
        return min;
    }

    /// <summary>The body index of the block a character comes from (Word's paragraph index).</summary>
    public int BlockAt(int offset) => _blocks.Length == 0 ? 0 : _blocks[Math.Clamp(offset, 0, _blocks.Length - 1)];

    /// <summary>
    /// The union of the glyph boxes of a span of the flow text, on its page: null when the reader gave no
    /// positions (Word, plain text) or the span crosses a page.
    /// </summary>
    public Box? BoxOf(int start, int length)
    {
        if (length <= 0 || start < 0 || start + length > _boxes.Length) return null;
        var page = PageAt(start);
        Box? union = null;
        for (var i = start; i < start + length; i++)
        {
            if (_page[i] != page) return null;
            if (_boxes[i] is { } b && !char.IsWhiteSpace(Text[i])) union = Box.Union([union, b]);
        }
        return union;
    }

    /// <summary>Where each character of a paragraph's text stands: its page and box, from the paragraph's lines.</summary>
    private sealed class Positions
    {
        private readonly (int Page, Box? Box, float Confidence)[] _at;

        public Positions(Paragraph p)
        {
            // The text is the lines joined (a space between Latin words): walk both in step.
            _at = new (int, Box?, float)[p.Text.Length];
            var li = 0;
            var ci = 0;
            for (var i = 0; i < p.Text.Length; i++)
            {
                while (li < p.Lines.Count && ci >= p.Lines[li].Text.Length) { li++; ci = 0; }
                var line = li < p.Lines.Count ? p.Lines[li] : null;
                if (line is not null && line.Text[ci] == p.Text[i])
                {
                    _at[i] = (line.Page, line.BoxOf(ci, 1), line.Confidence is { } c && ci < c.Count ? c[ci] : float.NaN);
                    ci++;
                }
                else _at[i] = (line?.Page ?? p.Page, null, float.NaN);
            }
        }

        public (int Page, Box? Box, float Confidence) Of(int i) => i >= 0 && i < _at.Length ? _at[i] : (0, null, float.NaN);
    }

    public int PageAt(int offset) => _page.Length == 0 ? 1 : _page[Math.Clamp(offset, 0, _page.Length - 1)];

    /// <summary>The exact source text behind a span of the flow text.</summary>
    public string SourceSpan(int start, int length)
    {
        if (length <= 0 || _sourceIndex.Length == 0) return "";
        var s = _sourceIndex[Math.Clamp(start, 0, _sourceIndex.Length - 1)];
        var e = _sourceIndex[Math.Clamp(start + length - 1, 0, _sourceIndex.Length - 1)];
        return SourceText[s..(e + 1)].Trim();
    }

    public static string Normalize(string s)
    {
        var i = 0;
        while (i < s.Length && NormalizeChar(s[i]) is { Length: 1 } one && one[0] == s[i]) i++;
        if (i == s.Length) return s; // the usual case: nothing to change
        var sb = new StringBuilder(s.Length).Append(s, 0, i);
        for (; i < s.Length; i++) sb.Append(NormalizeChar(s[i]));
        return sb.ToString();
    }

    // Each UTF-16 unit's normal form, computed once: NFKC per character was a tenth of extraction's time.
    private static readonly string?[] NormalForms = new string?[char.MaxValue + 1];

    private static string NormalizeChar(char c) => NormalForms[c] ??= NormalFormOf(c);

    private static string NormalFormOf(char c) => c switch
    {
        // Circled numbers stay as written: NFKC would make "①新增" read as the number 1.
        >= '\u2460' and <= '\u2473' => c.ToString(),
        '−' or '－' or '–' => "-",
        '\u00A0' or '\u3000' => " ",
        _ when char.IsSurrogate(c) => c.ToString(),
        _ => c.ToString().Normalize(NormalizationForm.FormKC),
    };

    internal static FlowText Build(Document doc, Vocabulary vocabulary)
    {
        var text = new StringBuilder();
        var source = new StringBuilder();
        var pages = new List<int>();
        var boxes = new List<Box?>();
        var blockOf = new List<int>();
        var confidence = new List<float>();
        var map = new List<int>();
        var paragraphs = new List<(int, bool)>();
        var tables = new List<(int, Table)>();
        string? previous = null;
        var cover = true; // before the first top-level heading: the cover page, where label lines stand alone

        var ordinal = -1;
        void Append(string s, int page, Positions? at = null, int from = 0)
        {
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                var (pg, box, conf) = at is null ? (page, null, float.NaN) : at.Of(from + i);
                foreach (var nc in NormalizeChar(c))
                {
                    text.Append(nc);
                    pages.Add(pg);
                    boxes.Add(box);
                    blockOf.Add(ordinal);
                    confidence.Add(conf);
                    map.Add(source.Length);
                }
                source.Append(c);
            }
        }

        foreach (var block in doc.Blocks)
        {
            ordinal = block.Index ?? ordinal + 1;
            if (block is Table t)
            {
                if (text.Length > 0) Append("\n", block.Page);
                tables.Add((text.Length, t));
                previous = null;
                continue;
            }
            var para = (Paragraph)block;
            var p = para.Text.Trim();
            if (p.Length == 0) continue;
            var positions = new Positions(para);
            var lead = para.Text.Length - para.Text.TrimStart().Length;
            var heading = IsHeading(vocabulary, p);
            cover &= !(heading && vocabulary.TopHeadingStart.IsMatch(Normalize(p)));
            var continues = previous is not null && !heading && !IsHeading(vocabulary, previous)
                && !(cover && (IsCoverLabel(p) || IsCoverLabel(previous)))
                && !SentenceEnd.Contains(previous[^1]) && !SentenceEnd.Contains(Normalize(previous[^1].ToString())[^1]);
            if (!continues)
            {
                if (text.Length > 0) Append("\n", block.Page);
                paragraphs.Add((text.Length, heading));
            }
            Append(p, block.Page, positions, lead);
            previous = p;
        }
        return new FlowText(vocabulary, text.ToString(), pages.ToArray(), map.ToArray(), source.ToString(), paragraphs, tables)
        {
            _boxes = boxes.ToArray(), _blocks = blockOf.ToArray(), _confidence = confidence.ToArray(),
        };
    }
}
