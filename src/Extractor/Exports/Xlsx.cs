using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Extractor.Exports;

/// <summary>
/// Workbooks (OpenXml SDK): one sheet per table, a bold frozen header with an autofilter, numbers as numeric
/// cells with a number format, long text wrapped, widths that fit Chinese text, drop-downs for choice columns.
/// </summary>
public static class Xlsx
{
    public sealed record Sheet(string Name, Tabular Table);

    private const uint Header = 1, Wrapped = 2, Decimal = 3, Integer = 4, Plain = 5;

    public static void Write(Stream output, IReadOnlyList<Sheet> sheets)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var list = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = book.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet.Table);
            list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        book.Workbook.Append(list);
        book.Workbook.Save();
    }

    private static Stylesheet Styles()
    {
        static Alignment Top(bool wrap = false) => new() { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EEF4" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                new CellFormat(Top(wrap: true)) { ApplyAlignment = true },
                new CellFormat(Top()) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(Top()) { NumberFormatId = 1, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(Top()) { ApplyAlignment = true }));
    }

    private static Worksheet Worksheet(Tabular t)
    {
        // A column with long text wraps at a fixed width; others fit their longest value (CJK counts double).
        var widths = t.Columns.Select((c, i) => t.Rows.Select(r => Width(Tabular.Text(r[i]))).Append(Width(c)).Max()).ToList();
        var wraps = widths.Select(w => w > 60).ToList();
        var data = new SheetData();
        uint r = 1;
        data.Append(Row(r++, t.Columns.Cast<object?>().ToArray(), _ => Header));
        foreach (var row in t.Rows)
            data.Append(Row(r++, row, i => row[i] is decimal ? Decimal : row[i] is long ? Integer : wraps[i] ? Wrapped : Plain));
        var columns = new Columns(widths.Select((w, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = wraps[i] ? 60 : Math.Max(6, w + 2), CustomWidth = true,
        }));
        var view = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        var last = Math.Max(2, r - 1);
        var sheet = new Worksheet(view, columns, data, new AutoFilter { Reference = $"A1:{ColumnName(Math.Max(1, t.Columns.Count))}{last}" });
        var validations = t.Choices.Where(c => t.Columns.Contains(c.Key)).Select(c =>
        {
            var col = ColumnName(t.Columns.ToList().IndexOf(c.Key) + 1);
            return new DataValidation(new Formula1($"\"{string.Join(",", c.Value)}\""))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{col}2:{col}{Math.Max(1000, last + 500)}" },
            };
        }).ToList();
        if (validations.Count > 0) sheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        return sheet;
    }

    private static int Width(string? s) => s is null ? 0 : s.Split('\n').Max(l => l.Sum(c => c > 0x2E80 ? 2 : 1));

    private static Row Row(uint index, object?[] values, Func<int, uint> style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var cell = new Cell { CellReference = ColumnName(i + 1) + index, StyleIndex = style(i) };
            if (Tabular.IsNumber(v))
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(Tabular.Text(v)!);
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(Tabular.Text(v) ?? "") { Space = SpaceProcessingModeValues.Preserve });
            }
            row.Append(cell);
        }
        return row;
    }

    public static string ColumnName(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>
    /// Reads one sheet back as rows of text keyed by the header row — whether the cells are inline strings (as
    /// written here) or shared strings and numbers (as Excel saves them).
    /// </summary>
    public static List<Dictionary<string, string>> Read(string path, string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var book = doc.WorkbookPart ?? throw new InvalidDataException("not an Excel workbook");
        var sheet = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault(s => s.Name == sheetName)
            ?? throw new InvalidDataException($"the workbook has no sheet named {sheetName}");
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string Value(Cell c) => c.DataType?.Value == CellValues.SharedString && int.TryParse(c.CellValue?.Text, out var i) && i < shared.Count ? shared[i]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? ""
            : c.CellValue?.Text ?? c.InnerText;
        static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1));
        var rows = part.Worksheet.Descendants<Row>().Select(row =>
            row.Elements<Cell>().Where(c => c.CellReference is not null).ToDictionary(c => Column(c.CellReference!.Value!), Value)).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        return rows.Skip(1).Select(cells => header.ToDictionary(h => h.Value, h => cells.GetValueOrDefault(h.Key, ""))).ToList();
    }
}
