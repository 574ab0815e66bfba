using System.CommandLine;
using Extractor.Storage;
using Extractor.Viewer;

namespace Extractor.Cli;

/// <summary>`extractor show ID`: one finding, both numbers, and each source passage with the figure marked in it.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "疑点编号（如 F3A9C2E71B），或疑点清单中的行号" };
        var context = Cli.Int("--context", "原文上下各显示几段（0–5）", 1, 0, 5);
        var db = Cli.Db();
        var cmd = new Command("show", "显示一条疑点：两个数字、每个来源文件中的原文段落，数字以【】标出") { id, context, db };
        cmd.SetAction(parse => Cli.Guard(() =>
        {
            using var store = Store.OpenExisting(parse.GetValue(db)!);
            var reference = parse.GetValue(id)!;
            var finding = store.ResolveFinding(reference) ?? throw new UsageException($"没有编号为 {reference} 的疑点（用 discrepancies 查看疑点编号）");
            var detail = store.FindingDetail(finding)!;
            Console.Write(FindingText.Render(detail, store.Blocks, parse.GetValue(context)));
            return 0;
        }));
        return cmd;
    }
}
