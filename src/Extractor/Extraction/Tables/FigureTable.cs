using Extractor.Extraction.Lexicon;

namespace Extractor.Extraction.Tables;

/// <summary>
/// A table of figures in any orientation. Each number is keyed by the labels it stands under: its row
/// label (the leading label columns) and its column label (the header rows, top to bottom). One of them
/// names the measure and the other the subject, whichever way round the table is drawn; in a key-value
/// table (人员编制 | 36 | 实有人数 | 33) the label cell to its left names it. Points in a table about the
/// execution rate are the execution score and its weight.
/// </summary>
internal sealed class FigureTable : ITableKind
{
    public ITableKind Continue() => this;

    public void Read(TableView view, int headerRows, TablePlace place, Candidates found)
    {
        var v = place.Vocabulary;
        var labelColumns = LabelColumns(v, view, headerRows);
        var columns = Enumerable.Range(0, view.Columns).Select(c => view.ColumnLabel(c, headerRows)).ToArray();
        var header = string.Join("|", columns);
        // "年度预算执行情况（万元） | 年初预算数 | …": a unit in the header of the label column is the whole table's.
        if (Enumerable.Range(0, labelColumns).Select(c => TablePlace.LabelUnit(v, columns[c])).FirstOrDefault(Money.IsMoneyUnit) is { } corner)
            place = place with { CaptionUnit = corner };
        var aboutExecution = v.FigureLabels.Tags(header).Any(t => t.Facet == "measure" && t.Canonical == "execution_rate");
        // The report's year, or when the report does not say, the latest a column names ("2022年决算数 | 2023年决算数").
        var fiscalYear = place.Context.Info.FiscalYear ?? Enumerable.Range(0, view.Columns)
            .SelectMany(c => YearLabel.Matches(view.ColumnLabel(c, headerRows)).Select(m => (int?)int.Parse(m.Groups[1].Value))).Max();
        if (aboutExecution) HeaderWeight(view, headerRows, place, found);
        Tag? rowMeasure = null;
        // Beside a 合计 row, a row naming nothing the lexicon knows ("城乡社区支出") is one part of that total.
        var totalRow = Enumerable.Range(headerRows, Math.Max(0, view.Grid.Length - headerRows))
            .Any(r => TableReader.TotalOf(v, view.RowLabel(r, labelColumns)) == "total");
        var valueColumns = Enumerable.Range(labelColumns, Math.Max(0, view.Columns - labelColumns)).ToList();
        // "年中追加 | 年中压减": columns of additions and of cuts are parts of the adjustment, neither of them the whole.
        var adjusting = valueColumns.ToDictionary(c => c, c => AdjustmentSigns(v, columns[c]));
        var splitAdjustment = Split(adjusting.Values);
        // The same down the rows ("年中追加数 | 年中调减数" as rows of a table with measures as rows).
        var rowAdjusting = Enumerable.Range(headerRows, Math.Max(0, view.Grid.Length - headerRows)).ToDictionary(r => r,
            r => AdjustmentSigns(v, view.RowLabel(r, labelColumns)));
        var splitRows = Split(rowAdjusting.Values);
        // The same across: beside a 合计 column, a column naming nothing known ("一般公共服务支出") is a part of it.
        var totals = valueColumns.ToDictionary(c => c, c => columns[c].Split('|').Any(l => TableReader.TotalOf(v, l) == "total"));
        var totalColumn = totals.Values.Any(t => t);
        // The same measures named over two runs of columns: blocks side by side, each with its label column.
        var blockMeasures = valueColumns.Select(c => ProseFigures.Strongest(ProseFigures.Labels(v, columns[c]))).OfType<Tag>()
            .Where(t => t.Entry.Attribute("weak") is null).Select(t => t.Canonical).ToList();
        var blocks = blockMeasures.Count >= 4 && blockMeasures.Distinct().Count() * 2 <= blockMeasures.Count;
        var afterNamed = false; // below a row naming a subject ("三公经费"), a row naming nothing known is an item of it
        var read = new List<(Figure Figure, bool OfTotal)>();
        for (var r = headerRows; r < view.Grid.Length; r++)
        {
            var rowLabel = view.RowLabel(r, labelColumns);
            var namesSubject = ProseFigures.Labels(v, rowLabel).Any(t => t.Facet == "subject" && t.Canonical is not ("whole" or "part"));
            // A row naming only a part ("其中：基本支出") under a row naming a measure ("年初预算数") is that measure's part.
            var ownMeasure = ProseFigures.Strongest(ProseFigures.Labels(v, rowLabel));
            if (ownMeasure is not null) rowMeasure = ownMeasure;
            string? previousLabel = rowLabel.Length > 0 ? rowLabel : null;
            for (var c = labelColumns; c < view.Columns; c++)
            {
                if (!view.IsNumber(r, c) || !view.IsOrigin(r, c)) continue;
                if (Values.ReadCell(view.Cell(r, c), v) is not { } q) continue;
                var columnLabel = columns[c];
                // "2022年度 | 2023年度": a column or row of another year than the report's holds that year's figures.
                if (OtherYear(columnLabel, fiscalYear) || OtherYear(rowLabel, fiscalYear)) continue;
                var inline = InlineLabel(view, r, c, labelColumns, blocks);
                var rLabel = inline ?? rowLabel;
                // "按支出性质分 | 年初预算数 | 全年预算数" over "其中：基本支出 | 642.80 | 655.30": a label beside the value
                // names the subject, the column still names the measure.
                var cLabel = inline is null || (ProseFigures.Strongest(ProseFigures.Labels(v, columnLabel)) is { } m && m.Entry.Attribute("weak") is null
                    && !ProseFigures.Labels(v, inline).Any(t => t.Facet is "measure" or "role")) ? columnLabel : "";
                if (splitAdjustment && inline is null && adjusting[c].Count > 0) continue;
                if (splitRows && inline is null && rowAdjusting[r].Count > 0) continue;
                var figure = Key(place, rLabel, cLabel, q, aboutExecution || rLabel.Length > 0 && HasExecution(v, rLabel), ownMeasure is null ? rowMeasure : null,
                    partOfTotal: (totalRow || afterNamed) && inline is null && rowLabel.Length > 0,
                    columnPartOfTotal: totalColumn && inline is null && !totals[c]);
                // "基本支出决算数 | 1,158.42 | 占总支出比例 | 37.04%": a key-value label naming no subject is about the
                // subject of the label before it in the row.
                if (figure is null && inline is not null && previousLabel is not null && !NamesSubject(v, inline))
                    figure = Key(place, previousLabel + inline, "", q, HasExecution(v, previousLabel + inline), null);
                // ("预算执行率 | 96.96% | 分值 | 10 | 得分 | 9.70": 得分 is about 预算执行率 too, not about 分值.)
                if (inline is not null && ProseFigures.Labels(v, inline).Any(t => t.Facet is "subject" or "measure")) previousLabel = inline;
                var text = TablePlace.Text(rLabel, cLabel, view.Cell(r, c));
                if (figure is { } f)
                {
                    read.Add((place.Figure(view, r, c, f.Key, f.Value, f.Unit, text, q.Decimals), TableReader.TotalOf(v, rowLabel) == "total"));
                    continue;
                }
                var unit = q.Unit ?? TablePlace.LabelUnit(v, cLabel) ?? TablePlace.LabelUnit(v, rLabel) ?? place.CaptionUnit;
                if (unit is not null && v.UnitKind(unit) is "money" or "percent" or "score")
                    found.UnreadInTables.Add(new UnreadValue(q.Value, unit, text, view.PageOf(r), place.Offset, place.Section));
            }
            afterNamed |= namesSubject && view.HasNumber(r);
        }
        // "行政编制 | 38 … 合计 | 96": rows keyed as the total row is are its parts, not restatements of it.
        found.Figures.AddRange(read.Where(x => x.OfTotal || !read.Any(t => t.OfTotal && t.Figure.Key == x.Figure.Key)).Select(x => x.Figure));
    }

