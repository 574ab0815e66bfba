using System.Text.RegularExpressions;
using Extractor.Reading;

namespace Extractor.Extraction.Tables;

/// <summary>
/// Tables, classified by their header text against the lexicon: an indicator (自评) table (its columns
/// found by role: 指标名称, 指标性质, 指标值, 度量单位, 实际完成值, 分值, 得分…), a project table (项目名称
/// with budget and actual columns), or else a figure table, whose every number is keyed from its row
/// label × column label (either may name the subject or the measure, so both orientations read alike),
/// or, in a key-value table, from the label to its left. A table whose first rows are data continues the
/// table before it (same columns) under that table's header.
/// </summary>
internal sealed class TableReader : IRecogniser
{
    private sealed record Part(TableView View, TablePlace Place, int Header, bool Continues);

    public void Recognise(ExtractionContext cx, Candidates found)
    {
        var v = cx.Vocabulary;
        var parts = new List<Part>();
        foreach (var (offset, table) in cx.Flow.Tables)
        {
            var whole = new TableView(table);
            if (whole.Grid.Length == 0 || whole.Columns == 0) continue;
            var place = new TablePlace(cx, offset, CaptionUnit(cx, offset, whole), cx.Flow.SectionAt(offset));
            var first = true;
            foreach (var segment in Segments(v, whole))
            {
                var previous = parts.Count > 0 ? parts[^1] : null;
                // Fewer column rulings on the new page (a total row alone): laid on the columns of the part before.
                var view = first && previous is not null && segment.Page > previous.View.Page && segment.Columns < previous.View.Columns
                    && segment.AlignedTo(previous.View) is { } aligned && HeaderRows(v, aligned) == 0 ? aligned : segment;
                var header = HeaderRows(v, view);
                // A table's first part on a later page with the same columns, whose first rows are data or a
                // header it cannot stand on (a wrapped remainder such as "值"), continues the table before it.
                // So does, on the same page, one whose first rows are data after no heading ("（续表）" at most).
                if (first && previous is not null && previous.View.Columns == view.Columns
                    && (view.Page > previous.View.Page
                        ? header == 0 || (Classify(v, previous.View, previous.Header) is not FigureTable && Classify(v, view, header) is FigureTable)
                        : header == 0 && previous.Header > 0 && !cx.Flow.Paragraphs.Any(p => p.Heading && p.Start > previous.Place.Offset && p.Start < offset)))
                {
                    // A header cut by the page break ("权" / "重") is joined like a data row.
                    var (before, after) = JoinCutRow(previous.View, view);
                    parts[^1] = previous with { View = before };
                    parts.Add(new Part(TableView.Continued(before, previous.Header, after), place, previous.Header, true));
                }
                else parts.Add(new Part(view, place, header, false));
                first = false;
            }
        }
        ITableKind? kind = null;
        foreach (var part in parts)
        {
            kind = part.Continues && kind is not null ? kind.Continue() : Classify(v, part.View, part.Header);
            kind.Read(part.View, part.Header, part.Place, found);
        }
    }

    // A row cut by the page break: the first row of the next part holds no number and only the rest of
    // the last row's texts ("生态护林员补助" / "发放及时率"). It is joined to that row.
    private static (TableView Before, TableView After) JoinCutRow(TableView before, TableView after)
    {
        // A row spanned across the table, or all but its number ("1 | 产出指标 | < | <…"), heads the rows below instead.
        // A number opening a cell is data; one after words is a wrapped remark's ("调整至2024年").
        bool Data(int c) => after.IsNumber(0, c) && !Regex.IsMatch(after.Cell(0, c), @"^\p{IsCJKUnifiedIdeographs}");
        if (after.Grid.Length == 0 || before.Grid.Length == 0 || Enumerable.Range(1, Math.Max(0, after.Columns - 1)).Any(Data)
            || after.Grid[0].Distinct().Count() == 1
            || after.Columns > 2 && after.Grid[0][1].Length > 0 && after.Grid[0][1..].Distinct().Count() == 1) return (before, after);
        var last = before.Grid[^1];
        var cut = after.Grid[0];
        var texts = Enumerable.Range(0, after.Columns).Where(c => cut[c].Length > 0).ToList();
        // Only the rest of the row's texts: a year in a wrapped remark ("调整至2024年") is text, a number under a number is data.
        if (texts.Count == 0 || texts.Count >= last.Count(t => t.Length > 0)
            || texts.Any(c => last[c].Length == 0 || before.IsNumber(before.Grid.Length - 1, c))) return (before, after);
        return (before.WithLastRow(last.Select((t, c) => t + cut[c]).ToArray()), after.Slice(1, after.Grid.Length));
    }

