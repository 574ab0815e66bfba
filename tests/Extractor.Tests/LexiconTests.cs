using System.Text.Json.Nodes;
using Extractor.Extraction;
using Extractor.Extraction.Lexicon;

namespace Extractor.Tests;

/// <summary>The lexicon as data: its format, the matcher, overlays, and the key catalogue everyone shares.</summary>
public class LexiconTests
{
    private static Report Extract(string text, ExtractionOptions? options = null) =>
        ReportExtractor.Extract(Extractor.Reading.TextReader.Parse("t.txt", text, "0"), options, genreCheck: false);

    [Fact]
    public void A_malformed_row_names_its_file_and_line()
    {
        var e = Assert.Throws<LexiconException>(() => Lexicon.Parse("# comment\nmeasure\tinitial\n", "mine.tsv").ToList());
        Assert.StartsWith("mine.tsv 第2行", e.Message);
    }

    [Theory]
    [InlineData("measure", "调整后全年预算数", "adjusted")]      // not 调整 (adjustment): the longer form wins
    [InlineData("measure", "预算调整率", "adjustment_rate")]
    [InlineData("measure", "年初部门预算批复", "initial")]       // a gap form: 年初…预算批复
    [InlineData("role", "年中监控实际完成值", "midyear")]         // not 实际完成值
    [InlineData("role", "偏差原因分析及改进措施", "deviation")]
    public void The_longest_form_of_a_facet_wins(string facet, string text, string canonical)
    {
        var tag = Assert.Single(Lexicon.Default.Matcher(facet).Tags(FlowText.Normalize(text)));
        Assert.Equal((0, text.Length, canonical), (tag.Start, tag.Length, tag.Canonical));
    }

    [Theory]
    [InlineData("本年度共有三个项目，分别为", "三")]
    [InlineData("2023年本部门共实施项目 3 个", "3")]
    public void A_number_placeholder_captures_the_count(string text, string n)
    {
        var tag = Assert.Single(Lexicon.Default.Matcher("count").Tags(FlowText.Normalize(text)));
        Assert.Equal(("project.count", n), (tag.Canonical, tag.Number));
    }

    [Fact]
    public void An_overlay_adds_a_provinces_wording_without_recompiling()
    {
        const string text = "二、预算执行情况\n本局年度经费盘子为500万元，实际支出480万元。";
        Assert.Null(Extract(text).Value(Keys.Adjusted));
        var overlay = Path.Combine(Path.GetTempPath(), $"overlay-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(overlay, "# 某省口径\nmeasure\tadjusted\t年度经费盘子\n");
        try
        {
            var options = new ExtractionOptions(Lexicon.Default.WithOverlays([overlay]));
            Assert.Equal(500m, Extract(text, options).Value(Keys.Adjusted));
            Assert.Equal(480m, Extract(text, options).Value(Keys.Actual));
        }
        finally { File.Delete(overlay); }
    }

    [Fact]
    public void Every_key_constant_is_in_the_catalogue_with_a_kind_and_a_Chinese_label()
    {
        var constants = typeof(Keys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(constants.Count >= 37);
        foreach (var c in constants)
        {
            var key = Keys.Find(c);
            Assert.True(key is not null, $"{c} is not in keys.tsv");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", key!.Label);
        }
        Assert.Equal(Keys.All.Count, Keys.All.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public void Every_key_mapping_names_a_subject_and_measure_of_the_lexicon()
    {
        var subjects = Lexicon.Default.Facet("subject").Select(e => e.Canonical).Append("*").ToHashSet();
        var measures = Lexicon.Default.Facet("measure").Select(e => e.Canonical).ToHashSet();
        var sections = Lexicon.Default.Facet("section").Select(e => e.Canonical).ToHashSet();
        foreach (var e in Lexicon.Default.Facet("key"))
            foreach (var form in e.Forms.Where(f => f != "-"))
            {
                var at = form.Split('@');
                var sm = at[0].Split('+');
                Assert.True(subjects.Contains(sm[0]) && measures.Contains(sm[1]) && (at.Length == 1 || sections.Contains(at[1])), $"{e.Origin}: {form}");
            }
    }

    [Fact]
    public void Gold_files_use_only_keys_of_the_catalogue()
    {
        foreach (var file in Directory.GetFiles(Corpus.Path("gold"), "*.json"))
            foreach (var (key, _) in JsonNode.Parse(File.ReadAllText(file))!["figures"]?.AsObject() ?? [])
                Assert.True(Keys.Find(key) is not null, $"{Path.GetFileName(file)}: {key} is not a catalogue key");
    }
}
