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
        var file = new Argument<FileInfo>("file") { Description = "a .pdf, .docx or .txt report" };
        var json = new Option<bool>("--json") { Description = "print the contract's JSON" };
        var lexicon = LexiconOption.Create();
        var ocr = OcrOption.Create();
        var cmd = new Command("extract", "extract a report's figures, indicators and projects") { file, json, lexicon, ocr };
        cmd.SetAction(parse =>
        {
            if (LexiconOption.Options(parse.GetValue(lexicon), out var error) is not { } options)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var result = Pipeline.Run(parse.GetValue(file)!.FullName, options, OcrOption.Limits(parse.GetValue(ocr)));
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
        Console.WriteLine($"{r["source"]?["path"]}: {r["status"]}");
        if (r["error"] is { } e) { Console.WriteLine($"  {e["code"]}: {e["message"]}"); return; }
        var info = r["report"]!;
        Console.WriteLine($"  单位 {info["unit_name"]}  年度 {info["fiscal_year"]}  填报 {info["filled_date"]}");
        foreach (var (key, f) in r["figures"]!.AsObject())
            Console.WriteLine($"  {key,-28} {f!["value"],14} {f["unit"],-4} p{f["page"]}  {f["text"]}");
        foreach (var i in r["indicators"]!.AsArray())
            Console.WriteLine($"  指标{i!["seq"]} {i["name"]}: 目标 {i["target"]?["op"]}{i["target"]?["value"]}{i["target"]?["unit"]} 实际 {i["actual"]?["value"]}{i["actual"]?["unit"]} 完成率 {i["completion_rate"]} 分值 {i["weight"]} 得分 {i["score"]}");
        foreach (var p in r["projects"]!.AsArray())
            Console.WriteLine($"  项目 {p!["name"]}: 预算 {p["budget"]} 实际 {p["actual"]}");
    }
}
