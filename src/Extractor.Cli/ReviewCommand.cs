using System.CommandLine;
using Extractor.Exports;
using Extractor.Storage;
using Extractor.Validation;
using Spectre.Console;

namespace Extractor.Cli;

/// <summary>
/// `extractor review ID --status S [--note N] [--by WHO]`: the auditor's verdict on one finding; or
/// `extractor review --import FILE.xlsx`: the verdicts edited in the workbook's 疑点清单, matched by 疑点编号.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "疑点编号（如 F3A9C2E71B），或疑点清单中的行号", Arity = ArgumentArity.ZeroOrOne };
        var status = Cli.Status();
        var note = new Option<string?>("--note") { Description = "核查意见" };
        var by = new Option<string>("--by") { Description = "核查人（默认为当前系统用户）", DefaultValueFactory = _ => Environment.UserName };
        var import = new Option<FileInfo?>("--import") { Description = "导入在核查工作簿（xlsx）中填写的核查状态和核查意见" };
        var db = Cli.Db();
        var cmd = new Command("review", "记录核查结论（按疑点编号保存，重新导入后仍保留）") { id, status, note, by, import, db };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            if (parse.GetValue(import) is { } file) return Import(store, file, parse.GetValue(by), parse.GetValue(id));
            var reference = parse.GetValue(id) ?? throw new UsageException("请给出疑点编号，或用 --import 导入工作簿");
            var s = parse.GetValue(status) ?? throw new UsageException("请用 --status 给出核查状态：待核实、已确认或已排除");
            var finding = store.ResolveFinding(reference) ?? throw new UsageException($"没有编号为 {reference} 的疑点（用 discrepancies 查看疑点编号）");
            store.Review(finding, s, parse.GetValue(note), parse.GetValue(by));
            Console.WriteLine($"已记录：{finding} {RuleNames.StatusName(s)}");
            return 0;
        }));
        return cmd;
    }

    private static int Import(Store store, FileInfo file, string? by, string? id)
    {
        if (id is not null) throw new UsageException("--import 与疑点编号不能同时给出");
        if (!file.Exists) throw new UsageException($"找不到文件：{file.FullName}");
        List<Dictionary<string, string>> rows;
        try { rows = Xlsx.Read(file.FullName, "疑点清单"); }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException or System.IO.InvalidDataException)
        {
            throw new UsageException($"无法读取工作簿 {file.Name}：{e.Message}");
        }
        if (rows.Count > 0 && !rows[0].ContainsKey("疑点编号")) throw new UsageException("工作簿的“疑点清单”没有“疑点编号”列");
        var bad = rows.Where(r => r.GetValueOrDefault("核查状态") is { Length: > 0 } s && RuleNames.StatusCode(s) is null).ToList();
        if (bad.Count > 0) throw new UsageException($"“核查状态”只能填 待核实、已确认、已排除（{bad[0]["疑点编号"]} 填的是“{bad[0]["核查状态"]}”）");
        var changes = store.ImportReviews(rows.Where(r => r.GetValueOrDefault("疑点编号") is { Length: > 0 })
            .Select(r => (r["疑点编号"].Trim(), r.GetValueOrDefault("核查状态"), r.GetValueOrDefault("核查意见"))), by);
        var table = new Table().AddColumns("疑点编号", "原状态", "新状态", "核查意见", "");
        foreach (var c in changes)
            table.AddRow(c.FindingId, RuleNames.StatusName(c.OldStatus ?? "open"), RuleNames.StatusName(c.NewStatus), Markup.Escape(c.NewNote ?? ""),
                c.Known ? "" : "（当前数据库中无此疑点，已保留）");
        AnsiConsole.Write(table);
        Console.WriteLine($"从 {file.Name} 导入 {rows.Count} 行，更新 {changes.Count} 条核查结论");
        return 0;
    }
}
