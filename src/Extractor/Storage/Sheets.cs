using Dapper;
using Extractor.Exports;

namespace Extractor.Storage;

/// <summary>
/// The store's queries behind the workbook's sheets, with the columns named as auditors read them. A
/// report is an identity and version: its figures are read from its first file, and all its files are listed.
/// </summary>
public sealed partial class Store
{
    // A report (identity and version) is its first file's row: report_summary holds one per report (Listings.cs).
    private Tabular Table(string sql, object? args = null)
    {
        lock (_lock)
        {
            using var reader = _db.ExecuteReader(sql, args);
            return Tabular.From(reader);
        }
    }

    /// <summary>汇总: one row per report — its files, total score, grade, execution rate, findings by severity, checks skipped.</summary>
    public Tabular Summary() => Table(SummarySql);

    private const string SummarySql = """
        SELECT s.unit_name AS 单位名称, s.fiscal_year AS 年度, s.version AS 版本, s.files AS 文件, s.total_score AS 综合得分, s.grade AS 评价结果,
               s.execution_rate AS "预算执行率(%)", s.errors AS "疑点(错误)", s.warnings AS "疑点(提示)", s.skipped AS 未执行的检查
        FROM report_summary s
        ORDER BY s.unit_name NULLS FIRST, s.fiscal_year NULLS FIRST, s.version
        """;

    /// <summary>主要数据: every figure of every report, with its Chinese label, in 万元 for money, with its page and passage.</summary>
    public Tabular MainFigures() => WordsAsValues(Table("""
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, COALESCE(k.label, f.key) AS 数据项, f.key AS 键,
               f.value AS 数值, f.word AS 文字,
               CASE k.kind WHEN 'money' THEN '万元' WHEN 'percent' THEN '%' WHEN 'score' THEN '分' WHEN 'count' THEN COALESCE(f.unit, '') ELSE '' END AS 单位,
               f.unit AS 原文单位, f.page AS 页码, f.source_text AS 原文, d.path AS 文件
        FROM report_summary rep JOIN reports r ON r.id = rep.report_id JOIN documents d ON d.id = r.document_id
        JOIN figures f ON f.report_id = r.id AND f.statement = 0
        LEFT JOIN figure_keys k ON k.key = f.key
        ORDER BY r.unit_name NULLS FIRST, r.fiscal_year NULLS FIRST, rep.version, COALESCE(k.ord, 999), f.key
        """));

    // A figure is a number or a word (评价结果). SQL cannot put both in one column on every database (PostgreSQL
    // types a column once), so the word comes as its own column and takes the number's place here.
    private static Tabular WordsAsValues(Tabular t)
    {
        int value = IndexOf(t, "数值"), word = IndexOf(t, "文字");
        var rows = t.Rows.Select(r => r.Where((_, i) => i != word).Select((v, i) => i == value && r[word] is { } w ? w : v).ToArray()).ToList();
        return t with { Columns = t.Columns.Where((_, i) => i != word).ToList(), Rows = rows };
    }

    private static int IndexOf(Tabular t, string column) => t.Columns.ToList().IndexOf(column);

    /// <summary>绩效指标: every indicator row of every report.</summary>
    public Tabular IndicatorRows() => Table("""
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, i.seq AS 序号, i.label AS 编号, i.group_path AS 指标分类,
               i.name AS 指标名称, i.target_op AS 指标性质, i.target_value AS 目标值, i.target_unit AS 目标单位, i.midyear_value AS 年中完成值,
               i.actual_value AS 实际完成值, i.actual_unit AS 实际单位, i.completion_rate AS "完成率(%)", i.weight AS 权重, i.score AS 得分,
               i.deviation_reason AS 偏差原因, i.page AS 页码, d.path AS 文件
        FROM report_summary rep JOIN reports r ON r.id = rep.report_id JOIN documents d ON d.id = r.document_id
        JOIN indicators i ON i.report_id = r.id
        ORDER BY r.unit_name NULLS FIRST, r.fiscal_year NULLS FIRST, rep.version, i.seq
        """);

    /// <summary>项目: every project of every report (万元).</summary>
    public Tabular ProjectRows() => Table("""
        SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, rep.version AS 版本, p.label AS 编号, p.name AS 项目名称,
               p.budget AS "预算(万元)", p.actual AS "实际支出(万元)",
               CASE WHEN p.budget > 0 AND p.actual IS NOT NULL THEN ROUND(p.actual * 100.0 / p.budget, 2) END AS "执行率(%)",
               p.page AS 页码, d.path AS 文件
        FROM report_summary rep JOIN reports r ON r.id = rep.report_id JOIN documents d ON d.id = r.document_id
        JOIN projects p ON p.report_id = r.id
        ORDER BY r.unit_name NULLS FIRST, r.fiscal_year NULLS FIRST, rep.version, p.id
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
        var (sql, p) = FigureColumnsQuery(keys, year, unit);
        var t = Table(sql, p);
        return t with { Columns = ["单位名称", "年度", "版本", "文件", .. keys.Select(k => $"{Extraction.Keys.Label(k)}{UnitOf(k)}")] };
    }

    private (string Sql, DynamicParameters Args) FigureColumnsQuery(IReadOnlyList<string> keys, int? year, string? unit)
    {
        var p = new DynamicParameters(new { year, unit });
        var columns = string.Join(", ", keys.Select((key, i) =>
        {
            // A headline figure is read from the summary row itself, any other by the figure index.
            if (Headline.TryGetValue(key, out var kept)) return $"s.{kept} AS \"c{i}\"";
            p.Add($"k{i}", key);
            return $"(SELECT f.{FigureColumn(key)} FROM figures f WHERE f.report_id = s.report_id AND f.key = @k{i} AND f.statement = 0) AS \"c{i}\"";
        }));
        return ($"""
            SELECT s.unit_name, s.fiscal_year, s.version, s.files, {columns}
            FROM report_summary s
            WHERE (@year IS NULL OR s.fiscal_year = @year) AND (@unit IS NULL OR s.unit_name LIKE '%' || @unit || '%')
            ORDER BY s.unit_name NULLS FIRST, s.fiscal_year NULLS FIRST, s.version
            """, p);
    }

    private static string UnitOf(string key) => Extraction.Keys.KindOf(key) switch
    {
        Extraction.KeyKind.Money => "(万元)",
        Extraction.KeyKind.Percent => "(%)",
        Extraction.KeyKind.Score => "(分)",
        _ => "",
    };

    /// <summary>Page text containing a string: a trigram index for three characters or more, a plain scan for fewer.</summary>
    public Tabular Search(string text)
    {
        var (sql, args) = _dialect.Search("SELECT r.unit_name AS 单位名称, r.fiscal_year AS 年度, d.path AS 文件, p.page AS 页码, ", text);
        return Table(sql + " ORDER BY r.unit_name NULLS FIRST, d.path, p.page LIMIT 500", args);
    }
}
