using Extractor.Extraction.Tables;
using Extractor.Reading;
using Lex = Extractor.Extraction.Lexicon.Lexicon;

namespace Extractor.Extraction;

/// <summary>Thrown when a readable document is not a report of this genre.</summary>
public sealed class NotAReportException(string message) : Exception(message);

/// <summary>How to extract: the lexicon (the embedded one, or with a province's overlay).</summary>
public sealed record ExtractionOptions(Lex Lexicon)
{
    public static ExtractionOptions Default { get; } = new(Lex.Default);
}

/// <summary>
/// Document → Report. Recognisers run in order, the specific first (indicator blocks, project lines
/// claim what they read), then tables, then the general prose figures and counts; one resolver builds
/// the report from their candidates.
/// </summary>
public static class ReportExtractor
{
    private static readonly IRecogniser[] Recognisers =
        [new ProseIndicators(), new ProseProjects(), new TableReader(), new ProseFigures(), new CountsAndGrade()];

    public static Report Extract(Document doc, ExtractionOptions? options = null) => Extract(doc, options, genreCheck: true);

    /// <param name="genreCheck">false for a fragment of a report (the phrasing fixtures), which need not read as a whole report.</param>
    internal static Report Extract(Document doc, ExtractionOptions? options, bool genreCheck)
    {
        var vocabulary = Vocabulary.For((options ?? ExtractionOptions.Default).Lexicon);
        var flow = FlowText.Build(doc, vocabulary);
        if (genreCheck) GenreCheck(vocabulary, flow);
        var cx = new ExtractionContext(flow, vocabulary, ProseMoneyUnit(vocabulary, flow.Text));
        var found = new Candidates();
        foreach (var recogniser in Recognisers) recogniser.Recognise(cx, found);
        return Resolver.Resolve(cx, cx.Info, found);
    }

    // A report of the genre speaks of performance and self-evaluation, and names budget measures and
    // indicator parts with figures beside them: counted as lexicon hits, not by what extraction found.
    private static void GenreCheck(Vocabulary v, FlowText flow)
    {
        var text = flow.Text + "\n" + string.Join("\n", flow.Tables.SelectMany(t => t.Table.Rows.SelectMany(r => r.Cells.Select(c => FlowText.Normalize(c.Text)))));
        var genre = v.Lexicon.Facet("genre").Select(e => e.Canonical).Distinct().All(c => v.Lexicon.Pattern("genre", c).IsMatch(text));
        if (!genre) throw new NotAReportException("the document is not a performance self-evaluation report (no 绩效 自评/评价)");
        var hits = v.FigureLabels.Tags(text)
            .Where(t => t.Facet == "measure" && t.Canonical != "none" || t.Facet == "role" && t.Canonical is "target" or "actual" or "completion" or "weight" or "score" or "total_score")
            .Select(t => (t.Facet, t.Canonical)).Distinct().Count();
        var values = v.Value.Matches(text).Count(m => v.UnitKind(m.Groups["unit"].Value) is "money" or "percent" or "score");
        if (hits < 3 || values < 2)
            throw new NotAReportException("the document speaks of performance evaluation but states no budget figures, scores or indicators");
    }

    // The money unit most of the prose is written in: what an unlabelled table means.
    private static string ProseMoneyUnit(Vocabulary v, string text)
    {
        var counts = v.Value.Matches(text).Select(m => m.Groups["unit"].Value).Where(Money.IsMoneyUnit)
            .GroupBy(u => u).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == Money.Wan ? 0 : 1).FirstOrDefault();
        return counts?.Key ?? Money.Wan;
    }
}