    // The sign words of a label naming the adjustment ("年中追加数": plus); none for another label.
    private static List<string> AdjustmentSigns(Vocabulary v, string label) =>
        ProseFigures.Labels(v, label) is var tags && tags.Any(t => t.Facet == "measure" && t.Canonical == "adjustment")
            ? tags.Where(t => t.Facet == "sign").Select(t => t.Canonical).ToList() : [];

    // Labels of additions only beside labels of cuts only split the change ("年中追加（核减）数" is one signed change).
    private static bool Split(IEnumerable<List<string>> signs) => signs.Any(s => s is ["plus"]) && signs.Any(s => s is ["minus"]);

    // "预算执行情况（万元）（20分）", "得分（20分×执行率）": a header of a table about the execution rate
    // stating points gives the execution weight.
    private static void HeaderWeight(TableView view, int headerRows, TablePlace place, Candidates found)
    {
        var units = Vocabulary.Alternation(place.Vocabulary.Lexicon.Forms("unit", "score"));
        var points = new System.Text.RegularExpressions.Regex($@"[(（]\s*(?<n>\d{{1,3}}(?:\.\d+)?)\s*(?:{units})\s*(?:[)）]|[×xX*])");
        for (var r = 0; r < headerRows; r++)
            for (var c = 0; c < view.Columns; c++)
                if (view.IsOrigin(r, c) && points.Match(FlowText.Normalize(view.Cell(r, c))) is { Success: true } m)
                {
                    var value = decimal.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    found.Figures.Add(place.Figure(view, r, c, Keys.ExecutionWeight, value, place.Vocabulary.ScoreUnit, view.Cell(r, c), 0));
                    return;
                }
    }

