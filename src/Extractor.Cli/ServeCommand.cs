using System.CommandLine;
using System.Net.Sockets;
using Extractor.Viewer;

namespace Extractor.Cli;

/// <summary>`extractor serve [--db FILE] [--port 8080] [--by WHO]`: the local web viewer, on 127.0.0.1 until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = Cli.Int("--port", "端口（1–65535），只在本机 127.0.0.1 上监听", 8080, 1, 65535);
        var by = new Option<string>("--by") { Description = "在网页上记录核查结论时的核查人（默认为当前系统用户）", DefaultValueFactory = _ => Environment.UserName };
        var db = Cli.Db();
        var cmd = new Command("serve", "启动本机网页查看器：疑点清单、每条疑点在原文页面上的位置、核查结论") { port, by, db };
        cmd.SetAction((parse, cancel) => Cli.Guard(async () =>
        {
            var p = parse.GetValue(port);
            RunningViewer viewer;
            try { viewer = await ViewerApp.StartAsync(parse.GetValue(db)!, p, parse.GetValue(by)!); }
            catch (IOException e) when (e.InnerException is SocketException or IOException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"端口 {p} 已被占用，请用 --port 换一个端口");
            }
            await using (viewer)
            {
                Console.WriteLine($"查看器已启动：{viewer.Url}（按 Ctrl+C 停止）");
                await viewer.WaitForShutdownAsync();
            }
            return 0;
        }));
        return cmd;
    }
}
