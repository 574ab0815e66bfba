using Extractor.Reading.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using PdfPage = UglyToad.PdfPig.Content.Page;

namespace Extractor.Reading.Pdf;

/// <summary>
/// Reads a PDF (PdfPig) into the document model: ruled tables rebuilt into cells, the rest into
/// paragraphs in reading order, running headers/footers and page numbers removed. Pages without a usable
/// text layer are read by OCR (<see cref="PageContent"/>) and go through the same steps.
/// </summary>
public static class PdfReader
{
    private const int MaxSegmentsPerPage = 4000;

    public static Document Read(string path, byte[] bytes, int maxPages = 2000, OcrOptions? ocr = null)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ReadException(ErrorCodes.Encrypted, "PDF needs a password to open", e);
        }
        catch (Exception e) when (e is not ReadException and not OutOfMemoryException)
        {
            throw new ReadException(ErrorCodes.Unreadable, $"PDF cannot be parsed: {e.Message}", e);
        }
        using (pdf)
        {
            if (pdf.NumberOfPages > maxPages)
                throw new ReadException(ErrorCodes.TooLarge, $"PDF has {pdf.NumberOfPages} pages, more than the limit of {maxPages}");
            var pages = new List<RawPage>();
            var content = new PageContent(bytes, ocr ?? OcrOptions.Default);
            try
            {
                for (var n = 1; n <= pdf.NumberOfPages; n++) pages.Add(ReadPage(pdf.GetPage(n), content));
            }
            // Running out of memory is the file's size, not its damage: the worker reports it as too_large.
            catch (Exception e) when (e is not ReadException and not OutOfMemoryException)
            {
                throw new ReadException(ErrorCodes.Unreadable, $"PDF page {pages.Count + 1} cannot be read: {e.Message}", e);
            }
            if (pages.All(p => p.Lines.Count == 0 && p.Tables.Count == 0))
                throw new ReadException(ErrorCodes.NoText, NoTextMessage(content, ocr ?? OcrOptions.Default));
            return Assemble(path, bytes, pages);
        }
    }

    private sealed record RawPage(int Number, double Width, double Height, List<GlyphLine> Lines, List<Table> Tables);

    private static string NoTextMessage(PageContent content, OcrOptions ocr) =>
        content.OcrUnavailable is { } why ? $"PDF has no text layer and OCR is not available: {why} (Debian: tesseract-ocr tesseract-ocr-chi-sim poppler-utils)"
        : ocr.Mode == OcrMode.Never ? "PDF has no text layer (scanned images need OCR; --ocr never was given)"
        : $"PDF has nothing legible: no text layer, and OCR of its {content.OcrPages} page(s) found no text (blank sheets or pictures)";

    private static RawPage ReadPage(PdfPage page, PageContent content)
    {
        var (glyphs, segments) = content.Read(page);
        var grids = segments.Count <= MaxSegmentsPerPage ? TableGrid.Find(segments) : [];
        var tables = new List<Table>();
        var inTable = new bool[glyphs.Count];
        foreach (var grid in grids)
        {
            var byCell = new Dictionary<TableGrid.GridCell, List<Glyph>>();
            for (var i = 0; i < glyphs.Count; i++)
            {
                var g = glyphs[i];
                if (inTable[i] || !grid.Contains(g.CenterX, g.CenterY)) continue;
                inTable[i] = true;
                if (grid.CellAt(g.CenterX, g.CenterY) is { } cell)
                    (byCell.TryGetValue(cell, out var list) ? list : byCell[cell] = []).Add(g);
            }
            tables.Add(ToTable(page.Number, grid, byCell));
        }
        var free = glyphs.Where((_, i) => !inTable[i]);
        return new RawPage(page.Number, page.Width, page.Height, Lines(free), tables);
    }

    private static Table ToTable(int page, TableGrid grid, Dictionary<TableGrid.GridCell, List<Glyph>> byCell)
    {
        var rows = Enumerable.Range(0, grid.Ys.Length - 1).Select(_ => new List<TableCell>()).ToList();
        foreach (var c in grid.Cells)
        {
            // A cell's wrapped lines are joined before anything reads it: "32,521,700.0" + "0".
            var lines = byCell.TryGetValue(c, out var gs) ? Lines(gs) : [];
            var (text, confidence) = ScoredText.Join(lines);
            rows[c.Row].Add(new TableCell(c.Row, c.Column, c.RowSpan, c.ColumnSpan, text, c.Box, confidence) { Lines = lines.Select(l => l.ToTextLine(page)).ToList() });
        }
        return new Table(page, grid.Box, rows.Select(r => new TableRow(r)).ToList());
    }

    // Lines from glyphs; OCR'd lines get their misread digits repaired (NumberRepair keeps the length).
    private static List<GlyphLine> Lines(IEnumerable<Glyph> glyphs) =>
        LineBuilder.Build(glyphs).Select(l => l.Confidence is null ? l : l with { Text = NumberRepair.Apply(l.Text) }).ToList();

    private static Document Assemble(string path, byte[] bytes, List<RawPage> raw)
    {
        var decorations = PageDecorations.Find(raw.Select(p => new PageDecorations.PageLines(p.Height, p.Lines, p.Width)).ToList());
        var pages = new List<Page>();
        for (var i = 0; i < raw.Count; i++)
        {
            var p = raw[i];
            var body = p.Lines.Where((_, k) => !decorations[i].Contains(k)).ToList();
            pages.Add(new Page(p.Number, p.Width, p.Height, Flow(p.Number, body, p.Tables)));
        }
        return new Document(new SourceInfo(path, Sources.Sha256(bytes), "pdf", raw.Count), PageJoin.JoinAcrossPages(pages));
    }

    // Paragraphs and tables in reading order (top to bottom); a table ends the paragraph above it.
    private static List<Block> Flow(int page, List<GlyphLine> lines, List<Table> tables)
    {
        var textLeft = lines.Count > 0 ? lines.Min(l => l.Left) : 0;
        var textRight = lines.Count > 0 ? Percentile(lines.Select(l => l.Right), 0.9) : 0;
        var blocks = new List<Block>();
        var pending = new List<GlyphLine>();
        void Flush()
        {
            foreach (var group in ParagraphBuilder.Group(pending, textLeft, textRight))
                blocks.Add(new Paragraph(page, Box.Union(group.Select(l => l.Box)),
                    group.Select(l => l.ToTextLine(page)).ToList(),
                    Glyphs.JoinWrapped(group.Select(l => l.Text))));
            pending.Clear();
        }
        var queue = new Queue<Table>(tables.OrderByDescending(t => t.Box!.Top));
        foreach (var line in lines.OrderByDescending(l => l.Baseline))
        {
            while (queue.Count > 0 && queue.Peek().Box!.Top > line.Top)
            {
                Flush();
                blocks.Add(queue.Dequeue());
            }
            pending.Add(line);
        }
        Flush();
        blocks.AddRange(queue);
        return blocks;
    }

    private static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
    }
}