    // Tables drawn one under another come as one: a header-like row (labels only, two or more of them
    // naming roles or measures) after data rows starts a new table; rows of long text above a table's
    // header (a 年度总体目标 box) are a table of their own.
    private static IEnumerable<TableView> Segments(Vocabulary v, TableView view)
    {
        var n = view.Grid.Length;
        var start = 0;
        var r = 0;
        while (r < n)
        {
            var data = Enumerable.Range(r, n - r).FirstOrDefault(view.HasNumber, -1);
            if (data < 0) break;
            var header = data;
            while (header - 1 >= start && ShortLabels(v, view, header - 1)) header--;
            if (header > start) { yield return view.Slice(start, header).Compact(); start = header; }
            var next = Enumerable.Range(data, n - data).FirstOrDefault(x => !view.HasNumber(x) && IsHeaderRow(v, view, x), -1);
            if (next < 0) break;
            yield return view.Slice(start, next).Compact();
            start = r = next;
        }
        // A header with no data under it on this page (its rows follow on the next) stands apart from the
        // rows of long text above it, so that the next page's part can continue it.
        if (!Enumerable.Range(start, n - start).Any(view.HasNumber))
        {
            var header = n;
            while (header - 1 >= start && ShortLabels(v, view, header - 1)) header--;
            if (header > start && header < n) { yield return view.Slice(start, header).Compact(); start = header; }
        }
        yield return start == 0 ? view.Compact() : view.Slice(start, n).Compact();
    }

    // A row of short labels, as a header row is (no numbers, no sentence-long cells, no "目标1：…" content).
    // ("其中：在职" is a label all the same: a breakdown word before the colon.)
    private static bool ShortLabels(Vocabulary v, TableView view, int r) =>
        !view.HasNumber(r) && Enumerable.Range(0, view.Columns).All(c => view.Cell(r, c).Length <= 30
            && (!view.Cell(r, c).Contains(':') || v.Lexicon.Pattern("breakdown", prefix: "^(?:", suffix: @")\s*:").IsMatch(view.Cell(r, c))));

    private static bool IsHeaderRow(Vocabulary v, TableView view, int r)
    {
        var labels = Enumerable.Range(0, view.Columns).Where(c => view.IsOrigin(r, c)).Select(c => view.Cell(r, c)).Where(c => c.Length > 0).ToList();
        var named = labels.Count(l => v.FigureLabels.Tags(l).Any(t => t.Facet == "measure" && t.Entry.Attribute("weak") is null || t.Facet == "role" && t.Canonical != "name"));
        return named >= 2;
    }

    private static ITableKind Classify(Vocabulary v, TableView view, int header)
    {
        if (IndicatorTable.For(v, view, Math.Max(1, header)) is { } indicators) return indicators;
        if (ProjectTable.Columns(v, view, Math.Max(1, header)) is { } cols) return new ProjectTable(cols);
        return new FigureTable();
    }

    /// <summary>Rows above the first row holding a number in any column but the first: the header.</summary>
    public static int HeaderRows(Vocabulary v, TableView view)
    {
        for (var r = 0; r < view.Grid.Length; r++)
        {
            // One cell across the whole table below the header is a section of the rows ("预算执行"), not a header.
            // (Unless a header row follows it: then it captions that header, "年度预算执行情况（万元）".)
            if (r > 0 && view.Columns > 2 && view.Grid[r].All(c => c.Length > 0) && view.Grid[r].Distinct().Count() == 1
                && !(r + 1 < view.Grid.Length && !view.HasNumber(r + 1) && IsHeaderRow(v, view, r + 1))) return r;
            // Nor is a numbered one ("1 | 产出指标 | < | <…") naming a group of the rows below.
            if (r > 0 && view.Columns > 2 && view.Grid[r][1..].All(c => c == view.Grid[r][1]) && view.Grid[r][1].Length > 0
                && v.Lexicon.Matcher("group_word").IsWhole(view.Grid[r][1], out _)) return r;
            for (var c = 1; c < view.Columns; c++)
                if (view.IsNumber(r, c) && !IsHeaderNumber(view.Cell(r, c))) return r;
        }
        return view.Grid.Length;
    }

