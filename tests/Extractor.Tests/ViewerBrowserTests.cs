using System.Globalization;
using Extractor.Storage;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Extractor.Tests;

/// <summary>
/// The viewer in a real browser (Debian's chromium and chromedriver, headless): from the list, filtered, to a
/// finding; the highlight over the figure on the right page of the PDF, or the written number marked in the
/// .docx paragraph or table; a review recorded with a note, kept after a reload and in the store. Screenshots
/// go to TestResults/screenshots. Without chromium the tests fail: CI installs it.
/// </summary>
public sealed class ViewerBrowserTests(ViewerFixture fx, ITestOutputHelper output) : IClassFixture<ViewerFixture>, IDisposable
{
    private static readonly string Screenshots = Path.Combine(Corpus.Root, "tests", "Extractor.Tests", "TestResults", "screenshots");
    private readonly ChromeDriver _browser = Browser();

    private static ChromeDriver Browser()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "chromium is missing: apt-get install chromium (.ci/run does)");
        Assert.True(File.Exists("/usr/bin/chromedriver"), "chromedriver is missing: apt-get install chromium-driver (.ci/run does)");
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1400", "--lang=zh-CN");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_pdf_finding_is_highlighted_on_its_page_and_its_review_is_kept()
    {
        var expected = fx.Finding("BUDGET_ADJUSTMENT_RATE", "pdf-lo/003.pdf");
        var evidence = expected.Sources.Single().Evidence.First(e => e.Field == "budget.adjustment_rate");
        Assert.NotNull(evidence.Box);

        OpenFiltered("BUDGET_ADJUSTMENT_RATE", expected.Finding.Id);
        var box = _browser.FindElement(By.CssSelector("div.box[data-figure='budget.adjustment_rate']"));
        Assert.Equal(evidence.Page.ToString(), box.GetDomAttribute("data-page"));
        var img = box.FindElement(By.XPath("preceding-sibling::img"));
        WaitUntil(() => ((IJavaScriptExecutor)_browser).ExecuteScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img) is true);
        Assert.EndsWith($"/page/{evidence.Page}/image", img.GetDomAttribute("src"));
        var (b, i) = (box.Rect(), img.Rect());
        Assert.True(b.Width > 0 && b.Height > 0, $"box {b}");
        Assert.True(b.Left >= i.Left && b.Top >= i.Top && b.Right <= i.Right && b.Bottom <= i.Bottom, $"box {b} outside image {i}");
        // The box stands where the stored glyph box says, on the image as drawn (points → pixels of this image).
        var page = fx.OpenStore().Using(s => s.PageSize(expected.Sources.Single().Document.Id, evidence.Page))!.Value;
        Assert.InRange(b.Left - i.Left, evidence.Box.Left / page.Width * i.Width - 2, evidence.Box.Left / page.Width * i.Width + 2);
        Assert.InRange(b.Top - i.Top, (page.Height - evidence.Box.Top) / page.Height * i.Height - 2, (page.Height - evidence.Box.Top) / page.Height * i.Height + 2);
        Shoot(box, "pdf-finding");

        Review("confirm", "浏览器核查：调整数为 0，调整率应为 0%");
        Assert.Equal("已确认", _browser.FindElement(By.Id("status")).Text);
        _browser.Navigate().Refresh();
        Assert.Equal("已确认", _browser.FindElement(By.Id("status")).Text);
        Assert.Equal("浏览器核查：调整数为 0，调整率应为 0%", _browser.FindElement(By.Id("note")).Text);
        var stored = fx.OpenStore().Using(s => s.Findings(new FindingFilter(Id: expected.Finding.Id)).Single());
        Assert.Equal(("confirmed", "浏览器核查：调整数为 0，调整率应为 0%", ViewerFixture.Reviewer), (stored.Status, stored.Note, stored.Reviewer));
    }

    [Theory]
    [InlineData("SCORE_TOTAL", "docx-word/136.docx", "score.total", "docx-word")]
    [InlineData("PROJECT_EXECUTION_RATE", "docx/001.docx", "project.execution_rate", "docx")]
    public void A_docx_finding_marks_the_written_number_and_its_review_is_kept(string rule, string file, string key, string shot)
    {
        var expected = fx.Finding(rule, file);
        // 001's finding is also found in the changed PDF copy: the .docx is the source shown with marks.
        var evidence = expected.Sources.Single(s => s.Document.Path.EndsWith(file, StringComparison.Ordinal)).Evidence.First(e => e.Field == key);

        OpenFiltered(rule, expected.Finding.Id);
        var mark = _browser.FindElement(By.CssSelector($"mark[data-figure='{key}']"));
        // The mark is the number as the report wrote it: read back, it is the stored value.
        Assert.Equal(evidence.Value, decimal.Parse(mark.Text.Replace(",", ""), CultureInfo.InvariantCulture));
        Assert.Contains(mark.Text, evidence.Text);
        Shoot(mark, shot + "-finding");

        Review("dismiss", $"浏览器核查（{shot}）：已与原件核对");
        _browser.Navigate().Refresh();
        Assert.Equal("已排除", _browser.FindElement(By.Id("status")).Text);
        Assert.Equal($"浏览器核查（{shot}）：已与原件核对", _browser.FindElement(By.Id("note")).Text);
        var stored = fx.OpenStore().Using(s => s.Findings(new FindingFilter(Id: expected.Finding.Id)).Single());
        Assert.Equal(("dismissed", ViewerFixture.Reviewer), (stored.Status, stored.Reviewer));
    }

    [Theory]
    [InlineData("pdf-lo/003.pdf", "budget.adjustment_rate", "div.box", "report-pdf")]
    [InlineData("docx-word/136.docx", "score.total", "mark", "report-docx-word")]
    public void A_report_links_each_figure_to_its_page_with_the_figure_highlighted(string file, string key, string element, string shot)
    {
        using var store = fx.OpenStore();
        var report = store.ReportEntries().Single(r => r.Document.Path.EndsWith(file, StringComparison.Ordinal));
        var figure = store.ReportDetail(report.Id)!.Figures.First(f => f.Key == key);
        _browser.Navigate().GoToUrl($"{fx.Url}/report/{report.Id}");
        _browser.FindElement(By.CssSelector($"#figures a[href='/document/{report.Document.Id}/page/{figure.Page}?figure={key}']")).Click();
        WaitUntil(() => _browser.Url.Contains($"/page/{figure.Page}?figure="));
        var highlight = _browser.FindElement(By.CssSelector($"{element}[data-figure='{key}']"));
        Assert.True(highlight.Displayed);
        if (element == "mark") Assert.Equal(figure.Value, decimal.Parse(highlight.Text, CultureInfo.InvariantCulture));
        else Assert.Equal(figure.Page.ToString(), highlight.GetDomAttribute("data-page"));
        Shoot(highlight, shot);
    }

    [Fact]
    public void The_overview_charts_count_what_the_list_lists_and_a_unit_bar_leads_to_its_findings()
    {
        _browser.Navigate().GoToUrl(fx.Url);
        var all = _browser.FindElements(By.CssSelector("#findings tr[data-finding]")).Count;
        _browser.FindElement(By.LinkText("总览")).Click();
        WaitUntil(() => _browser.Url.EndsWith("/overview"));
        int Sum(string chart) => _browser.FindElements(By.CssSelector($"svg#{chart} g.bar")).Sum(g => int.Parse(g.GetDomAttribute("data-count")!));
        Assert.Equal(all, Sum("chart-rules"));
        Assert.Equal(all, Sum("chart-units"));
        using var store = fx.OpenStore();
        var reports = store.Summary().Rows.Count(r => Convert.ToInt64(r[2]) == 1);
        Assert.Equal(reports, Sum("chart-grades"));
        Assert.Equal(reports, Sum("chart-rates"));
        var bar = _browser.FindElements(By.CssSelector("svg#chart-units g.bar")).First();
        Assert.True(bar.FindElement(By.CssSelector("rect")).Size.Width > 0);
        Shoot(bar, "overview");
        var (unit, count) = (bar.GetDomAttribute("data-label")!, int.Parse(bar.GetDomAttribute("data-count")!));
        bar.FindElement(By.CssSelector("a")).Click();
        WaitUntil(() => _browser.Url.Contains("unit="));
        var rows = _browser.FindElements(By.CssSelector("#findings tr[data-finding]"));
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal(unit, r.FindElements(By.TagName("td"))[1].Text));
    }

    // The list, filtered by 疑点类型 with the select box, then the finding's link.
    private void OpenFiltered(string rule, string id)
    {
        _browser.Navigate().GoToUrl(fx.Url);
        var all = _browser.FindElements(By.CssSelector("#findings tr[data-finding]")).Count;
        _browser.FindElement(By.CssSelector($"select#rule option[value='{rule}']")).Click();
        _browser.FindElement(By.Id("apply")).Click();
        WaitUntil(() => _browser.Url.Contains("rule=" + rule));
        var rows = _browser.FindElements(By.CssSelector("#findings tr[data-finding]"));
        Assert.InRange(rows.Count, 1, all);
        Assert.Contains(rows, r => r.GetDomAttribute("data-finding") == id);
        Assert.Contains($"共 {rows.Count} 条疑点", _browser.FindElement(By.Id("total")).Text);
        _browser.FindElement(By.LinkText(id)).Click();
        WaitUntil(() => _browser.Url.EndsWith("/finding/" + id));
    }

    private void Review(string button, string note)
    {
        var box = _browser.FindElement(By.Id("note-input"));
        box.Clear();
        box.SendKeys(note);
        _browser.FindElement(By.Id(button)).Click();
        WaitUntil(() => _browser.FindElements(By.Id("note")).Count > 0);
    }

    private void Shoot(IWebElement element, string name)
    {
        ((IJavaScriptExecutor)_browser).ExecuteScript("arguments[0].scrollIntoView({block: 'center'})", element);
        Directory.CreateDirectory(Screenshots);
        var file = Path.Combine(Screenshots, name + ".png");
        _browser.GetScreenshot().SaveAsFile(file);
        output.WriteLine($"screenshot: {file}");
    }

    private void WaitUntil(Func<bool> condition) =>
        new WebDriverWait(_browser, TimeSpan.FromSeconds(20)).Until(_ => condition());

    public void Dispose() => _browser.Quit();
}

internal static class ViewerTestExtensions
{
    public static T Using<T>(this Store store, Func<Store, T> read)
    {
        using (store) return read(store);
    }

    public static (double Left, double Top, double Right, double Bottom, double Width, double Height) Rect(this IWebElement e)
    {
        var r = (IReadOnlyDictionary<string, object>)((IJavaScriptExecutor)((IWrapsDriver)e).WrappedDriver)
            .ExecuteScript("const r = arguments[0].getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom};", e)!;
        double D(string k) => Convert.ToDouble(r[k], CultureInfo.InvariantCulture);
        return (D("l"), D("t"), D("r"), D("b"), D("r") - D("l"), D("b") - D("t"));
    }
}
