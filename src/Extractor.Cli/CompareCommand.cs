using System.CommandLine;
using Extractor.Exports;
using Extractor.Storage;

namespace Extractor.Cli;

/// <summary>`extractor compare --unit U`: one unit's figures and indicators year by year, with the changes.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "单位名称（全称、简称或其中一段，见 units；必填）" };
        var db = Cli.Db();
        var format = Cli.Format();
        var output = Cli.Out();
        var cmd = new Command("compare", "历年对比：一个单位各年度的数字和绩效指标，及较上期增减") { unit, db, format, output };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            if (parse.GetValue(unit) is not { Length: > 0 } words) throw new UsageException("缺少 --unit：要对比的单位名称（用 extractor units 查看已导入的单位）");
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            var chosen = Choose(store.Units(), words);
            ListCommands.Emit(YearOverYear.ForUnit(store, chosen.Key), parse.GetValue(format)!, parse.GetValue(output)?.FullName,
                $"历年对比 {chosen.Names.FirstOrDefault() ?? chosen.Key}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>The unit the user means: its key, else the one unit whose key or a written name contains the words.</summary>
    private static StoredUnit Choose(IReadOnlyList<StoredUnit> units, string words)
    {
        var key = ReportIdentity.UnitKey(words);
        if (units.FirstOrDefault(u => u.Key == key) is { } exact) return exact;
        var like = units.Where(u => key.Length > 0 && u.Key.Contains(key, StringComparison.Ordinal) || u.Names.Any(n => n.Contains(words.Trim(), StringComparison.Ordinal))).ToList();
        return like.Count switch
        {
            1 => like[0],
            0 => throw new UsageException($"没有找到单位“{words}”（用 extractor units 查看已导入的单位）"),
            _ => throw new UsageException($"“{words}”对应 {like.Count} 个单位：{string.Join("、", like.Take(5).Select(u => u.Names.FirstOrDefault() ?? u.Key))}{(like.Count > 5 ? "……" : "")}，请写得更完整"),
        };
    }
}
