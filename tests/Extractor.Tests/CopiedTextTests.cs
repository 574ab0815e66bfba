using Dapper;
using Extractor.Analysis;
using Extractor.Generation;
using Extractor.Storage;

namespace Extractor.Tests;

/// <summary>COPIED_TEXT: every planned copy of a generated multi-year set found and no other pair; the seeds' real copies found.</summary>
public class CopiedTextTests
{
    private static string Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a} ~ {b}" : $"{b} ~ {a}";
    private static string Identity(string unit, int year) => $"{ReportIdentity.UnitKey(unit)}|{year}";

    private static HashSet<string> Planned(MultiYearSet set) =>
        set.Copies.Select(c => Pair(Identity(c.FromUnit, c.FromYear), Identity(c.ToUnit, c.ToYear))).ToHashSet();

    private static IEnumerable<AnalysisParagraph> Paragraphs(GeneratedReport r, string path) =>
        r.Analysis.Select(text => new AnalysisParagraph(Identity(r.Unit, r.Year), ReportIdentity.UnitKey(r.Unit), r.Year, path, 3, text, [r.Unit]));

    [Fact]
    public void Every_planned_copy_of_a_multi_year_set_is_found_and_no_other_pair()
    {
        var set = new MultiYearSet(units: 120, years: 3, seed: 15);
        // Each report twice (two renditions of one report are never copies of each other).
        var paragraphs = set.Reports.SelectMany((r, i) => Paragraphs(r, $"r{i}.pdf").Concat(Paragraphs(r, $"r{i}.docx"))).ToList();
        var found = new CopyFinder().Find(paragraphs);

        Assert.Equal(60, set.Copies.Count); // 15 groups of eight units × 4 kinds
        Assert.Equal(Planned(set).Order(), found.Select(p => Pair(p.First.Identity, p.Second.Identity)).Order());
        Assert.All(found, p => Assert.True(p.Similarity >= 0.5, $"{p.First.Identity} ~ {p.Second.Identity}: {p.Similarity}"));
        // The template paragraph every report carries is boilerplate, never the shared text.
        Assert.DoesNotContain(found, p => p.First.Text == MultiYearSet.Template);
    }

    [Fact]
    public void Distinct_paragraphs_of_the_generator_stay_far_apart()
    {
        var text = new NarrativeText(7);
        var a = Enumerable.Range(0, 200).Select(i => Shingles.Of(Shingles.Normalize(text.Paragraph("某局", 2022), []))).ToList();
        var max = a.SelectMany((x, i) => a.Skip(i + 1).Select(y => Shingles.Jaccard(x, y))).Max();
        Assert.True(max < 0.15, $"max Jaccard {max}");
        var p = text.Paragraph("某局", 2022);
        var edited = Shingles.Jaccard(Shingles.Of(Shingles.Normalize(p, [])), Shingles.Of(Shingles.Normalize(text.Edit(p, 3), [])));
        Assert.InRange(edited, 0.5, 0.95);
    }

    [Fact]
    public void Normalising_folds_years_and_the_reports_own_unit_name()
    {
        var a = Shingles.Normalize("2023年，青山县财政局加强预算管理。", ["青山县财政局"]);
        var b = Shingles.Normalize("2024 年, 白河县民政局加强预算管理.", ["白河县民政局"]);
        Assert.Equal(a, b);
        Assert.Equal("#年@加强预算管理", a);
    }

    [Fact]
    public void The_store_flags_each_planned_copy_once_with_both_files_and_pages()
    {
        var set = new MultiYearSet(units: 16, years: 2, seed: 3);
        var dir = Directory.CreateTempSubdirectory("extractor-copies-").FullName;
        var files = set.Reports.Select((r, i) =>
        {
            var path = Path.Combine(dir, $"{i:D3}.txt");
            File.WriteAllText(path, ReportRenderer.Render(r, 0));
            return path;
        }).ToList();
        // A second rendition of a report that was copied from: same unit, year and figures, other phrasing.
        var copied = set.Reports.First(r => r.Unit == set.Copies[0].FromUnit && r.Year == set.Copies[0].FromYear);
        File.WriteAllText(Path.Combine(dir, "rendition.txt"), ReportRenderer.Render(copied, 2));
        files.Add(Path.Combine(dir, "rendition.txt"));

        using var store = Store.Open(Path.Combine(dir, "t.db"));
        var run = store.StartRun();
        foreach (var f in files) Assert.True(store.Save(Pipeline.Process(f), run, force: false));
        store.FinishRun(run, files.Count, files.Count, 0, 0);

        var rows = store.Connection.Query<(string Id, string Identity, string Severity, string Files, long Page, string Text, string Message)>(
            "SELECT finding_id, identity, severity, files, page, source_text, message FROM cross_findings WHERE rule = 'COPIED_TEXT'").ToList();
        Assert.Equal(8, set.Copies.Count);
        var flagged = rows.Select(r =>
        {
            var paths = r.Files.Split('\n');
            Assert.Equal(2, paths.Length);
            var other = store.Connection.QuerySingle<string>("SELECT r.identity FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.path = @p",
                new { p = paths[1][..paths[1].LastIndexOf('#')] });
            return Pair(r.Identity, other);
        });
        Assert.Equal(Planned(set).Order(), flagged.Order());
        Assert.All(rows, r =>
        {
            Assert.Equal("warning", r.Severity);
            Assert.True(r.Page >= 1);
            Assert.Contains("相似度", r.Message);
            Assert.True(r.Text.Length >= CopyFinder.MinLength);
        });
        // The copy of an earlier year stands under the later report.
        var nextYear = set.Copies.First(c => c.Kind == CopyKind.NextYear);
        Assert.Contains(rows, r => r.Identity == Identity(nextYear.ToUnit, nextYear.ToYear));
        // Stable ids: the next run recomputes the same findings.
        var ids = rows.Select(r => r.Id).Order().ToList();
        store.FinishRun(store.StartRun(), 0, 0, 0, 0);
        Assert.Equal(ids, store.Connection.Query<string>("SELECT finding_id FROM cross_findings WHERE rule = 'COPIED_TEXT' ORDER BY finding_id").Order());
    }

    [Fact]
    public void The_seeds_real_shared_paragraphs_are_found()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-seeds-").FullName;
        using var store = Store.Open(Path.Combine(dir, "t.db"));
        var run = store.StartRun();
        foreach (var id in new[] { "000", "001", "002", "003", "004" }) store.Save(Pipeline.Process(Corpus.Path("txt", id + ".txt")), run, false);
        store.FinishRun(run, 5, 5, 0, 0);
        var rows = store.Connection.Query<(string Files, string Text)>("SELECT files, source_text FROM cross_findings WHERE rule = 'COPIED_TEXT'").ToList();
        string Names(string files) => string.Join(" ~ ", files.Split('\n').Select(f => Path.GetFileName(f[..f.LastIndexOf('#')])).Order());
        var pairs = rows.ToDictionary(r => Names(r.Files), r => r.Text);
        Assert.Contains("部门预算资金使用符合国家法规和财务管理制度", pairs["000.txt ~ 001.txt"]);
        Assert.Contains("基本支出严格按照财务管理制度执行", pairs["000.txt ~ 003.txt"]);
    }
}
