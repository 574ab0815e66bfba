using System.CommandLine;
using Extractor.Exports;
using Extractor.Storage;

namespace Extractor.Cli;

/// <summary>`extractor units [--db] [--format …]`: each unit with the other ways its reports wrote its name, its years
/// and, per year, its files (renditions and versions).</summary>
internal static class UnitsCommand
{
    public static Command Create()
    {
        var db = Cli.Db();
        var format = Cli.Format();
        var output = Cli.Out();
        var cmd = new Command("units", "单位列表：每个单位的名称、年度和各年度的文件") { db, format, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            var rows = store.Units().SelectMany(u => u.Years.Select(y => new object?[]
                { u.Names.FirstOrDefault() ?? u.Key, string.Join("、", u.Names.Skip(1)), string.Join("、", u.Years.Select(x => x.Year)), (long)y.Year, (long)y.Files.Count, string.Join("\n", y.Files) })).ToList();
            ListCommands.Emit(new Tabular(["单位名称", "其他写法", "年度", "本行年度", "文件数", "文件"], rows), parse.GetValue(format)!, parse.GetValue(output)?.FullName, "单位");
            return 0;
        }));
        return cmd;
    }
}
