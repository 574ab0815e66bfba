using System.Text.RegularExpressions;

namespace Extractor.Extraction.Lexicon;

/// <summary>A span of text that a lexicon form matched: its facet and canonical value, and the number a {n} captured.</summary>
public sealed record Tag(int Start, int Length, string Facet, string Canonical, LexiconEntry Entry, string? Number = null)
{
    public int End => Start + Length;
}

/// <summary>
/// Tags text with lexicon facets. Within a facet the longest match wins, leftmost first; tags of
/// different facets may overlap (a subject inside a measure: "年初本级预算"), and the recognisers
/// decide what that means.
/// </summary>
public sealed class Matcher
{
    private readonly (LexiconEntry Entry, Regex Rx)[] _entries;

    internal Matcher(Lexicon lexicon, IReadOnlyCollection<string> facets)
    {
        _entries = lexicon.Entries.Where(e => facets.Contains(e.Facet) && e.Forms.Count > 0)
            .Select(e => (e, new Regex(string.Join("|", e.Forms.Distinct().OrderByDescending(f => f.Length).Select(lexicon.Compile)),
                RegexOptions.CultureInvariant)))
            .ToArray();
    }

    /// <summary>Tags in order of their start.</summary>
    public IReadOnlyList<Tag> Tags(string text)
    {
        var all = new List<Tag>();
        foreach (var (entry, rx) in _entries)
            for (var m = rx.Match(text); m.Success; m = m.Length == 0 ? rx.Match(text, m.Index + 1) : m.NextMatch())
                if (m.Length > 0)
                    all.Add(new Tag(m.Index, m.Length, entry.Facet, entry.Canonical, entry, m.Groups["n"].Success ? m.Groups["n"].Value : null));
        var chosen = new List<Tag>(all.Count);
        foreach (var group in all.GroupBy(t => t.Facet))
        {
            var end = -1;
            foreach (var t in group.OrderBy(t => t.Start).ThenByDescending(t => t.Length))
            {
                if (t.Start < end) continue;
                chosen.Add(t);
                end = t.End;
            }
        }
        chosen.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return chosen;
    }

    /// <summary>The tag of a facet ending last before <paramref name="limit"/> (ties: the longer).</summary>
    public static Tag? Rightmost(IEnumerable<Tag> tags, string facet, int from, int limit) =>
        tags.Where(t => t.Facet == facet && t.Start >= from && t.End <= limit)
            .OrderByDescending(t => t.End).ThenBy(t => t.Start).FirstOrDefault();

    /// <summary>Does the whole of <paramref name="text"/> read as one tag of the facet?</summary>
    public bool IsWhole(string text, out Tag? tag)
    {
        tag = Tags(text).FirstOrDefault(t => t.Start == 0 && t.Length == text.Length);
        return tag is not null;
    }
}
