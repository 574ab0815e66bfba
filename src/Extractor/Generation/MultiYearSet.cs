namespace Extractor.Generation;

/// <summary>How a planned copy was made.</summary>
public enum CopyKind { AcrossUnits, EditedAcrossUnits, NextYear, EditedNextYear }

/// <summary>A planned copy: the report copied from and the report that copied (unit and year each).</summary>
public sealed record PlannedCopy(CopyKind Kind, string FromUnit, int FromYear, string ToUnit, int ToYear);

/// <summary>
/// Several units over several years, each report with a template paragraph every report carries (boilerplate),
/// two paragraphs of its own, and in some a planned copy of another report's paragraph: verbatim with the
/// unit name swapped, lightly edited, from another unit, or from the same unit's previous year with the year
/// changed. Six units of each eight take part in one copy of each kind; the rest write only their own, and
/// write their name differently in their second and third years (a parent province and city in front, full
/// and short forms), as units do.
/// </summary>
public sealed class MultiYearSet
{
    public const string Template = "根据财政部门关于开展部门整体支出绩效自评工作的通知要求，本单位成立绩效自评工作小组，对照年初设定的绩效目标，逐项对预算执行、产出和效益情况进行了自评，现将自评中发现的问题及原因分析如下。";

    public List<GeneratedReport> Reports { get; } = [];
    public List<PlannedCopy> Copies { get; } = [];

    public MultiYearSet(int units, int years, int seed, int firstYear = 2021)
    {
        var gen = new ReportGenerator(seed);
        var text = new NarrativeText(seed);
        var names = Enumerable.Range(0, units).Select(UnitName).ToArray();
        var byKey = new Dictionary<(string, int), GeneratedReport>();
        for (var u = 0; u < units; u++)
            for (var y = firstYear; y < firstYear + years; y++)
            {
                var r = gen.Next();
                var report = new GeneratedReport { Unit = u % 8 >= 6 ? Written(names[u], y - firstYear) : names[u], Year = y };
                Copy(r, report);
                report.Analysis.AddRange([Template, text.Paragraph(names[u], y), text.Paragraph(names[u], y)]);
                Reports.Add(report);
                byKey[(names[u], y)] = report;
            }
        // Planned copies: the first six units of each eight (while years allow) give one copy of each kind; no
        // report is both copied and copying, so no pair is a copy by way of a third report.
        for (var g = 0; g + 5 < units && years >= 2; g += 8)
        {
            Plan(CopyKind.AcrossUnits, names[g], firstYear, names[g + 1], firstYear, edits: 0);
            Plan(CopyKind.EditedAcrossUnits, names[g + 2], firstYear, names[g + 3], firstYear + 1, edits: 3);
            Plan(CopyKind.NextYear, names[g + 4], firstYear, names[g + 4], firstYear + 1, edits: 0);
            Plan(CopyKind.EditedNextYear, names[g + 5], firstYear, names[g + 5], firstYear + 1, edits: 2);
        }

        void Plan(CopyKind kind, string fromUnit, int fromYear, string toUnit, int toYear, int edits)
        {
            var source = byKey[(fromUnit, fromYear)].Analysis[1].Replace(fromUnit, toUnit).Replace($"{fromYear}年", $"{toYear}年");
            var target = byKey[(toUnit, toYear)];
            target.Analysis[2] = edits == 0 ? source : text.Edit(source, edits);
            Copies.Add(new PlannedCopy(kind, fromUnit, fromYear, toUnit, toYear));
        }
    }

    private static readonly string[] Places = ["青山", "白河", "东湖", "南岗", "西林", "北塔", "长宁", "永安", "金川", "玉泉"];
    private static readonly string[] Offices = ["财政局", "民政局", "司法局", "林业和草原局", "统计局", "档案馆", "文化和旅游局", "水利局"];

    /// <summary>A unit's name as one year's report writes it: the same unit for <see cref="Storage.ReportIdentity.UnitKey"/>.</summary>
    public static string Written(string name, int yearIndex) => (yearIndex % 3) switch
    {
        1 => "江南省江州市" + name,
        2 => name.Replace("文化和旅游局", "文旅局").Replace("林业和草原局", "林业和草原局（本级）"),
        _ => name,
    };

    public static string UnitName(int n) => $"{Places[n % Places.Length]}县{Offices[n / Places.Length % Offices.Length]}" + (n >= Places.Length * Offices.Length ? $"第{n / (Places.Length * Offices.Length) + 1}分局" : "");

    private static void Copy(GeneratedReport from, GeneratedReport to)
    {
        to.Initial = from.Initial; to.InitialBasic = from.InitialBasic; to.InitialProject = from.InitialProject; to.Superior = from.Superior;
        to.Local = from.Local; to.Adjustment = from.Adjustment; to.Adjusted = from.Adjusted; to.AdjustmentRate = from.AdjustmentRate;
        to.Actual = from.Actual; to.ExecutionRate = from.ExecutionRate; to.BasicBudget = from.BasicBudget; to.Personnel = from.Personnel;
        to.Public = from.Public; to.BasicActual = from.BasicActual; to.BasicRate = from.BasicRate; to.ProjectBudget = from.ProjectBudget;
        to.ProjectActual = from.ProjectActual; to.ProjectRate = from.ProjectRate; to.ExecutionScore = from.ExecutionScore; to.Total = from.Total;
        to.Grade = from.Grade; to.Authorized = from.Authorized; to.Staff = from.Staff; to.Projects = from.Projects; to.Indicators = from.Indicators;
    }
}
