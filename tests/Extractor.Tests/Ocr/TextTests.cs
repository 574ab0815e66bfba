using Extractor.Reading;
using Extractor.Reading.Ocr;
using Extractor.Reading.Pdf;

namespace Extractor.Tests.Ocr;

/// <summary>From OCR characters to text: hOCR, lines without spaces in Chinese, number repairs, confidences.</summary>
public class TextTests
{
    private const string HocrSample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><body>
        <div class='ocr_page' title='bbox 0 0 2481 3509'>
         <span class='ocr_line' title="bbox 100 200 700 250; baseline 0 -5; x_size 50; x_descenders 8; x_ascenders 10">
          <span class='ocrx_word' title='bbox 100 200 200 250; x_wconf 96'>
           <span class='ocrx_cinfo' title='x_bboxes 100 200 148 250; x_conf 99.1'>预</span><span class='ocrx_cinfo' title='x_bboxes 152 200 200 250; x_conf 97.5'>算</span>
          </span>
          <span class='ocrx_word' title='bbox 260 200 400 250; x_wconf 90'>
           <span class='ocrx_cinfo' title='x_bboxes 260 205 285 248; x_conf 90'>1</span>
           <span class='ocrx_cinfo' title='x_bboxes 290 205 315 248; x_conf 62.5'>2</span>
           <span class='ocrx_cinfo' title='x_bboxes 330 205 350 248; x_conf 88'>&amp;</span>
          </span>
         </span>
        </div></body></html>
        """;

    [Fact]
    public void Hocr_characters_come_with_boxes_confidences_lines_and_words()
    {
        var chars = Hocr.Parse(System.Text.Encoding.UTF8.GetBytes(HocrSample));
        Assert.Equal(["预", "算", "1", "2", "&"], chars.Select(c => c.Text));
        Assert.Equal((100, 200, 148, 250), (chars[0].Left, chars[0].Top, chars[0].Right, chars[0].Bottom));
        Assert.Equal(0.625f, chars[3].Confidence, 3);
        Assert.All(chars, c => Assert.Equal(1, c.Line));
        Assert.Equal(chars[2].Word, chars[3].Word);
        Assert.NotEqual(chars[1].Word, chars[2].Word);
        Assert.Equal(245, chars[0].LineBaseline); // bottom 250, offset −5
        Assert.Equal(50, chars[0].LineSize);
    }

    private static Glyph G(string t, double left, int word, float conf = 0.9f) =>
        new(t, left, left + 10, 100, 98, 110, 12, conf, word);

    [Fact]
    public void Ocr_glyphs_make_lines_with_no_space_between_ideographs_and_none_inside_a_word()
    {
        // Tesseract puts every ideograph in a word of its own, spaced as the justified line was.
        var glyphs = new[] { G("全", 0, 1), G("年", 25, 2), G("预", 50, 3), G("算", 75, 4), G("5", 100, 5), G("5", 104, 5), G(".", 108, 5), G("8", 112, 5, 0.4f) };
        var line = Assert.Single(LineBuilder.Build(glyphs));
        Assert.Equal("全年预算55.8", line.Text);
        Assert.NotNull(line.Confidence);
        Assert.Equal(line.Text.Length, line.Confidence!.Length);
        Assert.Equal(0.4f, line.Confidence[^1]);
    }

    [Theory]
    [InlineData("2O22年", "2022年")]
    [InlineData("年初预算数为l2,356,8OO.00元", "年初预算数为12,356,800.00元")]
    [InlineData("项目支出年初预算数为4 111,200.00元", "项目支出年初预算数为4,111,200.00元")]
    [InlineData("执行率为96,10%。", "执行率为96.10%。")]
    [InlineData("基本支出8,245,600,00元", "基本支出8,245,600.00元")]
    [InlineData("得分]5分", "得分15分")]
    [InlineData("之90%", "≥90%")]
    [InlineData("年度指标值：过1500批次", "年度指标值：≥1500批次")]
    [InlineData("超过12000人", "超过12000人")]
    [InlineData("PM2.5浓度", "PM2.5浓度")]
    [InlineData("COD排放", "COD排放")]
    [InlineData("分别为1,2,3项", "分别为1,2,3项")]
    [InlineData("第1,2项", "第1,2项")]
    [InlineData("[1]", "[1]")]
    public void Number_repairs_happen_only_inside_figures(string ocr, string repaired)
    {
        Assert.Equal(repaired, NumberRepair.Apply(ocr));
        Assert.Equal(ocr.Length, NumberRepair.Apply(ocr).Length);
    }

    [Fact]
    public void Confidence_of_a_span_is_the_lowest_of_its_characters_and_null_without_ocr()
    {
        var line1 = new TextLine("预算数为12,", null, 1, [0.99f, 0.99f, 0.99f, 0.99f, 0.95f, 0.4f, 0.9f]);
        var line2 = new TextLine("356.00万元", null, 1, [0.9f, 0.8f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.99f, 0.99f]);
        var p = new Paragraph(1, null, [line1, line2], Glyphs.JoinWrapped(line1.Text, line2.Text));
        var at = p.Text.IndexOf("12,356.00", StringComparison.Ordinal);
        Assert.Equal(0.4f, OcrConfidence.Of(p, at, 9));
        Assert.Equal(0.8f, OcrConfidence.Of(p, at + 3, 6)); // "356.00", on the second line
        Assert.Equal(0.99f, OcrConfidence.Of(p, 0, 4));
        var plain = new Paragraph(1, null, [new TextLine("预算", null)], "预算");
        Assert.Null(OcrConfidence.Of(plain, 0, 2));
    }

    [Fact]
    public void A_cell_of_several_ocr_lines_keeps_one_confidence_per_character()
    {
        var lines = new List<GlyphLine>
        {
            new("32,521,700.0", 0, 10, 10, 8, 12, 10, Enumerable.Repeat(0.9f, 12).ToArray()),
            new("0", 0, 10, 0, -2, 2, 10, [0.5f]),
        };
        var (text, confidence) = ScoredText.Join(lines);
        Assert.Equal("32,521,700.00", text);
        Assert.Equal(text.Length, confidence!.Count);
        Assert.Equal(0.5f, confidence[^1]);
    }

    [Theory]
    [InlineData(new[] { "本", "局", "预", "算" }, 0.0, true)]
    [InlineData(new[] { "\uE001", "\uE002", "\uE003", "本" }, 0.0, false)]  // private-use code points: no Unicode map
    [InlineData(new[] { "\uFFFD", "\uFFFD", "a" }, 0.0, false)]
    [InlineData(new[] { "\u0003", "\u0011", "\u0003", "\u0011", "局" }, 0.0, false)]
    [InlineData(new[] { "1" }, 0.95, false)]                               // a scanner's page number over a scan
    [InlineData(new string[0], 0.0, false)]
    public void A_text_layer_is_usable_only_with_enough_real_characters(string[] letters, double pictureCoverage, bool usable) =>
        Assert.Equal(usable, TextLayer.IsUsable(letters, pictureCoverage));
}
