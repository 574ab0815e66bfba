using System.Net;
using Extractor.Storage;
using Extractor.Validation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extractor.Viewer;

/// <summary>A running viewer: its address, and stopping it.</summary>
public sealed class RunningViewer(WebApplication app, Store store, string url) : IAsyncDisposable, IDisposable
{
    public string Url { get; } = url;

    /// <summary>Until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        store.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// `extractor serve`: a local web viewer over a store, on 127.0.0.1 only. Server-rendered HTML (no script):
/// the 疑点清单, each finding with its figures where they stand in the source, each report, each page. It
/// serves only documents of the store, looked up by id, and its only write is a review (POST with an
/// antiforgery token) through the store's review method — the same review `extractor review` writes.
/// </summary>
public static class ViewerApp
{
    /// <summary>Starts the viewer; port 0 picks a free port (tests). Throws IOException when the port is taken.</summary>
    public static async Task<RunningViewer> StartAsync(string dbPath, int port, string reviewer, string? cacheDir = null)
    {
        var store = Store.OpenExisting(dbPath);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            // Keys in memory: tokens only need to outlive a page view, and the viewer writes nothing to the user's profile.
            builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
            builder.Services.AddAntiforgery();
            var app = builder.Build();
            Map(app, store, new PageImages(cacheDir ?? PageImages.DefaultCache), reviewer);
            await app.StartAsync();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RunningViewer(app, store, url);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static RunningViewer Start(string dbPath, int port, string reviewer, string? cacheDir = null) =>
        StartAsync(dbPath, port, reviewer, cacheDir).GetAwaiter().GetResult();

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static IResult NotFound(string what) => Html(Viewer.Html.NotFound(what), 404);

    private static void Map(WebApplication app, Store store, PageImages images, string reviewer)
    {
        app.MapGet("/", (HttpContext http) => Html(ListPage.Render(store, http.Request.Query)));

        app.MapGet("/overview", () => Html(OverviewPage.Render(store)));

        app.MapGet("/finding/{id}", (string id, HttpContext http, IAntiforgery antiforgery) =>
        {
            if (store.FindingDetail(id) is not { } detail) return NotFound($"没有编号为 {id} 的疑点");
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Html(FindingPage.Render(store, images, detail, (tokens.FormFieldName, tokens.RequestToken!)));
        });

        app.MapPost("/finding/{id}/review", async (string id, HttpContext http, IAntiforgery antiforgery) =>
        {
            try { await antiforgery.ValidateRequestAsync(http); }
            catch (AntiforgeryValidationException) { return Html(Viewer.Html.Page("请求无效", "<p class=\"warn\">表单已过期或来源不明，请刷新页面后重试</p>"), 400); }
            if (store.FindingDetail(id) is null) return NotFound($"没有编号为 {id} 的疑点");
            var form = await http.Request.ReadFormAsync();
            if (RuleNames.StatusCode(form["status"].FirstOrDefault()) is not { } status)
                return Html(Viewer.Html.Page("请求无效", "<p class=\"warn\">核查状态只能是 已确认、已排除 或 待核实</p>"), 400);
            var note = form["note"].FirstOrDefault() is { } n && !string.IsNullOrWhiteSpace(n) ? n.Trim() : null;
            store.Review(id, status, note, reviewer);
            return Results.Redirect($"/finding/{Uri.EscapeDataString(id)}", permanent: false, preserveMethod: false);
        });

        app.MapGet("/report/{id:long}", (long id) =>
            store.ReportDetail(id) is { } detail ? Html(ReportPage.Render(detail)) : NotFound($"没有编号为 {id} 的报告"));

        app.MapGet("/document/{doc:long}/page/{n:int}", (long doc, int n, string? figure, int? indicator) =>
            DocumentPage.Render(store, images, doc, n, figure, indicator) is { } html ? Html(html) : NotFound("没有此文档或此页"));

        app.MapGet("/document/{doc:long}/page/{n:int}/image", async (long doc, int n, HttpContext http) =>
        {
            if (store.Document(doc) is not { } d) return NotFound("没有此文档");
            if (images.Check(d) is not SourceState.Ok and var state) return NotFound(PageImages.Explain(state, d));
            return await images.PngAsync(d, n, http.RequestAborted) is { } png ? Results.File(png, "image/png") : NotFound("没有此页的图像");
        });

        app.MapFallback(() => NotFound("没有此页面"));
    }
}
