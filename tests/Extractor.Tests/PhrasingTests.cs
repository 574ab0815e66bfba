using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Extraction;

namespace Extractor.Tests;

/// <summary>
/// Phrasings as data: Fixtures/phrasings.tsv holds a report fragment per row and what a reader expects of
/// it (key=value pairs; -key for a key that must be absent; indicator.N.part, project.N.part, indicators=N,
/// projects=N, unit_name, fiscal_year, filled_date). Adding a phrasing is one lexicon row and one row here.
/// </summary>
public class PhrasingTests
{
    public static IEnumerable<object[]> Rows() =>
        File.ReadAllLines(Corpus.Fixture("phrasings.tsv")).Skip(1)
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(c => new object[] { c[0], c[1], c[2] });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Phrasing_reads_as_a_reader_expects(string id, string text, string expected)
    {
        var report = ReportExtractor.Extract(Reading.TextReader.Parse("fixture.txt", text.Replace("\\n", "\n"), "0"), null, genreCheck: false);
        var wrong = new List<string>();
        foreach (var pair in expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (pair.StartsWith('-'))
            {
                if (report.Figures.ContainsKey(pair[1..])) wrong.Add($"{pair[1..]} should be absent, got {report.Value(pair[1..])}");
                continue;
            }
            var eq = pair.IndexOf('=');
            var (key, want) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
            var got = Actual(report, key);
            if (!Same(want, got)) wrong.Add($"{key}: expected {want}, got {got ?? "(absent)"}");
        }
        Assert.True(wrong.Count == 0, $"{id}: {string.Join("; ", wrong)}");
    }

    /// <summary>The facets whose every written-out form must appear in a fixture row: one row per phrasing.</summary>
    private static readonly string[] Covered =
    [
        "measure", "sign", "subject", "subject_mask", "role", "op", "count", "grade_label", "grade", "cover_unit", "cover_date", "seal",
        "execution_row", "unit_caption", "pronoun", "total_row", "project_budget", "project_actual", "project_intro", "project_highlight",
        "moves_on", "breakdown", "filler", "explanation", "cover_year", "commentary", "interim",
    ];

    [Fact]
    public void Every_phrasing_of_the_lexicon_has_a_fixture_row()
    {
        var texts = string.Join("\n", Rows().Select(r => Normalized(((string)r[1]).Replace("\\n", "\n"))));
        var missing = Extraction.Lexicon.Lexicon.Default.Entries.Where(e => Covered.Contains(e.Facet))
            .SelectMany(e => e.Forms.Where(f => !f.Contains('…') && !f.Contains('{') && !texts.Contains(f)).Select(f => $"{e.Facet}:{f}"))
            .ToList();
        Assert.True(missing.Count == 0, "lexicon forms without a fixture row: " + string.Join(", ", missing));
    }

    private static string Normalized(string s) => FlowText.Normalize(s);

    private static string? Actual(Report r, string key)
    {
        switch (key)
        {
            case "unit_name": return r.Info.UnitName;
            case "fiscal_year": return r.Info.FiscalYear?.ToString();
            case "filled_date": return r.Info.FilledDate;
            case "indicators": return r.Indicators.Count.ToString();
            case "projects": return r.Projects.Count.ToString();
        }
        var m = Regex.Match(key, @"^(indicator|project)\.(\d+)\.(\w+)$");
        if (m.Success)
        {
            var n = int.Parse(m.Groups[2].Value) - 1;
            var part = m.Groups[3].Value;
            if (m.Groups[1].Value == "project")
                return n < r.Projects.Count ? part switch
                {
                    "name" => r.Projects[n].Name, "budget" => Show(r.Projects[n].Budget), "actual" => Show(r.Projects[n].Actual), "label" => r.Projects[n].Label, _ => "?",
                } : null;
            if (n >= r.Indicators.Count) return null;
            var i = r.Indicators[n];
            return part switch
            {
                "name" => i.Name, "label" => i.Label, "group" => i.Group is { } g ? string.Join("/", g) : null,
                "target" => i.Target is { } t ? $"{t.Op}{Show(t.Value)}{t.Unit}" : null,
                "op" => i.Target?.Op,
                "actual" => i.Actual is { } a ? $"{Show(a.Value)}{a.Unit}" : null,
                "midyear" => i.Midyear is { } y ? $"{Show(y.Value)}{y.Unit}" : null,
                "unit" => i.Target?.Unit ?? i.Actual?.Unit,
                "completion_rate" => Show(i.CompletionRate), "weight" => Show(i.Weight), "score" => Show(i.Score),
                "deviation_reason" => i.DeviationReason, "improvement" => i.Improvement,
                _ => "?",
            };
        }
        if (!r.Figures.TryGetValue(key, out var f)) return null;
        return f.Word ?? Show(f.Value);
    }

    private static string? Show(decimal? v) => v?.ToString("0.##########", CultureInfo.InvariantCulture);

    private static bool Same(string want, string? got)
    {
        if (got is null) return false;
        static string N(string s) => new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (decimal.TryParse(want, NumberStyles.Number, CultureInfo.InvariantCulture, out var w) && decimal.TryParse(got, NumberStyles.Number, CultureInfo.InvariantCulture, out var g))
            return w == g;
        // "≥95%" and ">=95%" are the same target; "95.0%" and "95%" the same quantity.
        static string Canon(string s) => Regex.Replace(N(s).Replace("≥", ">=").Replace("≤", "<="), @"(\d+\.\d*?)0+(?!\d)", "$1").Replace(".%", "%").TrimEnd('.');
        return Canon(want) == Canon(got);
    }
}
