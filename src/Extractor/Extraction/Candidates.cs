using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>A stage of extraction: reads the flow text (and its tables) and adds what it found, with provenance.</summary>
internal interface IRecogniser
{
    void Recognise(ExtractionContext context, Candidates found);
}

/// <summary>What every recogniser sees: the flow text, the vocabulary, and the unit the prose writes money in.</summary>
internal sealed record ExtractionContext(FlowText Flow, Vocabulary Vocabulary, string ProseMoneyUnit)
{
    private ReportInfo? _info;

    /// <summary>Unit, fiscal year and date of the report, read once (tables need the year, the resolver all).</summary>
    public ReportInfo Info => _info ??= ReportHeader.Read(this);
}

/// <summary>A span of the flow text.</summary>
internal readonly record struct Span(int Start, int Length)
{
    public int End => Start + Length;
    public bool Overlaps(Span o) => Start < o.End && o.Start < End;
}

/// <summary>
/// What the recognisers found, before the resolver decides: figure statements, indicators, projects
/// (each with the flow offset it stands at), the spans specific recognisers claimed (an indicator block,
/// a project line: general figure rules do not read them again), the value spans that were given a
/// meaning, and table values that were not.
/// </summary>
internal sealed class Candidates
{
    public List<Figure> Figures { get; } = [];
    public List<(int Offset, Indicator Indicator)> Indicators { get; } = [];
    public List<(int Offset, Project Project)> Projects { get; } = [];
    public List<Span> Claims { get; } = [];
    public List<Span> Taken { get; } = [];
    public List<UnreadValue> UnreadInTables { get; } = [];
    public List<string> Warnings { get; } = [];

    public bool Claimed(int start, int length)
    {
        var s = new Span(start, length);
        return Claims.Any(c => c.Overlaps(s));
    }

    public void Take(int start, int length) => Taken.Add(new Span(start, length));
}
