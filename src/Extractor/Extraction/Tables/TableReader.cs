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
    public void Recognise(ExtractionContext cx, Candidates found)
    {
        TableView? previous = null;
        ITableKind? previousKind = null;
        var previousHeader = 0;
        foreach (var (offset, table) in cx.Flow.Tables)
        {
            var view = new TableView(table);
            if (view.Grid.Length == 0 || view.Columns == 0) continue;
            var place = new TablePlace(cx, offset, CaptionUnit(cx, offset, view), cx.Flow.SectionAt(offset));
            ITableKind? kind = null;
            var header = HeaderRows(cx.Vocabulary, view);
            // A part on a later page with the same columns, whose first rows are data or a header it cannot
            // stand on (a wrapped remainder such as "值"), continues the table before it.
            if (previous is not null && previousKind is not null && previous.Columns == view.Columns && view.Page > previous.Page
                && (header == 0 || (previousKind is not FigureTable && Classify(cx.Vocabulary, view, header) is FigureTable)))
            {
                // Continued from the page before, without its header.
                view = new TableView(previous, previousHeader, view);
                header = previousHeader;
                kind = previousKind.Continue();
            }
            kind ??= Classify(cx.Vocabulary, view, header);
            kind.Read(view, header, place, found);
            previous = view; previousKind = kind; previousHeader = header;
        }
    }

    private static ITableKind Classify(Vocabulary v, TableView view, int header)
    {
        if (IndicatorTable.Columns(v, view, Math.Max(1, header)) is { } roles) return new IndicatorTable(roles);
        if (ProjectTable.Columns(v, view, Math.Max(1, header)) is { } cols) return new ProjectTable(cols);
        return new FigureTable();
    }

    /// <summary>Rows above the first row holding a number in any column but the first: the header.</summary>
    public static int HeaderRows(Vocabulary v, TableView view)
    {
        for (var r = 0; r < view.Grid.Length; r++)
            for (var c = 1; c < view.Columns; c++)
                if (view.IsNumber(r, c) && !IsHeaderNumber(view.Cell(r, c))) return r;
        return view.Grid.Length;
    }

    // "(万元)", "2023年", "①": numbers a header cell may hold.
    private static bool IsHeaderNumber(string cell) => Regex.IsMatch(cell, @"^[^\d]*\d{4}[^\d]*$") || cell.Length > 12;

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
