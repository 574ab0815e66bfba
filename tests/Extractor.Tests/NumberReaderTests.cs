using Extractor.Extraction;

namespace Extractor.Tests;

public class NumberReaderTests
{
    [Theory]
    [InlineData("775.45", 775.45)]
    [InlineData("1,234,567.89", 1234567.89)]
    [InlineData("1，234", 1234)]
    [InlineData("１２３．４５", 123.45)]
    [InlineData("-149.15", -149.15)]
    [InlineData("三十五", 35)]
    [InlineData("十五", 15)]
    [InlineData("二〇二三", 2023)]
    [InlineData("两千零五", 2005)]
    [InlineData("一百二十", 120)]
    [InlineData("百分之九十五", 95)]
    [InlineData("1.2万", 12000)]
    [InlineData("2.9亿", 290000000)]
    [InlineData("三点五", 3.5)]
    public void Reads_numbers_as_reports_write_them(string text, double expected)
    {
        Assert.True(ChineseNumberReader.Instance.TryRead(text, out var v));
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("1,23,4")]
    [InlineData("12,34")]
    [InlineData("万元")]
    [InlineData("")]
    [InlineData("3a")]
    public void Refuses_what_is_not_one_number(string text) =>
        Assert.False(ChineseNumberReader.Instance.TryRead(text, out _));
}
