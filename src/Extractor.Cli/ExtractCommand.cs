using System.CommandLine;
using System.Text.Json.Nodes;
using Extractor.Extraction;
using Extractor.Reading;

namespace Extractor.Cli;

/// <summary>`extractor extract FILE [--json]`: the report's figures, indicators and projects.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "一份 .pdf、.docx 或 .txt 报告" }.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "按约定格式输出 JSON" };
        var lexicon = LexiconOption.Create();
        var ocr = OcrOption.Create();
        var timeout = IsolatedReading.Timeout();
        var cmd = new Command("extract", "提取一份报告的数据、绩效指标、项目和疑点") { file, json, lexicon, ocr, timeout };
        cmd.SetAction(parse =>
        {
            if (LexiconOption.Options(parse.GetValue(lexicon), out var error) is not { } options)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            using var reader = IsolatedReading.Reader(parse.GetValue(ocr), parse.GetValue(timeout));
            var result = Pipeline.Process(parse.GetValue(file)!.FullName, reader.Read, options).Json;
            if (parse.GetValue(json)) Console.Out.WriteLine(result.ToJsonString(ReportJson.Options));
            else Summary.Print(result);
            return result["status"]!.GetValue<string>() == "ok" ? 0 : 2;
        });
        return cmd;
    }
}

/// <summary>The readable form of an extraction result.</summary>
internal static class Summary
{
    public static void Print(JsonObject r)
    {
        Console.WriteLine($"{r["source"]?["path"]}：{(r["status"]?.ToString() == "ok" ? "成功" : "失败")}");
        if (r["error"] is { } e) { Console.WriteLine($"  {e["code"]}（{Exports.ErrorNames.Explain(e["code"]?.ToString())}）：{e["message"]}"); return; }
        var info = r["report"]!;
        Console.WriteLine($"  单位 {info["unit_name"]}  年度 {info["fiscal_year"]}  填报 {info["filled_date"]}");
        foreach (var (key, f) in r["figures"]!.AsObject())
            Console.WriteLine($"  {Keys.Label(key),-14} {f!["value"],14} {(Keys.KindOf(key) == KeyKind.Money ? "万元" : f["unit"]),-4} 第{f["page"]}页  {f["text"]}");
        foreach (var i in r["indicators"]!.AsArray())
            Console.WriteLine($"  指标{i!["seq"]} {i["name"]}: 目标 {i["target"]?["op"]}{i["target"]?["value"]}{i["target"]?["unit"]} 实际 {i["actual"]?["value"]}{i["actual"]?["unit"]} 完成率 {i["completion_rate"]} 分值 {i["weight"]} 得分 {i["score"]}");
        foreach (var p in r["projects"]!.AsArray())
            Console.WriteLine($"  项目 {p!["name"]}: 预算 {p["budget"]} 实际 {p["actual"]}");
        foreach (var d in r["discrepancies"]!.AsArray())
            Console.WriteLine($"  疑点 {Validation.RuleNames.Of(d!["rule"]!.ToString())}（{Validation.RuleNames.SeverityName(d["severity"]!.ToString())}）：{d["message"]}");
        foreach (var c in r["checks_skipped"]?.AsArray() ?? [])
            Console.WriteLine($"  未执行 {c!["rule"]}：{c["reason"]}");
    }
}
