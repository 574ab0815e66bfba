using System.Text;
using System.Text.RegularExpressions;
using Extractor.Extraction;
using Extractor.Storage;

namespace Extractor.Exports;

/// <summary>
/// 历年对比: each unit's figures and indicators year by year, with the change on the previous year it reported
/// (增减) and that change as a percentage of the earlier value (增减率, two decimals; blank where the earlier
/// value is 0). Indicators of different years are one row when their names are the same after NFKC,
/// without spaces and punctuation; a row gives an indicator's 目标值, 实际完成值 or 得分.
/// </summary>
public static partial class YearOverYear
{
    public const string Figure = "数字", Indicator = "绩效指标";

    /// <summary>The workbook's sheet: every unit that reported in more than one year.</summary>
    public static Tabular Sheet(Store store)
    {
        var figures = store.FiguresByYear();
        var indicators = store.IndicatorsByYear();
        var multi = figures.Select(f => (f.UnitKey, f.Year)).Concat(indicators.Select(i => (i.UnitKey, i.Year))).Distinct()
            .GroupBy(u => u.UnitKey).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return Of([.. figures.Where(f => multi.Contains(f.UnitKey))], [.. indicators.Where(i => multi.Contains(i.UnitKey))], withUnit: true);
    }

    /// <summary>One unit's comparison (<c>extractor compare --unit</c>).</summary>
    public static Tabular ForUnit(Store store, string unitKey) =>
        Of(store.FiguresByYear(unitKey), store.IndicatorsByYear(unitKey), withUnit: false);

    public static Tabular Of(IReadOnlyList<YearFigure> figures, IReadOnlyList<YearIndicator> indicators, bool withUnit)
    {
        var years = figures.Select(f => f.Year).Concat(indicators.Select(i => i.Year)).Distinct().Order().ToList();
        var names = figures.Select(f => (f.UnitKey, f.UnitName)).Concat(indicators.Select(i => (i.UnitKey, i.UnitName)))
            .GroupBy(u => u.UnitKey).ToDictionary(g => g.Key, g => g.Select(u => u.UnitName).LastOrDefault(n => n is not null) ?? g.Key);
        var lines = new List<Line>();
        foreach (var unit in names.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var key in figures.Where(f => f.UnitKey == unit).GroupBy(f => f.Key).OrderBy(g => Order(g.Key)))
                lines.Add(new Line(unit, Figure, key.First().Label, key.Key, UnitLabel(key.First()),
                    key.ToDictionary(f => f.Year, f => (object?)f.Word ?? f.Value)));
            foreach (var same in indicators.Where(i => i.UnitKey == unit).GroupBy(i => NameKey(i.Name)).OrderBy(g => g.Min(i => i.Seq)))
            {
                var first = same.OrderBy(i => i.Year).First();
                Line Row(string measure, Func<YearIndicator, decimal?> value, string? unitWord) =>
                    new(unit, Indicator, first.Name, measure, unitWord ?? "", same.GroupBy(i => i.Year).ToDictionary(g => g.Key, g => (object?)value(g.First())));
                lines.Add(Row("目标值", i => i.Target, first.TargetUnit ?? first.ActualUnit));
                lines.Add(Row("实际完成值", i => i.Actual, first.ActualUnit ?? first.TargetUnit));
                lines.Add(Row("得分", i => i.Score, "分"));
            }
        }

        var columns = new List<string>();
        if (withUnit) columns.Add("单位名称");
        columns.AddRange(["类别", "数据项", "项目", "单位"]);
        columns.AddRange(years.Select(y => $"{y}年"));
        foreach (var y in years.Skip(1)) columns.AddRange([$"{y}年较上期增减", $"{y}年较上期增减率(%)"]);
        var rows = lines.Select(l =>
        {
            var row = new List<object?>();
            if (withUnit) row.Add(names[l.Unit]);
            row.AddRange([l.Category, l.Item, l.Measure, l.UnitWord]);
            row.AddRange(years.Select(y => l.Values.GetValueOrDefault(y)));
            foreach (var y in years.Skip(1))
            {
                var (change, rate) = Change(l.Values, y);
                row.AddRange([change, rate]);
            }
            return row.ToArray();
        }).ToList();
        return new Tabular(columns, rows);
    }

    /// <summary>The change of year <paramref name="year"/> on the latest earlier year with a number, and its rate.</summary>
    public static (decimal? Change, decimal? Rate) Change(IReadOnlyDictionary<int, object?> values, int year)
    {
        if (values.GetValueOrDefault(year) is not decimal now) return (null, null);
        var earlier = values.Where(v => v.Key < year && v.Value is decimal).OrderByDescending(v => v.Key).Select(v => (decimal?)v.Value).FirstOrDefault();
        if (earlier is not { } before) return (null, null);
        var change = now - before;
        return (change, before == 0 ? null : Math.Round(change * 100 / Math.Abs(before), 2, MidpointRounding.AwayFromZero));
    }

    // The contract's order of keys (keys.tsv), keys it does not know last.
    private static int Order(string key) => KeyOrder.Value.GetValueOrDefault(key, int.MaxValue);

    private static readonly Lazy<Dictionary<string, int>> KeyOrder = new(() => Keys.All.Select((k, i) => (k.Name, i)).ToDictionary(x => x.Name, x => x.i));

    private sealed record Line(string Unit, string Category, string Item, string Measure, string UnitWord, Dictionary<int, object?> Values);

    private static string UnitLabel(YearFigure f) => Keys.KindOf(f.Key) switch
    {
        KeyKind.Money => "万元",
        KeyKind.Percent => "%",
        KeyKind.Score => "分",
        KeyKind.Count => f.Unit ?? "",
        _ => "",
    };

    [GeneratedRegex(@"[\p{P}\p{S}\s]+")] private static partial Regex Punctuation();

    /// <summary>An indicator's name for matching across years.</summary>
    public static string NameKey(string name) => Punctuation().Replace(name.Normalize(NormalizationForm.FormKC), "");
}