    internal static readonly System.Text.RegularExpressions.Regex YearLabel = new(@"(?<!\d)((?:19|20)\d\d)(?=年度|年(?![\d一二三四五六七八九十]{1,2}月))");

    private static bool OtherYear(string label, int? fiscalYear) =>
        fiscalYear is { } year && YearLabel.Matches(label).Select(m => int.Parse(m.Groups[1].Value)).ToList() is { Count: > 0 } years
        && !years.Contains(year);

    private static bool NamesSubject(Vocabulary v, string label) => ProseFigures.Labels(v, label).Any(t => t.Facet == "subject");

    private static bool HasExecution(Vocabulary v, string label) =>
        v.FigureLabels.Tags(label).Any(t => t.Facet == "measure" && t.Canonical == "execution_rate");

    // Leading columns whose data cells hold no numbers (or that number the rows: 序号) label the rows.
    private static int LabelColumns(Vocabulary v, TableView view, int headerRows)
    {
        var roles = v.Lexicon.Matcher("role");
        var n = 0;
        for (var c = 0; c < view.Columns; c++)
        {
            var seq = roles.Tags(view.ColumnLabel(c, headerRows)).Any(t => t.Canonical == "seq");
            if (!seq && Enumerable.Range(headerRows, view.Grid.Length - headerRows).Any(r => view.IsNumber(r, c))) break;
            n++;
        }
        return Math.Min(n, Math.Max(0, view.Columns - 1));
    }

    // In a key-value row, the label cell to the left of a value (past empty and dash cells); null when the
    // value stands right after the row's label columns.
    private static string? InlineLabel(TableView view, int r, int c, int labelColumns, bool blocks)
    {
        for (var k = c - 1; k >= labelColumns; k--)
        {
            // Side by side blocks (label | 年初 | 全年 | 执行 | label | 年初 | …): a value's label is its block's.
            if (view.IsNumber(r, k)) { if (blocks) continue; return null; }
            var cell = view.Cell(r, k);
            if (cell.Length > 1) return cell;
        }
        return null;
    }

