using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Extractor.Reading;

/// <summary>
/// Reads a Word .docx (OpenXml) into the document model: body paragraphs and tables in document
/// order, merged cells as spans, text boxes after the paragraph that anchors them, tracked changes
/// as accepted, fields by their shown result. Headers and footers live in other parts and never
/// enter the flow. Pages are where Word last rendered them: each w:lastRenderedPageBreak starts a page
/// (it follows an explicit break too, so when a file has them only they count); a file without them
/// counts explicit page breaks (w:br type=page, pageBreakBefore, a section starting a new page). Each
/// block keeps its body index (Word's paragraph index).
/// </summary>
public static class DocxReader
{
    /// <summary>The page being read and how breaks are counted, for one document.</summary>
    private sealed class Pages(bool rendered)
    {
        public int Current = 1;
        public readonly bool Rendered = rendered;
        public int Index;
    }

    public static Document Read(string path, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new ReadException(ErrorCodes.Unreadable, "the .docx has no document body");
            var blocks = new List<Block>();
            var pages = new Pages(body.Descendants<LastRenderedPageBreak>().Any());
            foreach (var e in body.ChildElements)
            {
                ReadBlocks([e], blocks, pages);
                if (e is W.Paragraph or W.Table or SdtBlock) pages.Index++;
            }
            if (blocks.Count == 0) throw new ReadException(ErrorCodes.NoText, "the .docx has no text");
            var count = Math.Max(1, blocks.Max(b => b.Page));
            return new Document(new SourceInfo(path, Sources.Sha256(bytes), "docx", count),
                Enumerable.Range(1, count).Select(n => new Page(n, 0, 0, blocks.Where(b => b.Page == n).ToList())).ToList());
        }
        catch (Exception e) when (e is not ReadException)
        {
            throw new ReadException(ErrorCodes.Unreadable, $"the .docx cannot be parsed: {e.Message}", e);
        }
    }

    private static void ReadBlocks(IEnumerable<OpenXmlElement> elements, List<Block> blocks, Pages pages)
    {
        foreach (var e in elements)
        {
            switch (e)
            {
                case W.Paragraph p:
                    if (!pages.Rendered && p.ParagraphProperties?.PageBreakBefore is { } pb && (pb.Val is null || pb.Val.Value)) pages.Current++;
                    var boxes = new List<OpenXmlElement>();
                    var text = ParagraphText(p, boxes, pages);
                    AddParagraph(text, blocks, pages);
                    foreach (var box in boxes) ReadBlocks(box.ChildElements, blocks, pages);
                    // A section that starts on a new page begins after this paragraph.
                    if (!pages.Rendered && p.ParagraphProperties?.SectionProperties?.GetFirstChild<SectionType>()?.Val?.Value is { } type
                        && type != SectionMarkValues.Continuous) pages.Current++;
                    break;
                case W.Table t:
                    blocks.Add(ReadTable(t, pages) with { Index = pages.Index });
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content.ChildElements, blocks, pages);
                    break;
                case CustomXmlBlock or W.InsertedRun:
                    ReadBlocks(e.ChildElements, blocks, pages);
                    break;
            }
        }
    }

    // Page marks in a paragraph's text (\f + page number + \f) split it into lines, each on its page.
    private static void AddParagraph(string text, List<Block> blocks, Pages pages)
    {
        var lines = new List<TextLine>();
        var pieces = text.Split('\f'); // text, page, text, page, text…
        var page = pieces.Length > 1 ? int.Parse(pieces[1]) - 1 : pages.Current;
        for (var i = 0; i < pieces.Length; i += 2)
        {
            if (i > 0) page = int.Parse(pieces[i - 1]);
            foreach (var l in pieces[i].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                lines.Add(new TextLine(l, null, page));
        }
        if (lines.Count == 0) return;
        blocks.Add(new Paragraph(lines[0].Page, null, lines, Glyphs.JoinWrapped(lines.Select(l => l.Text))) { Index = pages.Index });
    }

    /// <summary>
    /// The shown text of a paragraph; text-box contents are handed back to be read as blocks. A page that
    /// begins inside it is marked "\f" + its number + "\f" (from <paramref name="pages"/>, which it advances).
    /// </summary>
    private static string ParagraphText(OpenXmlElement p, List<OpenXmlElement> textBoxes, Pages? pages = null)
    {
        var sb = new System.Text.StringBuilder();
        void NewPage()
        {
            if (pages is null) return;
            pages.Current++;
            sb.Append('\f').Append(pages.Current).Append('\f');
        }
        void Walk(OpenXmlElement e)
        {
            switch (e)
            {
                case W.Text t: sb.Append(t.Text); return;
                case TabChar or PositionalTab: sb.Append(' '); return;
                case LastRenderedPageBreak: if (pages?.Rendered == true) NewPage(); return;
                case Break { Type.Value: var type } when type == BreakValues.Page:
                    if (pages?.Rendered == false) NewPage();
                    sb.Append('\n');
                    return;
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

    private static Table ReadTable(W.Table table, Pages pages)
    {
        var rows = new List<List<Reading.TableCell>>();
        var rowPages = new List<int>();
        var first = pages.Current;
        var starts = new Dictionary<int, (int Row, int Index)>(); // column -> open vertical merge
        foreach (var tr in table.Elements<W.TableRow>())
        {
            var r = rows.Count;
            var cells = new List<Reading.TableCell>();
            // A row that Word rendered on a new page carries the break in its first cell's text.
            if (pages.Rendered && tr.Descendants<LastRenderedPageBreak>().Any()) pages.Current += tr.Descendants<LastRenderedPageBreak>().Count();
            rowPages.Add(pages.Current);
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
                        var t = ParagraphText(para, []).Replace('\n', ' ').Replace("\f", "").Trim();
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
        if (rowPages.Count > 0) first = rowPages[0];
        return new Table(first, null, rows.Select((c, i) => new Reading.TableRow(c) { Page = rowPages[i] }).ToList());
    }
}
