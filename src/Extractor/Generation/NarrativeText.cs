using System.Text;

namespace Extractor.Generation;

/// <summary>
/// Distinct analysis prose for generated reports: sentences of two-character words of the audit domain joined at
/// random, so two paragraphs share a shingle only by chance (about 60^4 eight-character combinations); and the
/// edits a copier makes — a few words changed.
/// </summary>
public sealed class NarrativeText(int seed)
{
    private readonly Random _rng = new(seed);
    private static readonly string[] Words =
    [
        "预算", "资金", "项目", "绩效", "管理", "制度", "采购", "资产", "核算", "监控", "评价", "目标", "指标", "考核", "培训", "档案",
        "合同", "审批", "拨付", "进度", "执行", "编制", "调整", "结余", "结转", "收支", "票据", "会计", "内控", "风险", "信息", "公开",
        "数据", "质量", "标准", "流程", "岗位", "职责", "人员", "设备", "维护", "运行", "服务", "保障", "建设", "改造", "验收", "监督",
        "检查", "整改", "落实", "统筹", "协调", "沟通", "申报", "论证", "测算", "定额", "规范", "完善",
    ];
    private static readonly string[] Joins = ["的", "和", "不够", "存在", "方面", "有待", "进一步", "尚未", "仍需", "对", "在", "与"];

    /// <summary>A paragraph of a few sentences that names its unit and year, as real ones do.</summary>
    public string Paragraph(string unit, int year, int sentences = 6)
    {
        var sb = new StringBuilder($"{year}年，{unit}");
        for (var s = 0; s < sentences; s++)
        {
            var words = 6 + _rng.Next(4);
            for (var w = 0; w < words; w++)
            {
                sb.Append(Words[_rng.Next(Words.Length)]);
                if (_rng.Next(3) == 0) sb.Append(Joins[_rng.Next(Joins.Length)]);
            }
            sb.Append(s == sentences - 1 ? "。" : "，");
        }
        return sb.ToString();
    }

    /// <summary>The paragraph with <paramref name="edits"/> of its words replaced (a light edit).</summary>
    public string Edit(string text, int edits)
    {
        var chars = text.ToCharArray();
        for (var e = 0; e < edits; e++)
        {
            var at = _rng.Next(chars.Length - 1);
            while (!(IsHan(chars[at]) && IsHan(chars[at + 1]))) at = (at + 1) % (chars.Length - 1);
            var word = Words[_rng.Next(Words.Length)];
            chars[at] = word[0]; chars[at + 1] = word[1];
        }
        return new string(chars);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