    /// <summary>
    /// "total" or "subtotal" when a row label is a total ("合计", "总计") or ends with one ("一般公共预算资金小计").
    /// </summary>
    public static string? TotalOf(Vocabulary v, string cell)
    {
        if (cell.Length == 0) return null;
        var tags = v.Lexicon.Matcher("total_row").Tags(cell);
        return tags.FirstOrDefault(t => t.End == cell.Length && (t.Start == 0 || cell.Length <= 16))?.Canonical;
    }

    // "2023年度", a long caption with a number in it: numbers a header cell may hold.
    private static bool IsHeaderNumber(string cell) =>
        Regex.IsMatch(cell, @"^\D*(?:19|20)\d\d\D+$") || (cell.Length > 12 && cell.Count(c => c > 0x3000) > 6);

    // "金额单位：元" in the lines just before the table, or in its first row.
    private static string? CaptionUnit(ExtractionContext cx, int offset, TableView view)
    {
        var rx = CaptionRx(cx.Vocabulary);
        var before = cx.Flow.Text[Math.Max(0, offset - 60)..offset];
        var m = rx.Matches(before).LastOrDefault() ?? rx.Match(string.Join(" ", view.Grid[0]));
        return m is { Success: true } ? m.Groups["u"].Value : null;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Vocabulary, Regex> Captions = new();

    private static Regex CaptionRx(Vocabulary v) => Captions.GetValue(v, v =>
        new Regex($@"(?:{Vocabulary.Alternation(v.Lexicon.Forms("unit_caption"))})\s*[:：]?\s*(?<u>{Vocabulary.Alternation(v.Lexicon.Forms("unit", "money"))})",
            RegexOptions.CultureInvariant));
}

/// <summary>Where a table stands: its flow offset, the money unit its caption states, its section.</summary>
internal sealed record TablePlace(ExtractionContext Context, int Offset, string? CaptionUnit, string Section)
{
    /// <summary>The table's body index (the flow's line break before it belongs to it).</summary>
    public int Block => Context.Flow.BlockAt(Math.Max(0, Offset - 1));

    /// <summary>A figure read from cell (r, c): its page and the box of its number.</summary>
    public Figure Figure(TableView view, int r, int c, string key, decimal value, string? unit, string text, int decimals) =>
        new(key, value, unit, text, view.PageOf(r), Offset) { Decimals = decimals, Box = view.BoxOf(r, c), Paragraph = Block, Confidence = view.ConfidenceOf(r, c) };

    public Vocabulary Vocabulary => Context.Vocabulary;

    /// <summary>The money unit of a column or row label ("预算数（万元）"), else the caption's, else the prose's.</summary>
    public string MoneyUnit(params string[] labels) =>
        labels.Select(l => LabelUnit(Vocabulary, l)).FirstOrDefault(u => u is not null && Money.IsMoneyUnit(u)) ?? CaptionUnit ?? Context.ProseMoneyUnit;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Vocabulary, Regex> Units = new();

    /// <summary>A unit in brackets in a label: "（万元）", "(%)".</summary>
    public static string? LabelUnit(Vocabulary v, string label)
    {
        var rx = Units.GetValue(v, v => new Regex($@"[(（]\s*(?<u>{Vocabulary.Alternation(v.Lexicon.Forms("unit", "money").Concat(v.Lexicon.Forms("unit", "percent")))})\s*[)）]",
            RegexOptions.CultureInvariant));
        var m = rx.Match(label);
        return m.Success ? m.Groups["u"].Value : null;
    }

    /// <summary>Provenance text of a value in a table: its row label, column label and cell.</summary>
    public static string Text(string row, string column, string cell) => string.Join(" | ", new[] { row, column, cell }.Where(s => s.Length > 0));
}

/// <summary>One kind of table: how its rows become figures, indicators or projects.</summary>
internal interface ITableKind
{
    void Read(TableView view, int headerRows, TablePlace place, Candidates found);

    /// <summary>The same kind, reading the next page's part of the table.</summary>
    ITableKind Continue();
}
