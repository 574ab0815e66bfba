using Extractor.Generation;
using Extractor.Storage;

namespace Extractor.Tests;

/// <summary>`units`: one unit's reports line up across years and renditions.</summary>
public class UnitsTests
{
    [Fact]
    public void Each_unit_is_listed_once_with_its_years_and_each_years_files()
    {
        var set = new MultiYearSet(units: 4, years: 2, seed: 9);
        var dir = Directory.CreateTempSubdirectory("extractor-units-").FullName;
        var files = set.Reports.Select((r, i) => (Path: Path.Combine(dir, $"{i:D3}.txt"), Text: ReportRenderer.Render(r, 0))).ToList();
        files.Add((Path.Combine(dir, "rendition.txt"), ReportRenderer.Render(set.Reports[0], 2)));
        using var store = Store.Open(Path.Combine(dir, "t.db"));
        var run = store.StartRun();
        foreach (var (path, text) in files) { File.WriteAllText(path, text); store.Save(Pipeline.Process(path), run, false); }
        store.FinishRun(run, files.Count, files.Count, 0, 0);

        var units = store.Units();
        Assert.Equal(set.Reports.Select(r => r.Unit).Distinct().Order(StringComparer.Ordinal), units.Select(u => Assert.Single(u.Names)).Order(StringComparer.Ordinal));
        Assert.All(units, u => Assert.Equal([2021, 2022], u.Years.Select(y => y.Year)));
        var first = Assert.Single(units, u => u.Names[0] == set.Reports[0].Unit);
        Assert.Equal(["000.txt", "rendition.txt"], first.Years[0].Files.Select(Path.GetFileName).Order());
        Assert.Equal(8, units.Sum(u => u.Years.Sum(y => y.Files.Count)) - 1);
    }
}
