using System.Security.Cryptography;
using System.Text;

namespace Extractor.Generation;

/// <summary>
/// Many stored reports without reading as many files, to measure the store at a province's or a country's size:
/// a few hundred generated reports go through the whole pipeline (one in ten with an injected contradiction, as
/// gen-corpus writes them), and each stored copy is a report of its own — its own path, content hash and unit
/// name, so its own identity and finding ids — with the figures, indicators, findings and page text of its model.
/// </summary>
public static class ScaleReports
{
    public static IReadOnlyList<ProcessedFile> Models(int count, int seed)
    {
        var gen = new ReportGenerator(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var r = gen.Next();
            if (i % 10 == 9) r.AdjustmentRate += 5;
            var text = ReportRenderer.Render(r, i % ReportRenderer.Phrasings);
            var path = $"generated/model-{i:D4}.txt";
            var doc = Reading.TextReader.Parse(path, text, Hash(path));
            return Pipeline.Process(path, _ => doc);
        }).ToList();
    }

    /// <summary>Report number <paramref name="n"/>: a copy of a model under a unit name, path and hash of its own.</summary>
    public static ProcessedFile Copy(IReadOnlyList<ProcessedFile> models, int n)
    {
        var model = models[n % models.Count];
        var path = $"generated/{n / 1000:D3}/report-{n:D6}.txt";
        var report = model.Report is { } r
            ? new Extraction.Report
            {
                Info = r.Info with { UnitName = $"{r.Info.UnitName}{n:D6}" }, Statements = r.Statements, Indicators = r.Indicators,
                Projects = r.Projects, Warnings = r.Warnings, Unread = r.Unread,
            }
            : null;
        return model with { Path = path, Sha256 = Hash(path), Report = report };
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
