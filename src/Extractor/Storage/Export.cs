using System.Data;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Extractor.Storage;

/// <summary>Query results as a table of strings, and the file formats auditors open them in.</summary>
public sealed record Tabular(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows)
{
    public static Tabular From(IDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray());
        return new Tabular(columns, rows);
    }
}

public static class Export
{
    /// <summary>CSV in UTF-8 with a byte-order mark, so Excel shows the Chinese intact.</summary>
    public static void Csv(Tabular t, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        static string Q(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        w.Write(string.Join(",", t.Columns.Select(Q)) + "\r\n");
        foreach (var row in t.Rows) w.Write(string.Join(",", row.Select(Q)) + "\r\n");
    }

    public static void Json(Tabular t, Stream output)
    {
        var rows = t.Rows.Select(r => t.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2));
        JsonSerializer.Serialize(output, rows, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>A single self-contained HTML page.</summary>
    public static void Html(Tabular t, Stream output, string title)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title><style>")
          .Append("body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}th{background:#eee;position:sticky;top:0}")
          .Append($"</style></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{t.Rows.Count} 行</p><table><thead><tr>");
        foreach (var c in t.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            foreach (var v in row) sb.Append("<td>").Append(WebUtility.HtmlEncode(v ?? "")).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></body></html>\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        output.Write(bytes);
    }

    /// <summary>An .xlsx (OpenXml): header row, frozen pane, autofilter, widths that fit the text.</summary>
    public static void Xlsx(Tabular t, Stream output, string sheetName)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new Workbook();
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        var sheetPart = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        data.Append(Row(r++, t.Columns.ToArray(), header: true));
        foreach (var row in t.Rows) data.Append(Row(r++, row, header: false));
        // Width in characters: CJK counts double.
        var widths = t.Columns.Select((c, i) => Math.Min(80, Math.Max(Width(c), t.Rows.Select(x => Width(x[i])).DefaultIfEmpty(0).Max()) + 2)).ToList();
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        var view = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        var lastColumn = ColumnName(Math.Max(1, t.Columns.Count));
        sheetPart.Worksheet = new Worksheet(view, columns, data, new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, r - 1)}" });
        book.Workbook.Append(new Sheets(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        book.Workbook.Save();
    }

    private static int Width(string? s) => s is null ? 0 : s.Sum(c => c > 0x2E80 ? 2 : 1);

    private static Row Row(uint index, string?[] values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var cell = new Cell { CellReference = ColumnName(i + 1) + index };
            if (header) cell.StyleIndex = 1;
            // Numbers as numbers (not "0012"-like codes), so auditors can sum and sort them.
            if (!header && v is not null && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                && !(v.Length > 1 && v[0] == '0' && char.IsAsciiDigit(v[1])))
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(v!);
            }
            else
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(v ?? "") { Space = SpaceProcessingModeValues.Preserve });
            }
            row.Append(cell);
        }
        return row;
    }

    private static string ColumnName(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
