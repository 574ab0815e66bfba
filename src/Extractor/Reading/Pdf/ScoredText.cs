namespace Extractor.Reading.Pdf;

/// <summary>A cell's lines joined as <see cref="Glyphs.JoinWrapped(string, string)"/> joins them, with the per-character
/// OCR confidences kept aligned (a space the join puts in gets the lower of its neighbours').</summary>
internal static class ScoredText
{
    public static (string Text, IReadOnlyList<float>? Confidence) Join(IReadOnlyList<GlyphLine> lines)
    {
        var text = Glyphs.JoinWrapped(lines.Select(l => l.Text));
        if (lines.All(l => l.Confidence is null)) return (text, null);
        var confidence = new List<float>(text.Length);
        var built = "";
        foreach (var l in lines)
        {
            var joined = Glyphs.JoinWrapped(built, l.Text);
            if (joined.Length > built.Length + l.Text.Length) // a space between two Latin words
                confidence.Add(Math.Min(confidence.Count > 0 ? confidence[^1] : 1f, l.Confidence is [var first, ..] ? first : 1f));
            confidence.AddRange(l.Confidence ?? Enumerable.Repeat(1f, l.Text.Length));
            built = joined;
        }
        return (text, confidence);
    }
}
