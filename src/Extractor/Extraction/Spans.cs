namespace Extractor.Extraction;

/// <summary>Spans of the flow text already read by a more specific rule (an indicator block, a project
/// line), so that general figure rules do not read them again.</summary>
public sealed class Spans
{
    private readonly List<(int Start, int End)> _spans = [];

    public void Add(int start, int length) => _spans.Add((start, start + length));

    public bool Overlaps(int start, int length) => _spans.Any(s => start < s.End && start + length > s.Start);
}
