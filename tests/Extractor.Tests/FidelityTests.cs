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
        var floor = Floor(kind, id);
        Assert.True(result.Similarity >= floor,
            $"{kind}/{id} fidelity {result.Similarity:P3} < {floor:P1}; first difference {result.FirstDifference}");
    }

    // 99.5%, or the documented floor of a rendition known to read below it (corpus/fidelity-floors.tsv).
    private static double Floor(string kind, string id) =>
        File.ReadAllLines(Corpus.Path("fidelity-floors.tsv")).Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
            .Select(l => l.Split('\t')).Where(c => c[0] == kind && c[1] == id)
            .Select(c => double.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0.995).First();

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
