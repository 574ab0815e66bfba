using System.Globalization;
using System.Net;

namespace Extractor.Viewer;

/// <summary>
/// The viewer's page frame and small helpers: every text goes through <see cref="E"/> (the reports are
/// untrusted input), numbers are written invariantly so that the CSS percentages parse.
/// </summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Num(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";

    public static string Pct(double d) => d.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{E(title)} · Extractor 疑点核查</title>
        <style>{Css}</style></head>
        <body><header><a href="/">疑点清单</a> <a href="/overview">总览</a></header><main>
        <h1>{E(title)}</h1>
        {body}
        </main></body></html>
        """;

    public static string NotFound(string what) => Page("未找到", $"<p class=\"warn\">{E(what)}</p><p><a href=\"/\">返回疑点清单</a></p>");

    private const string Css = """
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; }
        header { background: #2b4a6f; padding: .5em 1em; } header a { color: #fff; text-decoration: none; font-weight: bold; margin-right: 1.5em; }
        svg.chart text { font-size: 13px; fill: #222; } svg.chart a text { fill: #1a4d8f; text-decoration: underline; }
        main { padding: 1em 2em; max-width: 1100px; }
        table { border-collapse: collapse; margin: .5em 0 1em; } th, td { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; }
        th { background: #f0f3f7; text-align: left; }
        form.filters select { margin-right: 1em; }
        .counts span { display: inline-block; margin-right: 1.5em; }
        dl.finding { display: grid; grid-template-columns: 8em auto; gap: .25em 1em; } dl.finding dt { font-weight: bold; }
        .sheet { position: relative; display: inline-block; width: 800px; max-width: 100%; border: 1px solid #999; line-height: 0; }
        .sheet img { display: block; width: 100%; height: auto; }
        .box { position: absolute; border: 2px solid #d00; background: rgba(255, 220, 0, .35); box-sizing: border-box; }
        mark { background: #ffe066; outline: 2px solid #d00; }
        .passage { border-left: 4px solid #ccc; padding-left: .75em; margin: .5em 0 1em; white-space: pre-wrap; }
        .passage .here { background: #fff8dc; }
        .warn { color: #a00; font-weight: bold; }
        .review textarea { width: 40em; height: 5em; display: block; margin: .5em 0; }
        .review button { margin-right: 1em; padding: .3em 1.2em; }
        """;
}
