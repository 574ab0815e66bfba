using System.CommandLine;
using Extractor.Exports;
using Extractor.Extraction;
using Extractor.Storage;
using Spectre.Console;

namespace Extractor.Cli;

/// <summary>The read commands: the 疑点清单, the workbook, figures, ad-hoc queries and page search. None creates a database.</summary>
internal static class ListCommands
{
    public static IEnumerable<Command> Create() => [Discrepancies(), WorkbookCommand(), Figures(), Query(), Search()];

    private static Command Discrepancies()
    {
        var db = Cli.Db();
        var rule = Cli.Rule();
        var unit = new Option<string?>("--unit") { Description = "单位名称包含此文字" };
        var year = Cli.Year();
        var severity = Cli.Severity();
        var status = Cli.Status();
        var format = Cli.Format();
        var output = Cli.Out();
        var cmd = new Command("discrepancies", "疑点清单：每个报告的每个疑点一行（xlsx 为含八个工作表的核查工作簿）")
            { db, rule, unit, year, severity, status, format, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            var filter = new FindingFilter(parse.GetValue(rule), parse.GetValue(unit), parse.GetValue(year), parse.GetValue(severity), parse.GetValue(status));
            if (parse.GetValue(format) == "xlsx")
            {
                var path = parse.GetValue(output)?.FullName ?? throw new UsageException("--format xlsx 需要 --out 文件名.xlsx");
                using (var stream = File.Create(path)) AuditWorkbook.Write(store, stream, filter);
                Console.Error.WriteLine($"已写入核查工作簿：{path}");
                return 0;
            }
            Emit(FindingsSheet.Of(store.Findings(filter)), parse.GetValue(format)!, parse.GetValue(output)?.FullName, "疑点清单");
            return 0;
        }));
        return cmd;
    }

    private static Command WorkbookCommand()
    {
        var db = Cli.Db();
        var output = Cli.Out();
        output.Required = true;
        var cmd = new Command("workbook", "核查工作簿（xlsx）：疑点清单、总览、汇总、主要数据、绩效指标、项目、历年对比、文件状态") { db, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            var path = parse.GetValue(output)!.FullName;
            using (var stream = File.Create(path)) AuditWorkbook.Write(store, stream);
            Console.Error.WriteLine($"已写入核查工作簿：{path}");
            return 0;
        }));
        return cmd;
    }

    private static Command Figures()
    {
        var db = Cli.Db();
        var keys = Cli.Key();
        var all = new Option<bool>("--all") { Description = "列出所有数据项" };
        var year = Cli.Year();
        var unit = new Option<string?>("--unit") { Description = "单位名称包含此文字" };
        var format = Cli.Format();
        var output = Cli.Out();
        var cmd = new Command("figures", "每个报告一行，所选数据项为列（金额为万元）") { db, keys, all, year, unit, format, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            IReadOnlyList<string> chosen = parse.GetValue(all) ? Keys.All.Select(k => k.Name).ToList()
                : parse.GetValue(keys) is { Length: > 0 } k ? k : [Keys.BudgetInitial, Keys.Adjusted, Keys.Actual, Keys.ExecutionRate, Keys.TotalScore, Keys.Grade];
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            Emit(store.FigureColumns(chosen, parse.GetValue(year), parse.GetValue(unit)), parse.GetValue(format)!, parse.GetValue(output)?.FullName, "主要数据");
            return 0;
        }));
        return cmd;
    }

    private static Command Query()
    {
        var sql = new Argument<string>("sql") { Description = "一条只读 SQL 语句" };
        var db = Cli.Db();
        var format = Cli.Format();
        var output = Cli.Out();
        var cmd = new Command("query", "运行只读 SQL 查询（写入会被拒绝）") { sql, db, format, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            Tabular result;
            try { result = Store.ReadOnlyQuery(parse.GetValue(db)!, parse.GetValue(sql)!); }
            catch (System.Data.Common.DbException e) { throw new UsageException($"查询被拒绝（只能运行一条只读的查询）：{Cli.FirstLine(e.Message)}"); }
            Emit(result, parse.GetValue(format)!, parse.GetValue(output)?.FullName, "查询结果");
            return 0;
        }));
        return cmd;
    }

    private static Command Search()
    {
        var text = new Argument<string>("text") { Description = "要查找的文字（少于三个字时逐页扫描）" };
        var db = Cli.Db();
        var format = Cli.Format();
        var output = Cli.Out();
        var cmd = new Command("search", "在报告页面文字中查找") { text, db, format, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            var q = parse.GetValue(text)!.Trim();
            if (q.Length == 0) throw new UsageException("请给出要查找的文字");
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            Emit(store.Search(q), parse.GetValue(format)!, parse.GetValue(output)?.FullName, "查找结果");
            return 0;
        }));
        return cmd;
    }

    /// <summary>A table to the terminal, or a file (or standard output) in the chosen format.</summary>
    public static void Emit(Tabular t, string format, string? outPath, string title)
    {
        if (format == "table" && outPath is null)
        {
            var table = new Table();
            foreach (var c in t.Columns) table.AddColumn(Markup.Escape(c));
            foreach (var r in t.Rows) table.AddRow(r.Select(v => Markup.Escape(Tabular.Text(v) ?? "")).ToArray());
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"共 {t.Rows.Count} 行");
            return;
        }
        if (format == "xlsx" && outPath is null) throw new UsageException("--format xlsx 需要 --out 文件名.xlsx");
        using var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
        switch (format)
        {
            case "csv" or "table": TextFormats.Csv(t, stream); break;
            case "json": TextFormats.Json(t, stream); break;
            case "html": TextFormats.Html(t, stream, title); break;
            case "xlsx": Xlsx.Write(stream, [new Xlsx.Sheet(title, t)]); break;
        }
        if (outPath is not null) Console.Error.WriteLine($"已写入 {t.Rows.Count} 行：{outPath}");
    }
}
