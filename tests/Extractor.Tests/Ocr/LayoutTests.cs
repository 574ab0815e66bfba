using Extractor.Reading.Pdf;

namespace Extractor.Tests.Ocr;

/// <summary>Running headers and page numbers on OCR'd pages, which OCR reads differently on every page.</summary>
public class LayoutTests
{
    private static GlyphLine Ocr(string text, double left, double right, double baseline) =>
        new(text, left, right, baseline, baseline - 2, baseline + 10, 10, Enumerable.Repeat(0.9f, text.Length).ToArray());

    private static PageDecorations.PageLines Page(params GlyphLine[] lines) => new(842, [.. lines], 595);

    [Fact]
    public void A_header_read_two_ways_and_page_numbers_read_as_nonsense_are_decorations()
    {
        var body = Ocr("2021年我委年初批复预算数5,210.66万元，其中基本支出年初预算数3,870.12万元。", 70, 525, 600);
        var pages = new List<PageDecorations.PageLines>
        {
            Page(Ocr("南岭县卫生健康委员会", 240, 355, 800), body, Ocr("站", 292, 303, 40)),
            Page(Ocr("南岭县中“健康委员会", 240, 355, 801), body, Ocr("所尺王", 285, 310, 42)),
            Page(Ocr("南岭县卫生健康委员", 240, 350, 799), body, Ocr("—3—", 285, 310, 40)),
        };
        var found = PageDecorations.Find(pages);
        Assert.All(found, set => Assert.Equal([0, 2], set.Order()));
    }

    [Fact]
    public void A_short_line_at_the_foot_of_one_page_only_stays()
    {
        var body = Ocr("正文", 70, 525, 600);
        var pages = new List<PageDecorations.PageLines>
        {
            Page(body, Ocr("（盖章）", 280, 320, 60)),
            Page(body),
            Page(body),
        };
        Assert.All(PageDecorations.Find(pages), set => Assert.Empty(set));
    }
}
