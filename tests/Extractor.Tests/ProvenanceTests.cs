using Extractor.Extraction;
using Extractor.Reading;
using UglyToad.PdfPig;

namespace Extractor.Tests;

/// <summary>
/// Provenance down to the glyph: every figure and indicator value with a box has a box on its page that
/// holds the glyphs of its stated number, checked against the page's letters as PdfPig reads them.
/// </summary>
public class ProvenanceTests
{
    public static IEnumerable<object[]> Pdfs() =>
        new[] { "pdf-lo", "pdf-chrome" }.SelectMany(kind => Directory.GetFiles(Corpus.Path(kind), "*.pdf").Order()
            .Where(f => !f.EndsWith("106.pdf")).Select(f => new object[] { kind, Path.GetFileNameWithoutExtension(f) }));

    private static string Digits(string s) => new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Every_box_holds_the_glyphs_of_its_number(string kind, string id)
    {
        var path = Corpus.Rendition(kind, id);
        var report = ReportExtractor.Extract(DocumentLoader.Read(path));
        using var pdf = PdfDocument.Open(path);
        var checkedBoxes = 0;
        void Check(string what, string writtenNumber, int page, Box box)
        {
            var inside = pdf.GetPage(page).Letters
                .Where(l => (l.StartBaseLine.X + l.EndBaseLine.X) / 2 >= box.Left - 0.5 && (l.StartBaseLine.X + l.EndBaseLine.X) / 2 <= box.Right + 0.5
                         && (l.BoundingBox.Bottom + l.BoundingBox.Top) / 2 >= box.Bottom - 1 && (l.BoundingBox.Bottom + l.BoundingBox.Top) / 2 <= box.Top + 1)
                .OrderByDescending(l => Math.Round(l.StartBaseLine.Y)).ThenBy(l => l.StartBaseLine.X).Select(l => l.Value);
            var text = string.Concat(inside);
            // A count written in Chinese numerals ("三个项目") is read back as a number.
            var chinese = Extraction.ChineseNumberReader.Instance.TryRead(new string(text.Where(Extraction.ChineseNumberReader.IsNumeral).ToArray()), out var n) && n.ToString() == writtenNumber;
            Assert.True(chinese || Digits(text).Contains(Digits(writtenNumber)),
                $"{kind}/{id} {what}: box {box} on page {page} holds \"{string.Concat(inside)}\", not {writtenNumber}");
            checkedBoxes++;
        }
        // The number as the report wrote it (money back in its own unit): its integer digits must be among the glyphs.
        foreach (var f in report.Statements.Where(f => f.Box is not null && f.Word is null))
            Check(f.Key, decimal.Truncate(Math.Abs(f.Unit switch { "元" => f.Value * 10000, "亿元" => f.Value / 10000, _ => f.Value })).ToString(), f.Page, f.Box!);
        foreach (var i in report.Indicators)
            foreach (var (part, place) in i.Boxes)
            {
                var value = part switch
                {
                    "target" => i.Target?.Value, "actual" => i.Actual?.Value, "midyear" => i.Midyear?.Value,
                    "completion" => i.CompletionRate, "weight" => i.Weight, "score" => i.Score, _ => null,
                };
                // The value as the report could have written it: its integer digits must be among the glyphs.
                if (value is { } v) Check($"{i.Name}.{part}", decimal.Truncate(Math.Abs(v)).ToString(), place.Page, place.Box);
            }
        Assert.True(checkedBoxes >= 10, $"{kind}/{id}: only {checkedBoxes} boxes");
    }
}
