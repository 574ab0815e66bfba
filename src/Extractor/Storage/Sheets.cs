using Dapper;
using Extractor.Exports;

namespace Extractor.Storage;

/// <summary>
/// The store's queries behind the workbook's sheets, with the columns named as auditors read them. A
/// report is an identity and version: its figures are read from its first file, and all its files are listed.
/// </summary>
public sealed partial class Store
{
    private const string Reps = """
        WITH rep AS (SELECT identity, version, MIN(id) AS report_id FROM reports GROUP BY identity, version),
        files AS (SELECT r.identity, r.version, group_concat(d.path, char(10)) AS files
                  FROM reports r JOIN documents d ON d.id = r.document_id GROUP BY r.identity, r.version)
        """;

    private Tabular Table(string sql, object? args = null)
    {
        lock (_lock)
        {
            using var reader = _db.ExecuteReader(sql, args);
            return Tabular.From(reader);
        }
    }

    /// <summary>汇总: one row per report — its files, total score, grade, execution rate, findings by severity, checks skipped.</summary>
    public Tabular Summary() => Table(Reps + """
        , found AS (
            SELECT r.identity, r.version, x.severity, COUNT(DISTINCT x.finding_id) AS n
            FROM discrepancies x JOIN reports r ON r.id = x.report_id GROUP BY r.identity, r.version, x.severity
            UNION ALL
            SELECT c.identity, 1, c.severity, COUNT(*) FROM cross_findings c GROUP BY c.identity, c.severity)
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, files.files AS 文件,
               (SELECT value FROM figures WHERE report_id = r.id AND key = 'score.total' AND statement = 0) AS 综合得分,
               (SELECT word FROM figures WHERE report_id = r.id AND key = 'grade' AND statement = 0) AS 评价结果,
               (SELECT value FROM figures WHERE report_id = r.id AND key = 'budget.execution_rate' AND statement = 0) AS "预算执行率(%)",
               COALESCE((SELECT SUM(n) FROM found WHERE found.identity = rep.identity AND found.version = rep.version AND severity = 'error'), 0) AS "疑点(错误)",
               COALESCE((SELECT SUM(n) FROM found WHERE found.identity = rep.identity AND found.version = rep.version AND severity = 'warning'), 0) AS "疑点(提示)",
               (SELECT COUNT(*) FROM checks_skipped s WHERE s.report_id = r.id) AS 未执行的检查
        FROM rep JOIN reports r ON r.id = rep.report_id JOIN files ON files.identity = rep.identity AND files.version = rep.version
        ORDER BY r.unit_name, r.fiscal_year, rep.version
        """);

    /// <summary>主要数据: every figure of every report, with its Chinese label, in 万元 for money, with its page and passage.</summary>
    public Tabular MainFigures() => Table(Reps + """
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, COALESCE(k.label, f.key) AS 数据项, f.key AS 键,
               COALESCE(f.word, f.value) AS 数值,
               CASE k.kind WHEN 'money' THEN '万元' WHEN 'percent' THEN '%' WHEN 'score' THEN '分' WHEN 'count' THEN COALESCE(f.unit, '') ELSE '' END AS 单位,
               f.unit AS 原文单位, f.page AS 页码, f.source_text AS 原文, d.path AS 文件
        FROM rep JOIN reports r ON r.id = rep.report_id JOIN documents d ON d.id = r.document_id
        JOIN figures f ON f.report_id = r.id AND f.statement = 0
        LEFT JOIN figure_keys k ON k.key = f.key
        ORDER BY r.unit_name, r.fiscal_year, rep.version, COALESCE(k.ord, 999), f.key
        """);

    /// <summary>绩效指标: every indicator row of every report.</summary>
    public Tabular IndicatorRows() => Table(Reps + """
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, i.seq AS 序号, i.label AS 编号, i.group_path AS 指标分类,
               i.name AS 指标名称, i.target_op AS 指标性质, i.target_value AS 目标值, i.target_unit AS 目标单位, i.midyear_value AS 年中完成值,
               i.actual_value AS 实际完成值, i.actual_unit AS 实际单位, i.completion_rate AS "完成率(%)", i.weight AS 权重, i.score AS 得分,
               i.deviation_reason AS 偏差原因, i.page AS 页码, d.path AS 文件
        FROM rep JOIN reports r ON r.id = rep.report_id JOIN documents d ON d.id = r.document_id
        JOIN indicators i ON i.report_id = r.id
        ORDER BY r.unit_name, r.fiscal_year, rep.version, i.seq
        """);

