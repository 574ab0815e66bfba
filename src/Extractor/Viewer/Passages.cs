using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Extractor.Storage;

namespace Extractor.Viewer;

/// <summary>Where a figure stands inside a stored block: the cell (-1 for a paragraph) and the span of its written number.</summary>
public sealed record Mark(int Cell, int Start, int Length);

/// <summary>
/// Finds the passage of a finding's figure in the stored document: its block (by Word's paragraph index,
/// else by page and passage), and the span of the number as the report wrote it, so that `show` and the
/// viewer mark the figure itself inside its sentence or cell. Texts are compared in NFKC, as extraction reads them.
/// </summary>
public static partial class Passages
{
    public static string Normal(string s) => s.Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// The index of the block the evidence stands in, or -1: the block of its paragraph index (an indicator's
    /// parts may follow in the next few blocks), else one on its page, else anywhere — where the number stands
    /// inside its passage, else where the passage is, else where the number is.
    /// </summary>
    public static int FindBlock(IReadOnlyList<StoredBlock> blocks, EvidenceItem e)
    {
        var numbered = blocks.Select((b, i) => (b, i)).ToList();
        var candidates = new List<List<(StoredBlock b, int i)>>();
        if (e.Paragraph is { } p)
        {
            // A block's index is Word's paragraph index, or its place in reading order when the reader has none.
            var first = numbered.FindIndex(x => (x.b.BodyIndex ?? x.b.Seq) == p);
            if (first >= 0) candidates.Add(numbered.Skip(first).Take(8).ToList());
        }
        candidates.Add(numbered.Where(x => x.b.Page == e.Page).ToList());
        candidates.Add(numbered);
        for (var quality = 3; quality >= 1; quality--)
            foreach (var set in candidates)
                foreach (var (b, i) in set)
                    if (Find(b, e) is { } found && found.Quality >= quality) return i;
        return -1;
    }

    /// <summary>Where in the block the evidence's number stands: inside its passage when the passage is found.</summary>
    public static Mark? Locate(StoredBlock block, EvidenceItem e) => Find(block, e)?.Mark;

    // Quality 3: the number inside its passage; 2: the passage; 1: the number alone.
    private static (Mark Mark, int Quality)? Find(StoredBlock block, EvidenceItem e)
    {
        var number = NumberPattern(e.Value, e.Unit);
        if (block.Kind == "paragraph")
            return Within(Normal(block.Text), Normal(e.Text), number) is { } s ? (new Mark(-1, s.Start, s.Length), s.Quality) : null;
        // A table figure's passage is "row head | column head | cell": the cell is its last piece.
        var pieces = Normal(e.Text).Split('|').Select(t => t.Trim()).ToArray();
        var cellText = pieces[^1];
        var rowHead = pieces.Length > 1 ? pieces[0] : null;
        (Mark, int)? best = null;
        foreach (var (cell, i) in block.Cells.Select((c, i) => (c, i)))
        {
            if (Within(Normal(cell.Text), cellText, number) is not { } s) continue;
            var inRow = rowHead is null || block.Cells.Any(o => o.Row == cell.Row && Normal(o.Text).Contains(rowHead));
            var quality = inRow ? s.Quality : Math.Min(s.Quality, 1);
            if (best is null || quality > best.Value.Item2) best = (new Mark(i, s.Start, s.Length), quality);
        }
        return best;
    }

    private static (int Start, int Length, int Quality)? Within(string text, string passage, Regex? number)
    {
        var at = passage.Length > 0 ? text.IndexOf(passage, StringComparison.Ordinal) : -1;
        // The number is matched in the whole text, so that "10" is not found inside the passage's "100%".
        if (at >= 0 && number?.Matches(text).FirstOrDefault(m => m.Index >= at && m.Index + m.Length <= at + passage.Length) is { } m)
            return (m.Index, m.Length, 3);
        if (at >= 0) return (at, passage.Length, 2);
        if (number?.Match(text) is { Success: true } any) return (any.Index, any.Length, 1);
        return null;
    }

    /// <summary>The written forms of a value: in its own unit (万元 back to 元 or 亿元), digits grouped or not, any trailing zeros.</summary>
    public static Regex? NumberPattern(decimal? value, string? unit)
    {
        if (value is not { } v) return null;
        v = Math.Abs(unit switch { "元" => v * 10_000m, "亿元" => v / 10_000m, _ => v });
        var text = v.ToString("0.############", CultureInfo.InvariantCulture);
        var parts = text.Split('.');
        var integer = string.Join("[,，]?", parts[0].Select(c => c.ToString()));
        var fraction = parts.Length > 1 ? @"\." + parts[1] + "0*" : @"(?:\.0+)?";
        return new Regex($@"(?<![\d.]){integer}{fraction}(?!\d)", RegexOptions.CultureInvariant);
    }

    /// <summary>A block as lines of text, with the mark's number between 【 and 】 (for `show`).</summary>
    public static IReadOnlyList<string> Lines(StoredBlock block, Mark? mark)
    {
        string Marked(string text, int cell) =>
            mark is { } m && m.Cell == cell ? text[..m.Start] + "【" + text.Substring(m.Start, m.Length) + "】" + text[(m.Start + m.Length)..] : text;
        if (block.Kind == "paragraph") return [Marked(Normal(block.Text), -1)];
        return block.Cells.Select((c, i) => (c, i)).GroupBy(x => x.c.Row)
            .Select(row => string.Join(" | ", row.Select(x => Marked(Normal(x.c.Text), x.i)))).ToList();
    }
}
