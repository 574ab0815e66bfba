using Extractor.Storage;
using Extractor.Validation;

namespace Extractor.Exports;

/// <summary>The 疑点清单 as a table: Chinese headers and values, numbers as numbers, the stable id in every export.</summary>
public static class FindingsSheet
{
    public static readonly string[] Columns =
        ["序号", "疑点编号", "单位名称", "年度", "疑点类型", "规则代码", "严重程度", "疑点描述", "填报值", "复算值", "差额", "页码", "原文", "文件", "核查状态", "核查意见", "核查人", "核查时间"];

    public static Tabular Of(IReadOnlyList<Finding> findings) => new(Columns, findings.Select((f, i) => new object?[]
    {
        (long)(i + 1), f.Id, f.UnitName, (long?)f.Year, RuleNames.Of(f.Rule), f.Rule, RuleNames.SeverityName(f.Severity), f.Message,
        (object?)f.StatedNumber ?? f.Stated, (object?)f.ExpectedNumber ?? f.Expected, f.Difference, (long?)f.Page, f.Source,
        string.Join("\n", f.Files.Select(x => x.Page is { } p ? $"{x.Path}#{p}" : x.Path)),
        RuleNames.StatusName(f.Status), f.Note, f.Reviewer, f.ReviewedAt,
    }).ToList())
    {
        Choices = new Dictionary<string, IReadOnlyList<string>> { ["核查状态"] = ["待核实", "已确认", "已排除"] },
    };
}

/// <summary>The audit workbook: 疑点清单, 总览, 汇总, 主要数据, 绩效指标, 项目, 历年对比, 文件状态.</summary>
public static class AuditWorkbook
{
    public static void Write(Store store, Stream output, FindingFilter? filter = null) =>
        Xlsx.Write(output,
        [
            new Xlsx.Sheet("疑点清单", FindingsSheet.Of(store.Findings(filter))),
            new Xlsx.Sheet("总览", Overview.Of(store).Sheet()),
            new Xlsx.Sheet("汇总", store.Summary()),
            new Xlsx.Sheet("主要数据", store.MainFigures()),
            new Xlsx.Sheet("绩效指标", store.IndicatorRows()),
            new Xlsx.Sheet("项目", store.ProjectRows()),
            new Xlsx.Sheet("历年对比", YearOverYear.Sheet(store)),
            new Xlsx.Sheet("文件状态", WithExplanations(store.FileStatuses())),
        ]);

    // Each error code explained in Chinese, beside the code.
    private static Tabular WithExplanations(Tabular files)
    {
        var code = files.Columns.ToList().IndexOf("错误代码");
        return files with
        {
            Columns = [.. files.Columns.Take(code + 1), "说明", .. files.Columns.Skip(code + 1)],
            Rows = files.Rows.Select(r => (object?[])[.. r.Take(code + 1), ErrorNames.Explain(r[code] as string), .. r.Skip(code + 1)]).ToList(),
        };
    }
}

/// <summary>What each error code means, for the person who must get the file fixed.</summary>
public static class ErrorNames
{
    public static string? Explain(string? code) => code switch
    {
        null or "" => null,
        "unreadable" => "文件已损坏或无法解析，请索取完好的文件",
        "encrypted" => "文件已加密，请索取未加密的版本",
        "no_text" => "扫描件或图片，没有可识别的文字",
        "not_a_report" => "不是部门整体支出绩效自评报告",
        "unsupported_format" => "不支持的格式，请提供PDF或Word（.docx）文件",
        "too_large" => "文件过大（超过处理上限）",
        "timeout" => "读取超时（文件过于复杂或异常）",
        "not_found" => "文件不存在或无法打开",
        "extraction_failed" => "文件已读取，但数据提取出错（程序缺陷，请报告）",
        _ => code,
    };
}