    /// <summary>项目: every project of every report (万元).</summary>
    public Tabular ProjectRows() => Table(Reps + """
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, p.label AS 编号, p.name AS 项目名称,
               p.budget AS "预算(万元)", p.actual AS "实际支出(万元)",
               CASE WHEN p.budget > 0 AND p.actual IS NOT NULL THEN ROUND(p.actual * 100.0 / p.budget, 2) END AS "执行率(%)",
               p.page AS 页码, d.path AS 文件
        FROM rep JOIN reports r ON r.id = rep.report_id JOIN documents d ON d.id = r.document_id
        JOIN projects p ON p.report_id = r.id
        ORDER BY r.unit_name, r.fiscal_year, rep.version, p.id
        """);

    /// <summary>文件状态: every file ingested, read or not, with its status and error code.</summary>
    public Tabular FileStatuses() => Table("""
        SELECT d.path AS 文件, d.format AS 格式, d.pages AS 页数, CASE d.status WHEN 'ok' THEN '成功' ELSE '失败' END AS 状态,
               d.error_code AS 错误代码, d.error_message AS 错误信息, r.unit_name AS 单位名称, r.fiscal_year AS 年度, r.version AS 版本,
               d.ingested_at AS 导入时间
        FROM documents d LEFT JOIN reports r ON r.document_id = d.id
        ORDER BY d.status DESC, d.path
        """);

    /// <summary>One row per report with the chosen figure keys as columns (keys are parameters, never SQL text).</summary>
    public Tabular FigureColumns(IReadOnlyList<string> keys, int? year, string? unit)
    {
        var p = new DynamicParameters(new { year, unit });
        var columns = string.Join(", ", keys.Select((key, i) =>
        {
            p.Add($"k{i}", key);
            return $"(SELECT COALESCE(f.word, f.value) FROM figures f WHERE f.report_id = r.id AND f.key = @k{i} AND f.statement = 0) AS \"c{i}\"";
        }));
        var t = Table(Reps + $"""
            SELECT r.unit_name, r.fiscal_year, rep.version, files.files, {columns}
            FROM rep JOIN reports r ON r.id = rep.report_id JOIN files ON files.identity = rep.identity AND files.version = rep.version
            WHERE (@year IS NULL OR r.fiscal_year = @year) AND (@unit IS NULL OR r.unit_name LIKE '%' || @unit || '%')
            ORDER BY r.unit_name, r.fiscal_year, rep.version
            """, p);
        return t with { Columns = ["单位名称", "年度", "版本", "文件", .. keys.Select(k => $"{Extraction.Keys.Label(k)}{UnitOf(k)}")] };
    }

    private static string UnitOf(string key) => Extraction.Keys.KindOf(key) switch
    {
        Extraction.KeyKind.Money => "(万元)",
        Extraction.KeyKind.Percent => "(%)",
        Extraction.KeyKind.Score => "(分)",
        _ => "",
    };

    /// <summary>Page text containing a string: FTS5 trigram for three characters or more, a plain scan for fewer.</summary>
    public Tabular Search(string text)
    {
        const string select = "SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, d.path AS 文件, p.page AS 页码, ";
        if (text.Length >= 3)
            return Table(select + """
                snippet(page_text, 2, '[', ']', '…', 16) AS 摘要
                FROM page_text p JOIN documents d ON d.id = p.document_id LEFT JOIN reports r ON r.document_id = d.id
                WHERE page_text MATCH @q ORDER BY r.unit_name, d.path, p.page LIMIT 500
                """, new { q = "\"" + text.Replace("\"", "\"\"") + "\"" });
        // The trigram index needs three characters; shorter text is found by scanning.
        return Table(select + """
            substr(p.text, MAX(1, instr(p.text, @t) - 20), 40 + length(@t)) AS 摘要
            FROM page_text p JOIN documents d ON d.id = p.document_id LEFT JOIN reports r ON r.document_id = d.id
            WHERE instr(p.text, @t) > 0 ORDER BY r.unit_name, d.path, p.page LIMIT 500
            """, new { t = text });
    }
}
