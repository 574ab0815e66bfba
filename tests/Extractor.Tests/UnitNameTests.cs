using Extractor.Storage;

namespace Extractor.Tests;

/// <summary>Unit identity: Fixtures/unitnames.tsv holds pairs of names a domain reviewer says are one unit or two.</summary>
public class UnitNameTests
{
    public static TheoryData<string, string, string> Pairs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "unitnames.tsv")).Skip(2))
        {
            var cells = line.Split('\t');
            data.Add(cells[0], cells[1], cells[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Names_line_up_as_the_fixture_says(string first, string second, string expected)
    {
        var (a, b) = (ReportIdentity.UnitKey(first), ReportIdentity.UnitKey(second));
        Assert.True((a == b) == (expected == "same"), $"{first} → {a}; {second} → {b}; expected {expected}");
    }

    [Fact]
    public void Every_unit_name_form_of_the_lexicon_has_a_fixture_row()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "unitnames.tsv"));
        var missing = Extraction.Lexicon.Lexicon.Default.Entries.Where(e => e.Facet is "unit_prefix" or "unit_short")
            .SelectMany(e => e.Forms).Where(f => !text.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "unit name forms without a fixture row: " + string.Join(", ", missing));
    }
}
