using Extractor.Extraction;
using Extractor.Reading;
using Extractor.Validation;

namespace Extractor.Tests.Ocr;

/// <summary>A contradiction resting on a figure OCR was unsure of is a warning (提示); one on a sure reading stays an error.</summary>
public class OcrDoubtTests
{
    // 116 states a budget execution rate its own budget and spending contradict (its gold lists it as an error).
    private static readonly Report Report = ReportExtractor.Extract(DocumentLoader.Read(Corpus.Path("txt", "116.txt")));

    private static Discrepancy ExecutionRate(float? confidence)
    {
        var read = new Report
        {
            Info = Report.Info, Indicators = Report.Indicators, Projects = Report.Projects,
            Statements = Report.Statements.Select(f => f with { Confidence = confidence }).ToList(),
        };
        return Validator.Validate(read).Single(d => d.Rule == "BUDGET_EXECUTION_RATE");
    }

    [Fact]
    public void Text_figures_give_an_error() => Assert.Equal(Severity.Error, ExecutionRate(null).Severity);

    [Fact]
    public void Sure_ocr_figures_give_an_error() => Assert.Equal(Severity.Error, ExecutionRate(0.97f).Severity);

    [Fact]
    public void A_doubtful_ocr_figure_makes_it_a_warning_that_says_why()
    {
        var d = ExecutionRate(0.6f);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("置信度0.60", d.Message);
        Assert.All(d.Evidence, e => Assert.Equal(0.6f, e.Confidence));
    }
}
