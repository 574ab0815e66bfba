using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Extractor.Reading;

/// <summary>
/// Reads a Word .docx (OpenXml) into the document model: body paragraphs and tables in document
/// order, merged cells as spans, text boxes after the paragraph that anchors them, tracked changes
/// as accepted, fields by their shown result. Headers and footers live in other parts and never
/// enter the flow. Word has no fixed pages, so every block is on page 1.
/// </summary>
public static class DocxReader
{
    public static Document Read(string path, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new ReadException(ErrorCodes.Unreadable, "the .docx has no document body");
            var blocks = new List<Block>();
            ReadBlocks(body.ChildElements, blocks);
            if (blocks.Count == 0) throw new ReadException(ErrorCodes.NoText, "the .docx has no text");
            return new Document(new SourceInfo(path, Sources.Sha256(bytes), "docx", 1), [new Page(1, 0, 0, blocks)]);
        }
        catch (Exception e) when (e is not ReadException)
        {
            throw new ReadException(ErrorCodes.Unreadable, $"the .docx cannot be parsed: {e.Message}", e);
        }
    }

    private static void ReadBlocks(IEnumerable<OpenXmlElement> elements, List<Block> blocks)
    {
        foreach (var e in elements)
        {
            switch (e)
            {
                case W.Paragraph p:
                    var boxes = new List<OpenXmlElement>();
                    var text = ParagraphText(p, boxes);
                    AddParagraph(text, blocks);
                    foreach (var box in boxes) ReadBlocks(box.ChildElements, blocks);
                    break;
                case W.Table t:
                    blocks.Add(ReadTable(t));
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content.ChildElements, blocks);
                    break;
                case CustomXmlBlock or W.InsertedRun:
                    ReadBlocks(e.ChildElements, blocks);
                    break;
            }
        }
    }

    private static void AddParagraph(string text, List<Block> blocks)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return;
        blocks.Add(new Paragraph(1, null, lines.Select(l => new TextLine(l, null)).ToList(), Glyphs.JoinWrapped(lines)));
    }

    /// <summary>The shown text of a paragraph; text-box contents are handed back to be read as blocks.</summary>
    private static string ParagraphText(OpenXmlElement p, List<OpenXmlElement> textBoxes)
    {
        var sb = new System.Text.StringBuilder();
        void Walk(OpenXmlElement e)
        {
            switch (e)
            {
                case W.Text t: sb.Append(t.Text); return;
                case TabChar or PositionalTab: sb.Append(' '); return;
                case Break or CarriageReturn: sb.Append('\n'); return;
                case NoBreakHyphen: sb.Append('-'); return;
                case DeletedRun or MoveFromRun or FieldCode or DeletedFieldCode: return; // tracked deletions, field codes
                case TextBoxContent: textBoxes.Add(e); return;
            }
            if (e.LocalName == "Fallback") return; // mc:AlternateContent repeats its choice as a fallback
            foreach (var c in e.ChildElements) Walk(c);
        }
        foreach (var c in p.ChildElements) Walk(c);
        return Glyphs.RepairRadicals(sb.ToString());
    }

    private static Table ReadTable(W.Table table)
    {
        var rows = new List<List<Reading.TableCell>>();
        var starts = new Dictionary<int, (int Row, int Index)>(); // column -> open vertical merge
        foreach (var tr in table.Elements<W.TableRow>())
        {
            var r = rows.Count;
            var cells = new List<Reading.TableCell>();
            var col = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            foreach (var tc in tr.Elements<W.TableCell>())
            {
                var span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var vmerge = tc.TableCellProperties?.VerticalMerge;
                var continues = vmerge is not null && (vmerge.Val is null || vmerge.Val.Value == MergedCellValues.Continue);
                if (continues && starts.TryGetValue(col, out var open))
                {
                    var above = rows[open.Row][open.Index];
                    rows[open.Row][open.Index] = above with { RowSpan = r - above.Row + 1 };
                }
                else
                {
                    var texts = new List<string>();
                    foreach (var para in tc.Descendants<W.Paragraph>())
                    {
                        var t = ParagraphText(para, []).Replace('\n', ' ').Trim();
                        if (t.Length > 0) texts.Add(t);
                    }
                    cells.Add(new Reading.TableCell(r, col, 1, span, Glyphs.JoinWrapped(texts), null));
                    if (vmerge is not null) starts[col] = (r, cells.Count - 1);
                    else starts.Remove(col);
                }
                col += span;
            }
            rows.Add(cells);
        }
        return new Table(1, null, rows.Select(c => new Reading.TableRow(c)).ToList());
    }
}
