namespace Extractor.Analysis;

/// <summary>One analysis paragraph of one report: whose (identity = unit and year), where, and its text.</summary>
public sealed record AnalysisParagraph(string Identity, string Unit, int? Year, string Path, int Page, string Text, IReadOnlyList<string> UnitNames);

/// <summary>Two reports that share an analysis paragraph: the most similar paragraph pair and its Jaccard similarity.</summary>
public sealed record CopiedPair(AnalysisParagraph First, AnalysisParagraph Second, double Similarity);

/// <summary>
/// COPIED_TEXT candidates: paragraphs of substance (≥ 40 characters once normalised) whose shingles, less those
/// many units share, are nearly the same as a paragraph of another report. MinHash/LSH proposes pairs; the
/// exact Jaccard of the remaining shingles decides. One pair per two reports; renditions and versions of one
/// report (one identity) are never copies of each other.
/// </summary>
public sealed class CopyFinder
{
    public const int MinLength = 40;
    /// <summary>Chosen by measurement (README): the seeds' real copies stand at 0.81 and 1.00 once normalised, the most similar unrelated pair at 0.14.</summary>
    public double Threshold { get; init; } = 0.4;
    /// <summary>A shingle in this many units' reports is boilerplate: the seeds' fund-use paragraph, copied into five of 41 units, is not.</summary>
    public int BoilerplateUnits { get; init; } = 10;
    /// <summary>Own shingles a paragraph needs once boilerplate is gone (about 40 characters of its own).</summary>
    public int MinOwnShingles { get; init; } = 32;
    public MinHash Hash { get; init; } = new();
    /// <summary>An LSH bucket this full is one text in many reports: boilerplate, and all-pairs inside it would be quadratic.</summary>
    public int MaxBucket { get; init; } = 200;

    public IReadOnlyList<CopiedPair> Find(IReadOnlyList<AnalysisParagraph> paragraphs)
    {
        var all = new ulong[paragraphs.Count][];
        Parallel.For(0, paragraphs.Count, i =>
        {
            var text = Shingles.Normalize(paragraphs[i].Text, paragraphs[i].UnitNames);
            all[i] = text.Length < MinLength ? [] : Shingles.Of(text);
        });
        var counts = new Boilerplate(all.Sum(s => (long)s.Length));
        foreach (var unit in Enumerable.Range(0, paragraphs.Count).GroupBy(i => paragraphs[i].Unit))
            counts.AddUnit(unit.SelectMany(i => all[i]).Distinct());

        var items = new List<(int Paragraph, ulong[] Own)>();
        for (var i = 0; i < all.Length; i++)
        {
            var own = all[i].Where(s => counts.Units(s) < BoilerplateUnits).ToArray();
            if (own.Length >= MinOwnShingles) items.Add((i, own));
        }
        var signatures = new ulong[items.Count][];
        Parallel.For(0, items.Count, k => signatures[k] = Hash.Signature(items[k].Own));

        var candidates = Hash.Candidates(signatures,
            (x, y) => paragraphs[items[x].Paragraph].Identity != paragraphs[items[y].Paragraph].Identity, maxBucket: MaxBucket);
        var best = new Dictionary<(string, string), CopiedPair>();
        foreach (var (x, y) in candidates)
        {
            var similarity = Shingles.Jaccard(items[x].Own, items[y].Own);
            if (similarity < Threshold) continue;
            var (a, b) = (paragraphs[items[x].Paragraph], paragraphs[items[y].Paragraph]);
            if (string.CompareOrdinal(a.Identity, b.Identity) > 0) (a, b) = (b, a);
            var key = (a.Identity, b.Identity);
            if (!best.TryGetValue(key, out var found) || similarity > found.Similarity ||
                similarity == found.Similarity && string.CompareOrdinal(Order(a, b), Order(found.First, found.Second)) < 0)
                best[key] = new CopiedPair(a, b, similarity);
        }
        return best.Values.OrderBy(p => p.First.Identity, StringComparer.Ordinal).ThenBy(p => p.Second.Identity, StringComparer.Ordinal).ToList();
    }

    // A stable choice among equally similar paragraph pairs, whatever order the candidates came in.
    private static string Order(AnalysisParagraph a, AnalysisParagraph b) => $"{a.Path}#{a.Page:D6}#{a.Text}|{b.Path}#{b.Page:D6}#{b.Text}";
}
