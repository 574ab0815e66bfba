using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Extractor.Tests;

/// <summary>`extractor serve` as a user starts it: it says where it listens and serves there; a taken port is one Chinese line.</summary>
public class ViewerCliTests(ViewerFixture fx) : IClassFixture<ViewerFixture>
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "extractor.dll");

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Serve_says_where_it_listens_and_serves_the_list_there()
    {
        var port = FreePort();
        using var p = Start("serve", "--db", fx.Db, "--port", port.ToString());
        try
        {
            var line = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"查看器已启动：http://127.0.0.1:{port}（按 Ctrl+C 停止）", line);
            using var http = new HttpClient();
            var html = await http.GetStringAsync($"http://127.0.0.1:{port}/");
            Assert.Contains("疑点清单", html);
        }
        finally { p.Kill(entireProcessTree: true); }
    }

    [Fact]
    public async Task A_port_in_use_is_one_chinese_line_and_a_non_zero_exit()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var p = Start("serve", "--db", fx.Db, "--port", port.ToString());
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, p.ExitCode);
        Assert.Equal($"端口 {port} 已被占用，请用 --port 换一个端口", (stdout + await stderr).Trim());
    }
}
