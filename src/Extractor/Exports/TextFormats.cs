using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extractor.Exports;

/// <summary>CSV, JSON and HTML renderings of a table.</summary>
public static class TextFormats
{
    /// <summary>
    /// CSV in UTF-8 with a byte-order mark, so Excel shows the Chinese intact. A text cell starting with
    /// = + - @ gets a leading ' so that Excel does not run it as a formula (numbers are left as they are).
    /// </summary>
    public static void Csv(Tabular t, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        static string Q(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        w.Write(string.Join(",", t.Columns.Select(Q)) + "\r\n");
        foreach (var row in t.Rows) w.Write(string.Join(",", row.Select(v => Q(Guard(v)))) + "\r\n");
    }

    private static string? Guard(object? v)
    {
        var s = Tabular.Text(v);
        return s is { Length: > 0 } && !Tabular.IsNumber(v) && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;
    }

    /// <summary>JSON: an array of objects, numbers as JSON numbers.</summary>
    public static void Json(Tabular t, Stream output)
    {
        var rows = new JsonArray(t.Rows.Select(r =>
        {
            var o = new JsonObject();
            for (var i = 0; i < t.Columns.Count; i++)
                o[t.Columns[i]] = r[i] switch { null => null, long l => JsonValue.Create(l), decimal d => JsonValue.Create(d), var x => JsonValue.Create(Tabular.Text(x)) };
            return (JsonNode)o;
        }).ToArray());
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        rows.WriteTo(w);
    }

    /// <summary>
    /// A single self-contained HTML page, readable at 1400 px: long text wraps in wide columns, a file
    /// shows as its name linking to the file.
    /// </summary>
    public static void Html(Tabular t, Stream output, string title)
    {
        var wide = new HashSet<string> { "疑点描述", "原文", "摘要", "错误信息", "偏差原因" };
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title><style>")
          .Append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1em;font-size:14px}table{border-collapse:collapse;width:100%}")
          .Append("th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}th{background:#eee;position:sticky;top:0;white-space:nowrap}")
          .Append("td.n{text-align:right;white-space:nowrap}td.w{min-width:28em;max-width:48em}td.f{white-space:nowrap;font-size:12px}a{color:#1a55a0}")
          .Append($"</style></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>共 {t.Rows.Count} 行</p><table><thead><tr>");
        foreach (var c in t.Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var text = Tabular.Text(row[i]) ?? "";
                if (t.Columns[i] == "文件")
                {
                    var links = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(FileLink);
                    sb.Append("<td class=\"f\">").Append(string.Join("<br>", links)).Append("</td>");
                    continue;
                }
                var cls = Tabular.IsNumber(row[i]) ? " class=\"n\"" : wide.Contains(t.Columns[i]) ? " class=\"w\"" : "";
                sb.Append($"<td{cls}>").Append(WebUtility.HtmlEncode(text).Replace("\n", "<br>")).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></body></html>\n");
        output.Write(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    // "/a/b/report.pdf#3" → a link named "report.pdf 第3页" to the file.
    private static string FileLink(string entry)
    {
        var hash = entry.LastIndexOf('#');
        var (path, page) = hash > 0 ? (entry[..hash], entry[(hash + 1)..]) : (entry, "");
        var name = Path.GetFileName(path) + (page.Length > 0 ? $" 第{page}页" : "");
        var href = new Uri(Path.GetFullPath(path)).AbsoluteUri + (page.Length > 0 ? $"#page={page}" : "");
        return $"<a href=\"{WebUtility.HtmlEncode(href)}\" title=\"{WebUtility.HtmlEncode(path)}\">{WebUtility.HtmlEncode(name)}</a>";
    }
}
