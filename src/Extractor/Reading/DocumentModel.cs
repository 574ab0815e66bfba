using System.Text.Json.Serialization;

namespace Extractor.Reading;

/// <summary>Where a document came from. Format is what its content is, not what its name says.</summary>
public sealed record SourceInfo(string Path, string Sha256, string Format, int Pages);

/// <summary>A rectangle in PDF user space (points, origin bottom-left).</summary>
public sealed record Box(double Left, double Bottom, double Right, double Top)
{
    [JsonIgnore] public double Width => Right - Left;
    [JsonIgnore] public double Height => Top - Bottom;

    public static Box? Union(IEnumerable<Box?> boxes)
    {
        Box? u = null;
        foreach (var b in boxes)
        {
            if (b is null) continue;
            u = u is null ? b : new Box(Math.Min(u.Left, b.Left), Math.Min(u.Bottom, b.Bottom),
                                        Math.Max(u.Right, b.Right), Math.Max(u.Top, b.Top));
        }
        return u;
    }
}

/// <summary>One visual line of text as laid out on the page.</summary>
/// <param name="Confidence">Only for text read by OCR: the recogniser's confidence (0–1) for each character of
/// <paramref name="Text"/>, index for index (a space the layout put in gets the lower of its neighbours'). Null for text
/// that came from a text layer, a .docx or a .txt, so non-null means "read by OCR". See <see cref="OcrConfidence"/>.</param>
public sealed record TextLine(string Text, Box? Box, int Page = 1, IReadOnlyList<float>? Confidence = null)
{
    /// <summary>
    /// Where each character of <see cref="Text"/> stands on the line: left and right x (PDF points) of
    /// character i at [2i] and [2i+1]; a space the reader inserted spans the gap. Absent when unknown (Word).
    /// </summary>
    public IReadOnlyList<float>? CharX { get; init; }

    /// <summary>The box of characters [start, start+length) of the line, when their positions are known.</summary>
    public Box? BoxOf(int start, int length)
    {
        if (CharX is null || Box is null || length <= 0 || 2 * (start + length) > CharX.Count) return null;
        return new Box(CharX[2 * start], Box.Bottom, CharX[2 * (start + length) - 1], Box.Top);
    }
}

/// <summary>A piece of the reading flow: a paragraph or a table. Knows its page (1-based).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Paragraph), "paragraph")]
[JsonDerivedType(typeof(Table), "table")]
public abstract record Block(int Page, Box? Box)
{
    /// <summary>The block's place in the document body, 0-based (Word's paragraph index), when the reader knows it.</summary>
    public int? Index { get; init; }
}

/// <summary>A paragraph: its wrapped lines, and their text joined the way a reader would read it.</summary>
public sealed record Paragraph(int Page, Box? Box, IReadOnlyList<TextLine> Lines, string Text) : Block(Page, Box);

/// <param name="Confidence">As on <see cref="TextLine"/>: per character of <paramref name="Text"/>, only for OCR.</param>
public sealed record TableCell(int Row, int Column, int RowSpan, int ColumnSpan, string Text, Box? Box, IReadOnlyList<float>? Confidence = null)
{
    /// <summary>The cell's lines with their character positions (PDF), for the box of a number in it.</summary>
    public IReadOnlyList<TextLine>? Lines { get; init; }
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    /// <summary>The page the row stands on, when a table runs over a page break (Word).</summary>
    public int? Page { get; init; }
}

/// <summary>A table: rows of cells; a merged cell appears once, at its top-left grid position, with its spans.</summary>
public sealed record Table(int Page, Box? Box, IReadOnlyList<TableRow> Rows) : Block(Page, Box)
{
    [JsonIgnore]
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count == 0 ? 0 : r.Cells.Max(c => c.Column + c.ColumnSpan));
}

public sealed record Page(int Number, double Width, double Height, IReadOnlyList<Block> Blocks);

/// <summary>The one model every reader produces and every later stage reads.</summary>
public sealed record Document(SourceInfo Source, IReadOnlyList<Page> Pages)
{
    [JsonIgnore]
    public IEnumerable<Block> Blocks => Pages.SelectMany(p => p.Blocks);
}