    private static (string Key, decimal Value, string Unit)? Key(TablePlace place, string rowLabel, string columnLabel, CellQuantity q, bool aboutExecution, Tag? inherited,
        bool partOfTotal = false, bool columnPartOfTotal = false)
    {
        var v = place.Vocabulary;
        var rowTags = ProseFigures.Labels(v, rowLabel);
        var colTags = ProseFigures.Labels(v, columnLabel);
        var totals = v.Lexicon.Matcher("total_row");
        bool IsTotal(string label) => label.Split('|').Any(part => totals.IsWhole(part, out var t) && t!.Canonical == "total");

        // Points: under a 分值/得分 label, in a table about the execution rate.
        var role = colTags.Concat(rowTags).Where(t => t.Facet == "role").MaxBy(t => t.Length)?.Canonical;
        if (role is "weight" or "score" && aboutExecution && v.IsScoreOrBare(q.Unit))
            return (role == "weight" ? Keys.ExecutionWeight : Keys.ExecutionScore, q.Value, v.ScoreUnit);

        // A weak measure ("支出" in a caption over the column) gives way to a strong one of the row ("编制人数").
        var colMeasure = ProseFigures.Strongest(colTags);
        var rowMeasure = ProseFigures.Strongest(rowTags);
        var measure = colMeasure?.Entry.Attribute("weak") is not null && rowMeasure is not null && rowMeasure.Entry.Attribute("weak") is null
            ? rowMeasure : colMeasure ?? rowMeasure;
        // "部门基本支出预算调整 | 2023年预算数": a row and a column naming two different measures cross in no figure.
        // Unless the cell's own unit fits only one of them ("预算执行率" × "年初预算数" over "96.96%").
        if (colMeasure is not null && rowMeasure is not null && colMeasure.Canonical != rowMeasure.Canonical
            && colMeasure.Entry.Attribute("weak") is null && rowMeasure.Entry.Attribute("weak") is null)
        {
            KeyKind? KindOf(Tag m) => v.Keys.Key("whole", m.Canonical, place.Section) is { } k ? Keys.KindOf(k) : null;
            var cellKind = q.Unit is null ? (KeyKind?)null : v.UnitKind(q.Unit) switch { "percent" => KeyKind.Percent, "money" => KeyKind.Money, _ => null };
            var fitting = new[] { rowMeasure, colMeasure }.Where(m => cellKind is not null && KindOf(m) == cellKind).ToList();
            if (fitting.Count != 1) return null;
            measure = fitting[0];
        }
        if (measure is null && inherited is not null && rowTags.Any(t => t.Facet == "subject" && t.Canonical != "whole")) measure = inherited;
        if (measure is null || measure.Canonical == "none") return null;
        var subjects = new[] { SubjectOf(rowTags, measure, rowLabel), SubjectOf(colTags, measure, columnLabel) }.OfType<Tag>().ToList();
        // "基本支出" × "财政拨款": a row and a column naming two different parts cross in a cell no key holds.
        if (subjects.Where(s => s.Canonical != "whole").Select(s => s.Canonical).Distinct().Count() > 1) return null;
        // A row or column naming only a part with no key of its own (事业收入) crosses any subject in a cell no key holds.
        if (PartOnly(rowTags) || PartOnly(colTags)) return null;
        // A part with no key of its own (上年结转, 工资福利支出) is not the whole, even under a caption naming the whole.
        if (subjects.All(s => s.Canonical == "whole") && rowTags.Concat(colTags).Any(t => t.Facet == "subject" && t.Canonical == "part")) return null;
        var subject = subjects.FirstOrDefault(s => s.Canonical != "whole")?.Canonical
            ?? subjects.FirstOrDefault()?.Canonical
            ?? (IsTotal(rowLabel) || IsTotal(columnLabel) ? "whole" : null)
            ?? (rowTags.Any(t => t.Facet == "breakdown") || partOfTotal && !rowTags.Any(t => t.Facet == "measure" && t.Entry.Attribute("weak") is null)
                || columnPartOfTotal && !colTags.Any(t => t.Facet == "measure" && t.Entry.Attribute("weak") is null) ? null : v.DefaultSubject(place.Section));
        if (subject is null) return null;
        var key = v.Keys.Key(subject, measure.Canonical, place.Section);
        if (key is null) return null;
        var value = q.Value;
        // A label that says only 调减/核减 makes its amounts reductions; "追加（核减）" leaves the cell's own sign.
        var signs = rowTags.Concat(colTags).Where(t => t.Facet == "sign").Select(t => t.Canonical).Distinct().ToList();
        if (measure.Canonical == "adjustment" && signs is ["minus"] && value > 0) value = -value;
        switch (Keys.KindOf(key))
        {
            case KeyKind.Money:
                if (q.Unit is not null && !Money.IsMoneyUnit(q.Unit)) return null;
                var unit = q.Unit ?? place.MoneyUnit(columnLabel, rowLabel);
                return (key, Money.ToWan(value, unit), unit);
            case KeyKind.Percent:
                // A rate column states its unit once, in the header ("执行率(%)"), or not at all.
                if (q.Unit is not (null or "%")) return null;
                return (key, value, "%");
            case KeyKind.Count:
                if (q.Unit is not null && v.UnitKind(q.Unit) != "count") return null;
                return value == decimal.Truncate(value) ? (key, value, q.Unit ?? "") : null;
            default:
                return null;
        }
    }

    private static bool PartOnly(IReadOnlyList<Tag> tags) =>
        tags.Any(t => t.Facet == "subject" && t.Canonical == "part") && !tags.Any(t => t.Facet == "subject" && t.Canonical != "part");

    private static Tag? Last(IReadOnlyList<Tag> tags, string facet) => tags.Where(t => t.Facet == facet).MaxBy(t => t.End);

    // The subject a label names for its measure: before it, or inside it; when the label has no measure, any.
    private static Tag? SubjectOf(IReadOnlyList<Tag> tags, Tag measure, string label)
    {
        var subjects = tags.Where(t => t.Facet == "subject" && t.Canonical != "part").ToList();
        if (tags.Contains(measure))
            // "基本支出决算数": the subject may share characters with the measure that follows it ("支出决算数");
            // "全年预算数|财政拨款": a header row under the measure's names its part.
            return subjects.Where(t => t.Start < measure.Start).MaxBy(t => t.End)
                ?? subjects.FirstOrDefault(t => t.Start >= measure.Start && t.End <= measure.End && t.Canonical != "whole")
                ?? subjects.FirstOrDefault(t => label.IndexOf('|', measure.End) is var bar && bar >= 0 && t.Start > bar);
        return tags.Any(t => t.Facet == "subject" && t.Canonical == "part") ? null : subjects.MaxBy(t => t.End);
    }
}
