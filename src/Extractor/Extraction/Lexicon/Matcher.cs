using System.Text.RegularExpressions;

namespace Extractor.Extraction.Lexicon;

/// <summary>A span of text that a lexicon form matched: its facet and canonical value, and the number a {n} captured.</summary>
public sealed record Tag(int Start, int Length, string Facet, string Canonical, LexiconEntry Entry, string? Number = null)
{
    public int End => Start + Length;
}

/// <summary>
/// Tags text with lexicon facets. Within a facet the longest match wins, leftmost first, and a form written
/// out in full beats a form with a gap of the same length ("实际在编人数" is a headcount, not "实际…数");
/// tags of different facets may overlap (a subject inside a measure: "年初本级预算"), and the recognisers
/// decide what that means.
/// </summary>
public sealed class Matcher
{
    private readonly (LexiconEntry Entry, Regex Rx, HashSet<string> Literal)[] _entries;

    // The recognisers ask about the same clause and label many times (37k calls for 8k texts on the corpus PDFs):
    // answers are kept, and dropped all at once past a bound so that a long ingest cannot grow without limit.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Tag[]> _known = new(StringComparer.Ordinal);
    private const int KnownBound = 20_000;

    internal Matcher(Lexicon lexicon, IReadOnlyCollection<string> facets, Func<LexiconEntry, bool>? where = null)
    {
        _entries = lexicon.Entries.Where(e => facets.Contains(e.Facet) && e.Forms.Count > 0 && (where is null || where(e)))
            .Select(e => (e, new Regex(string.Join("|", e.Forms.Distinct().OrderByDescending(f => f.Length).Select(lexicon.Compile)),
                RegexOptions.CultureInvariant), e.Forms.Where(f => !f.Contains('…') && !f.Contains('{')).ToHashSet()))
            .ToArray();
    }

    /// <summary>Tags in order of their start.</summary>
    public IReadOnlyList<Tag> Tags(string text)
    {
        if (_known.TryGetValue(text, out var known)) return known;
        if (_known.Count >= KnownBound) _known.Clear();
        return _known[text] = Search(text);
    }

    private Tag[] Search(string text)
    {
        var chosen = new List<Tag>();
        foreach (var facet in _entries.GroupBy(e => e.Entry.Facet))
        {
            // Leftmost-longest over all the facet's entries: each entry keeps a cursor; a match that a chosen
            // tag overlaps is searched again after that tag, so "全年预算执行率" gives 全年预算 then 执行率.
            var entries = facet.ToArray();
            var next = new SortedSet<(int Start, int NegLength, int Literal, int Entry)>();
            var found = new Match?[entries.Length];
            void Seek(int k, int from)
            {
                if (from > text.Length) { found[k] = null; return; }
                var m = entries[k].Rx.Match(text, from);
                while (m.Success && m.Length == 0) m = m.Index + 1 <= text.Length ? entries[k].Rx.Match(text, m.Index + 1) : Match.Empty;
                found[k] = m.Success ? m : null;
                if (m.Success) next.Add((m.Index, -m.Length, entries[k].Literal.Contains(m.Value) ? 0 : 1, k));
            }
            for (var k = 0; k < entries.Length; k++) Seek(k, 0);
            var end = 0;
            while (next.Count > 0)
            {
                var top = next.Min;
                next.Remove(top);
                var m = found[top.Entry]!;
                if (top.Start < end) { Seek(top.Entry, end); continue; }
                var e = entries[top.Entry].Entry;
                chosen.Add(new Tag(m.Index, m.Length, e.Facet, e.Canonical, e, m.Groups["n"].Success ? m.Groups["n"].Value : null));
                end = m.Index + m.Length;
                Seek(top.Entry, end);
            }
        }
        chosen.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return [.. chosen];
    }

    /// <summary>Does the whole of <paramref name="text"/> read as one tag of the facet?</summary>
    public bool IsWhole(string text, out Tag? tag)
    {
        tag = Tags(text).FirstOrDefault(t => t.Start == 0 && t.Length == text.Length);
        return tag is not null;
    }
}
