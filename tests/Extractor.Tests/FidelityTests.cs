using Extractor.Reading;
using Xunit.Abstractions;

namespace Extractor.Tests;

public class FidelityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Corpus.Renditions), MemberType = typeof(Corpus))]
    public void Rendition_reads_back_its_source_text(string kind, string id)
    {
        var expected = DocumentText.Render(DocumentLoader.Read(Corpus.Path("txt", id + ".txt")));
        var actual = DocumentText.Render(DocumentLoader.Read(Corpus.Rendition(kind, id)));
        var result = Fidelity.Compare(expected, actual);
        output.WriteLine($"{kind}/{id}: {result.Similarity:P3}");
        Assert.True(result.Similarity >= 0.995,
            $"{kind}/{id} fidelity {result.Similarity:P3} < 99.5%; first difference {result.FirstDifference}");
    }

    [Fact]
    public void Fidelity_counts_a_lost_character()
    {
        var r = Fidelity.Compare("年初预算数为775.45万元", "年初预算数为775.4万元");
        Assert.Equal(13.0 / 14.0, r.Similarity, 6);
        Assert.NotNull(r.FirstDifference);
    }

    [Fact]
    public void Fidelity_ignores_whitespace_emphasis_and_width()
    {
        Assert.Equal(1.0, Fidelity.Compare("全年预算 **５５６．８３** 万元", "全年预算556.83万元").Similarity);
    }
}
