using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Extractor.Storage;

namespace Extractor.Tests;

/// <summary>
/// The viewer over HTTP: it listens on loopback only, serves only stored documents (unknown ids, traversal in
/// any spelling → 404), draws PDF pages only from files whose SHA-256 is the ingested one, and writes a review
/// only from a POST that carries the antiforgery token of a page it served.
/// </summary>
public partial class ViewerHttpTests(ViewerFixture fx) : IClassFixture<ViewerFixture>
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fx.Url) };

    [Fact]
    public void The_viewer_listens_on_loopback_only()
    {
        Assert.StartsWith("http://127.0.0.1:", fx.Url);
    }

    [Theory]
    [InlineData("/finding/nonexistent")]
    [InlineData("/document/999999/page/1")]
    [InlineData("/document/999999/page/1/image")]
    [InlineData("/report/999999")]
    [InlineData("/../../etc/passwd")]
    [InlineData("/document/1/page/1/../../../../etc/passwd")]
    [InlineData("/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/finding/..%2f..%2fetc%2fpasswd")]
    [InlineData("/document/1/page/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/document/..%2f..%2fetc/page/1")]
    [InlineData("/corpus/pdf-lo/003.pdf")]
    [InlineData("/document/1/page/0")]
    [InlineData("/document/1/page/99")]
    public async Task Unknown_ids_and_paths_outside_the_store_are_404(string path)
    {
        // Sent as written, on a socket: HttpClient would resolve "../" before the server ever saw it.
        var (status, body) = await RawGet(path);
        Assert.Equal(404, status);
        Assert.DoesNotContain("root:", body);
    }

    [Fact]
    public async Task A_stored_pdf_page_is_served_as_a_png_and_a_page_outside_the_document_is_not()
    {
        var detail = fx.Finding("BUDGET_ADJUSTMENT_RATE", "pdf-lo/003.pdf");
        var doc = detail.Sources.Single().Document;
        var png = await _http.GetAsync($"/document/{doc.Id}/page/2/image");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/document/{doc.Id}/page/{doc.Pages + 1}/image")).StatusCode);
    }

    [Fact]
    public async Task A_file_changed_since_ingest_is_not_drawn_and_the_page_says_why()
    {
        using var store = fx.OpenStore();
        var doc = store.ReportEntries().Select(r => r.Document).Single(d => d.Path == fx.ChangedCopy);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/document/{doc.Id}/page/1/image")).StatusCode);
        var page = await _http.GetStringAsync($"/document/{doc.Id}/page/1");
        Assert.Contains("SHA-256 不符", page);
        Assert.DoesNotContain("<img", page);
    }

    [Fact]
    public async Task A_review_without_the_antiforgery_token_is_400_and_changes_nothing()
    {
        var id = fx.Finding("PROJECT_EXECUTION_RATE", "docx/001.docx").Finding.Id;
        var post = await _http.PostAsync($"/finding/{id}/review",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "dismissed", ["note"] = "伪造" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        using var store = fx.OpenStore();
        Assert.NotEqual("伪造", store.Findings(new FindingFilter(Id: id)).Single().Note);
    }

    [Fact]
    public async Task A_review_with_the_token_is_the_store_review_and_a_bad_status_is_400()
    {
        var id = fx.Finding("SHARE_OF_TOTAL", "docx/001.docx").Finding.Id;
        var page = await _http.GetStringAsync($"/finding/{id}");
        var token = TokenField().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        FormUrlEncodedContent Form(string status) => new(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["status"] = status, ["note"] = "HTTP 复核：比例用错了分母" });
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync($"/finding/{id}/review", Form("maybe"))).StatusCode);
        var post = await _http.PostAsync($"/finding/{id}/review", Form("confirmed"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"/finding/{id}", post.Headers.Location?.OriginalString);
        using var store = fx.OpenStore();
        var f = store.Findings(new FindingFilter(Id: id)).Single();
        Assert.Equal(("confirmed", "HTTP 复核：比例用错了分母", ViewerFixture.Reviewer), (f.Status, f.Note, f.Reviewer));
        Assert.Contains("HTTP 复核：比例用错了分母", await _http.GetStringAsync($"/finding/{id}"));
    }

    [Fact]
    public async Task The_report_page_links_every_placed_figure_to_its_page()
    {
        using var store = fx.OpenStore();
        var report = store.ReportEntries().Single(r => r.Document.Path.EndsWith("pdf-lo/003.pdf", StringComparison.Ordinal));
        var detail = store.ReportDetail(report.Id)!;
        var html = await _http.GetStringAsync($"/report/{report.Id}");
        foreach (var f in detail.Figures.Where(f => f.Page is not null))
            Assert.Contains($"/document/{report.Document.Id}/page/{f.Page}?figure={Uri.EscapeDataString(f.Key)}", html);
        foreach (var f in detail.Findings) Assert.Contains($"/finding/{f.Id}", html);
        var figure = detail.Figures.First(f => f.Box is not null);
        var pageHtml = await _http.GetStringAsync($"/document/{report.Document.Id}/page/{figure.Page}?figure={Uri.EscapeDataString(figure.Key)}");
        Assert.Contains($"data-figure=\"{figure.Key}\" data-page=\"{figure.Page}\"", pageHtml);
    }

    private async Task<(int Status, string Body)> RawGet(string path)
    {
        var uri = new Uri(fx.Url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n\r\n"));
        var response = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        return (int.Parse(response.Split(' ')[1]), response);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
