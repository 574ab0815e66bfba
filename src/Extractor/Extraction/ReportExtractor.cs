using System.Text.RegularExpressions;
using Extractor.Reading;

namespace Extractor.Extraction;

/// <summary>Thrown when a readable document is not a report of this genre.</summary>
public sealed class NotAReportException(string message) : Exception(message);

/// <summary>
/// Document → Report. Specific rules run first and mark what they read (indicator blocks, project
/// lines), then tables, then the general prose figure rules over the rest.
/// </summary>
public static partial class ReportExtractor
{
    [GeneratedRegex(@"(?<!万|亿)元")] private static partial Regex YuanRx();

    public static Report Extract(Document doc)
    {
        var flow = FlowText.Build(doc);
        var report = new Report { Info = ReportHeader.Read(flow) };
        var consumed = new Spans();
        ProseIndicators.Extract(flow, consumed, report);
        ProseProjects.Extract(flow, consumed, report);
        TableFigures.Extract(flow, report, ProseMoneyUnit(flow.Text));
        ProseFigures.Extract(flow, consumed, report);
        CountsAndGrade.Extract(flow, consumed, report);
        // Document order for statements, so "the first statement" is the first in the report.
        var ordered = report.Statements.OrderBy(f => f.Offset).ToList();
        report.Statements.Clear();
        report.Statements.AddRange(ordered);

        var genre = flow.Text.Contains("绩效") && Regex.IsMatch(flow.Text, "自评|评价");
        var substance = report.Statements.Count(f => f.Key.StartsWith("budget.") || f.Key.StartsWith("score.")) + report.Indicators.Count;
        if (!genre || substance < 2)
            throw new NotAReportException(genre
                ? "the document speaks of performance evaluation but states no budget figures, scores or indicators"
                : "the document is not a performance self-evaluation report (no 绩效 自评/评价)");
        return report;
    }

    // The unit most of the prose's money is written in: what an unlabelled table means.
    private static string ProseMoneyUnit(string text)
    {
        var wan = Regex.Matches(text, "万元").Count;
        var yi = Regex.Matches(text, "亿元").Count;
        var yuan = YuanRx().Matches(text).Count - yi;
        return yuan > wan ? "元" : Money.Wan;
    }
}
