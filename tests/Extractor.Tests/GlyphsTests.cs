using Extractor.Reading;

namespace Extractor.Tests;

public class GlyphsTests
{
    [Theory]
    [InlineData("部⻔", "部门")]       // CJK Radicals Supplement: NFKC leaves it, the table maps it
    [InlineData("⾼新区", "高新区")]    // Kangxi radical
    [InlineData("⼾", "户")]            // simplified, not 戶
    [InlineData("⼈⺠", "人民")]
    [InlineData("预算 556.83", "预算 556.83")]
    public void Radicals_become_unified_ideographs(string input, string expected) =>
        Assert.Equal(expected, Glyphs.RepairRadicals(input));

    [Theory]
    [InlineData("32,521,700.0", "0", "32,521,700.00")]
    [InlineData("全年预", "算数", "全年预算数")]
    [InlineData("for the", "year", "for the year")]
    [InlineData("万元，", "2023年", "万元，2023年")]
    public void Wrapped_pieces_join_without_splitting_words_or_numbers(string a, string b, string expected) =>
        Assert.Equal(expected, Glyphs.JoinWrapped(a, b));
}
