#!/usr/bin/env python3
"""Hand-transcribed gold for the corpus reports, written by reading each corpus/txt/NNN.txt.
Run once to (re)write corpus/gold/NNN.json; the JSON files are what the tests read."""
import json, os

def T(op, v, u=None): d = {"op": op, "value": v}; d.update({"unit": u} if u else {}); return d
def Q(v, u=None): d = {"value": v}; d.update({"unit": u} if u else {}); return d
def I(name, target=None, mid=None, actual=None, rate=None, weight=None, score=None):
    d = {"name": name}
    for k, v in (("target", target), ("midyear", mid), ("actual", actual), ("completion_rate", rate), ("weight", weight), ("score", score)):
        if v is not None: d[k] = v
    return d
def P(name, b, a): return {"name": name, "budget": b, "actual": a}

gold = {}
gold["000"] = dict(
    report={"unit_name": "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）工业园区管理办公室", "fiscal_year": 2023, "filled_date": "2024-04-15"},
    figures={"staff.authorized": 28, "staff.actual": 19, "budget.initial": 367.19, "budget.initial.basic": 337.19,
             "budget.initial.project": 30, "budget.adjustment": 189.64, "budget.adjusted": 556.83, "budget.adjustment_rate": 51.65,
             "budget.actual": 554.23, "budget.execution_rate": 99.53, "expenditure.basic": 350.93, "expenditure.project": 203.30,
             "basic.budget": 353.53, "basic.personnel": 318.61, "basic.public": 34.92, "basic.actual": 350.93,
             "basic.execution_rate": 99.26, "project.count": 1, "project.budget": 203.30, "project.actual": 203.30,
             "score.execution": 9.95, "score.total": 91.95, "grade": "优"},
    indicators=[I("培训费下降率", T(">=", 5, "%"), Q(0, "%"), Q(0, "%"), 0, 8, 0),
                I("预算经费", T("<=", 367.19, "万元"), Q(163.93, "万元"), Q(554.23, "万元"), 99.53, 12, 12),
                I("项目支出预算执行率", T("=", 100, "%"), Q(95.81, "%"), Q(100, "%"), 100, 10, 10),
                I("政府采购执行率", T("=", 100, "%"), Q(100, "%"), Q(100, "%"), 100, 10, 10),
                I("重点项目投产数", T(">=", 5, "项"), Q(2, "项"), Q(5, "项"), 100, 25, 25),
                I("固定资产投资增长", T(">=", 20000, "万元"), Q(18049.30, "万元"), Q(29043, "万元"), 100, 15, 15),
                I("受益人员满意度", T(">=", 95, "%"), Q(95, "%"), Q(98, "%"), 100, 10, 10)],
    projects=[P("高新人才大厦及北区人才公寓项目", 203.30, 203.30)],
    discrepancies=[{"rule": "INDICATOR_TARGET_MISSED", "indicator": 2, "why": "预算经费 target ≤367.19万元, actual 554.23万元 exceeds it, yet full score 12/12"}])

gold["001"] = dict(
    report={"unit_name": "克拉玛依区委员会办公室", "fiscal_year": 2023, "filled_date": "2024-03-25"},
    figures={"budget.initial": 775.45, "budget.initial.superior": 0, "budget.initial.local": 775.45, "budget.initial.other": 0,
             "budget.adjustment": 176.31, "budget.adjusted": 951.76, "budget.adjustment_rate": 22.74, "budget.actual": 919.76,
             "budget.execution_rate": 96.64, "budget.initial.basic": 747.25, "basic.budget": 738.58, "basic.actual": 738.58,
             "basic.execution_rate": 100, "basic.share": 80.30, "three_public.budget": 0, "three_public.actual": 0,
             "budget.initial.project": 28.2, "project.budget": 213.18, "project.actual": 181.18, "project.execution_rate": 100,
             "project.share": 84.99, "project.count": 2, "procurement.budget": 1.79, "procurement.actual": 1.79,
             "procurement.execution_rate": 100, "assets.original": 777.26, "assets.depreciation": 572.43, "assets.net": 204.83,
             "score.total": 100, "grade": "优"},
    indicators=[I("保障会议数量", T(">=", 130, "场"), Q(68, "场"), Q(130, "场"), 100),
                I("印制发文数量", T(">=", 30, "份"), Q(16, "份"), Q(30, "份"), 100),
                I("督办全区重大事项", T(">=", 30, "件"), Q(17, "件"), Q(30, "件"), 100),
                I("完成调研报告篇数", T("=", 4, "篇"), Q(2, "篇"), Q(4, "篇"), 100),
                I("召开区委全会", T(">=", 2, "次"), Q(1, "次"), Q(2, "次"), 100),
                I("召开区委常委会会议", T(">=", 20, "次"), Q(14, "次"), Q(34, "次"), 100)],
    projects=[],
    discrepancies=[{"rule": "PROJECT_EXECUTION_RATE", "why": "项目资金执行率 stated 100%, but 181.18 / 213.18 = 84.99%"},
                   {"rule": "SHARE_OF_TOTAL", "why": "项目 占总支出 stated 84.99%, but 181.18 / 919.76 = 19.70% (84.99% is the project execution rate)"}])

gold["002"] = dict(
    report={"unit_name": "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）长春中路区管理委员会", "fiscal_year": 2023, "filled_date": "2024-04-15"},
    figures={"staff.authorized": 105, "staff.actual": 145, "project.count": 4, "budget.initial": 3081.24,
             "budget.initial.basic": 2115.75, "budget.initial.project": 965.49, "budget.adjustment": -149.15,
             "budget.adjusted": 2932.09, "budget.adjustment_rate": 4.84, "budget.actual": 2657.91, "budget.execution_rate": 90.65,
             "expenditure.basic": 2244.86, "expenditure.project": 413.05, "basic.budget": 2286.83, "basic.personnel": 2171.73,
             "basic.public": 115.10, "basic.actual": 2244.86, "basic.execution_rate": 98.16, "project.budget": 645.26,
             "project.actual": 413.05, "score.execution": 9.07, "score.total": 86.75, "grade": "良"},
    indicators=[I("公务用车经费下降率", T(">=", 5, "%"), Q(100, "%"), Q(0, "%"), 0, 8, 0),
                I("预算经费", T("<=", 3081.24, "万元"), Q(1883.32, "万元"), Q(2657.91, "万元"), 90.65, 12, 12),
                I("项目支出预算执行率", T("=", 100, "%"), Q(42.95, "%"), Q(64.01, "%"), 64.01, 12, 7.68),
                I("政府采购执行率", T("=", 100, "%"), Q(39.54, "%"), Q(100, "%"), 100, 8, 8),
                I("12345 热线事件办结率", T("=", 100, "%"), Q(100, "%"), Q(99.73, "%"), 99.73, 15, 15),
                I("受理信访案件", T(">=", 10, "件"), Q(5, "件"), Q(21, "件"), 210, 10, 10),
                # the mid-year value is garbled in the report ("年中监控实际完。该指成值为5人"): not stated
                I("解决就业人数", T("=", 10, "人"), None, Q(13, "人"), 130, 15, 15),
                I("受益人员满意度", T(">=", 95, "%"), Q(95, "%"), Q(95.5, "%"), 100.53, 10, 10)],
    projects=[P("文化馆(站)免费开放补助支出项目", 25.86, 13.38), P("社区工作经费项目", 518.29, 301.46),
              P("基层监督建设补助经费项目", 14.50, 11.60), P("疫情防控补助项目", 86.61, 86.61)],
    discrepancies=[{"rule": "STAFF_OVER_QUOTA", "why": "实有人数 145 > 编制数 105"},
                   {"rule": "INDICATOR_TARGET_MISSED", "indicator": 5, "why": "12345 热线事件办结率 target 100%, actual 99.73%, yet full score 15/15"}])

gold["003"] = dict(
    report={"unit_name": "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局", "fiscal_year": 2024, "filled_date": "2025-02-19"},
    figures={"staff.authorized": 26, "staff.actual": 20, "budget.initial": 3142.55, "budget.adjusted": 3142.55,
             "budget.actual": 3142.55, "budget.execution_rate": 100, "budget.initial.superior": 158.91,
             "budget.initial.local": 2983.64, "budget.initial.other": 0, "budget.adjustment": 0, "budget.adjustment_rate": 100,
             "expenditure.basic": 454.39, "expenditure.project": 2688.16, "basic.budget": 454.39, "basic.personnel": 437.92,
             "basic.public": 16.47, "basic.actual": 454.39, "basic.execution_rate": 100, "project.count": 4,
             "project.budget": 2688.16, "project.actual": 2688.16, "score.execution": 10, "score.total": 85, "grade": "良"},
    indicators=[I("开办夜市数量", T("=", 4, "家"), Q(4, "家"), Q(4, "家"), 100, 10, 10),
                I("营商环境评价指标良好率", T(">=", 80, "%"), Q(95, "%"), Q(80, "%"), 100, 20, 20),
                I("社会消费品零售总额增长率", T(">=", 7, "%"), Q(1.5, "%"), Q(0, "%"), 0, 15, 0),
                I("引进企业数量", T(">=", 70, "家"), Q(20, "家"), Q(72, "家"), 102.86, 30, 30),
                I("完成区外到位资金", T(">=", 241, "亿"), Q(0, "亿"), Q(244.62, "亿"), 101.5, 15, 15)],
    projects=[],
    discrepancies=[{"rule": "BUDGET_ADJUSTMENT_RATE", "why": "预算调整率 stated 100% on a 年中调增数 of 0"}])

gold["004"] = dict(
    report={"unit_name": "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）安宁渠镇人民政府", "fiscal_year": 2023, "filled_date": "2024-04-15"},
    figures={"staff.authorized": 102, "staff.actual": 140, "budget.initial": 2703.72, "budget.initial.basic": 2002.65,
             "budget.initial.project": 701.07, "budget.adjustment": 1781.79, "budget.adjusted": 4485.51,
             "budget.adjustment_rate": 65.90, "budget.actual": 4201.04, "budget.execution_rate": 93.66,
             "expenditure.basic": 2414.47, "expenditure.project": 1786.57, "basic.budget": 2429.63, "basic.personnel": 2359.60,
             "basic.public": 70.03, "basic.actual": 2414.47, "basic.execution_rate": 99.38, "project.count": 7,
             "project.budget": 2055.88, "project.actual": 1786.57, "score.execution": 9.37, "score.total": 90.38, "grade": "优"},
    indicators=[I("农作物播种面积", T(">=", 14000, "亩"), Q(15552.6, "亩"), Q(17924, "亩"), 128.03, 12, 12),
                I("预算经费", T("<=", 2703.72, "万元"), Q(1488.64, "万元"), Q(4201.04, "万元"), 93.66, 8, 8),
                I("项目支出预算执行率", T("=", 100, "%"), Q(58.98, "%"), Q(86.90, "%"), 86.90, 12, 10.43),
                I("政府采购执行率", T("=", 100, "%"), Q(21.05, "%"), Q(100, "%"), 100, 8, 8),
                I("农村经济总收入增长率", T(">=", 3.84, "%"), Q(0.18, "%"), Q(0.99, "%"), 25.78, 10, 2.58),
                I("开展督查检查工作", T("=", 96, "次"), Q(55, "次"), Q(98, "次"), 102.08, 15, 15),
                I("解决就业人数", T("=", 235, "人"), Q(216, "人"), Q(240, "人"), 102.13, 15, 15),
                I("受益人员满意度", T(">=", 95, "%"), Q(0, "%"), Q(99, "%"), 104.21, 10, 10)],
    projects=[P("聘用人员工资绩效社保及管理费项目", 42.78, 42.78), P("村级组织运转经费及补助经费项目", 904.23, 717.30),
              P("社区工资社保及工作经费项目", 150.03, 87.51), P("被征地农民失地养老保险项目", 864.27, 864.27),
              P("文化馆(站)免费开放补助项目", 29.27, 16.52), P("基层监督建设补助经费项目", 15.50, 8.39),
              P("疫情防控补助经费项目", 49.80, 49.80)],
    discrepancies=[{"rule": "STAFF_OVER_QUOTA", "why": "实有人数 140 > 机关行政编制 102"},
                   {"rule": "INDICATOR_TARGET_MISSED", "indicator": 2, "why": "预算经费 target ≤2703.72万元, actual 4201.04万元, yet full score 8/8"}])

gold["101"] = dict(
    report={"unit_name": "河西县教育局", "fiscal_year": 2022, "filled_date": "2023-03-28"},
    figures={"staff.authorized": 45, "staff.actual": 42, "budget.initial": 1235.68, "budget.initial.basic": 824.56,
             "budget.initial.project": 411.12, "budget.adjustment": -123.568, "budget.adjusted": 1112.112,
             "budget.adjustment_rate": 10.00, "budget.actual": 1068.739632, "budget.execution_rate": 96.10,
             "expenditure.basic": 801.234567, "expenditure.project": 267.505065, "basic.budget": 824.56,
             "basic.execution_rate": 97.17, "project.budget": 287.552, "project.execution_rate": 93.03, "project.count": 3,
             "score.execution_weight": 10, "score.execution": 9.61, "score.total": 97.61, "weight.total": 100, "grade": "优"},
    indicators=[I("校舍维修面积", T(">=", 3000, "平方米"), None, Q(2650, "平方米"), None, 15, 13),
                I("资助幼儿人数", T(">=", 1200, "人"), None, Q(1256, "人"), None, 10, 10),
                I("教师培训合格率", T(">=", 95, "%"), None, Q(98, "%"), None, 15, 15),
                I("资助资金按时发放率", T("=", 100, "%"), None, Q(100, "%"), None, 10, 10),
                I("义务教育巩固率", T(">=", 98, "%"), None, Q(99.2, "%"), None, 20, 20),
                I("学生家长满意度", T(">=", 90, "%"), None, Q(93, "%"), None, 20, 20)],
    projects=[P("农村义务教育学校校舍维修项目", 150.00, 135.218), P("学前教育幼儿资助项目", 87.552, 87.552),
              P("教师培训专项经费", 50.00, 44.735065)],
    discrepancies=[])

gold["102"] = dict(
    report={"unit_name": "东川市市场监督管理局", "fiscal_year": 2023, "filled_date": "2024-04-08"},
    figures={"staff.authorized": 68, "staff.actual": 65, "budget.initial": 1856.40, "budget.initial.superior": 120.00,
             "budget.initial.local": 1736.40, "budget.initial.other": 0, "budget.initial.basic": 1402.18,
             "budget.initial.project": 454.22, "budget.adjustment": 213.60, "budget.adjusted": 2070.00,
             "budget.adjustment_rate": 11.51, "budget.actual": 2012.35, "budget.execution_rate": 97.21,
             "expenditure.basic": 1455.27, "expenditure.project": 557.08, "score.execution_weight": 10,
             "score.execution": 9.72, "score.total": 98.72, "grade": "优"},
    indicators=[I("食品安全抽检批次", T(">=", 1500, "批次"), Q(820, "批次"), Q(1623, "批次"), 100, 20, 20),
                I("抽检不合格产品核查处置率", T("=", 100, "%"), Q(100, "%"), Q(100, "%"), 100, 15, 15),
                I("投诉举报按时办结率", T(">=", 95, "%"), Q(91, "%"), Q(92.5, "%"), 97.37, 15, 14),
                I("市场主体满意度", T(">=", 90, "%"), None, Q(94, "%"), 100, 20, 20),
                I("公用经费控制率", T("<=", 100, "%"), None, Q(98.6, "%"), 100, 20, 20)],
    projects=[], discrepancies=[])

gold["103"] = dict(
    report={"unit_name": "南岭县卫生健康委员会", "fiscal_year": 2021, "filled_date": "2022-02-28"},
    figures={"staff.authorized": 32, "staff.actual": 30, "budget.initial": 5210.66, "budget.initial.basic": 3870.12,
             "budget.initial.project": 1340.54, "budget.adjustment": -425.30, "budget.adjusted": 4785.36,
             "budget.adjustment_rate": 8.16, "budget.actual": 4702.91, "budget.execution_rate": 98.28,
             "expenditure.basic": 3801.44, "expenditure.project": 901.47, "basic.budget": 3870.12, "basic.personnel": 3312.40,
             "basic.public": 557.72, "basic.actual": 3801.44, "basic.execution_rate": 98.23, "project.count": 3,
             "project.budget": 915.24, "project.actual": 901.47, "project.execution_rate": 98.50,
             "score.execution_weight": 10, "score.execution": 9.83, "score.total": 98.83, "weight.total": 100, "grade": "优"},
    indicators=[I("家庭医生签约服务人数", T(">=", 12000, "人"), None, Q(12650, "人"), None, 15, 15),
                I("适龄儿童免疫规划疫苗接种率", T(">=", 90, "%"), None, Q(96.3, "%"), None, 15, 15),
                I("传染病报告及时率", T("=", 100, "%"), None, Q(99.6, "%"), None, 10, 9),
                I("项目资金拨付及时率", T("=", 100, "%"), None, Q(100, "%"), None, 10, 10),
                I("居民健康素养水平", T(">=", 25, "%"), None, Q(27.1, "%"), None, 20, 20),
                I("群众满意度", T(">=", 90, "%"), None, Q(91.5, "%"), None, 20, 20)],
    projects=[P("基层医疗卫生机构能力建设项目", 520.00, 506.36), P("疫情防控专项经费", 310.24, 310.11),
              P("基本公共卫生服务补助", 85.00, 85.00)],
    discrepancies=[])

gold["104"] = dict(
    report={"unit_name": "青原区农业农村局", "fiscal_year": 2024, "filled_date": "2025-03-10"},
    figures={"staff.authorized": 35, "staff.actual": 33, "budget.initial": 986.30, "budget.initial.basic": 612.30,
             "budget.initial.project": 374.00, "budget.adjustment": 0, "budget.adjusted": 986.30, "budget.adjustment_rate": 0,
             "budget.actual": 951.42, "budget.execution_rate": 96.46, "expenditure.basic": 598.11,
             "expenditure.project": 353.31, "project.count": 3, "score.execution_weight": 10, "score.execution": 9.65,
             "score.total": 97.65, "grade": "优"},
    indicators=[I("高标准农田建设面积", T(">=", 5000, "亩"), None, Q(5200, "亩"), None, 25, 25),
                I("农业技术培训人次", T(">=", 800, "人次"), None, Q(760, "人次"), None, 15, 13),
                I("重大动物疫病免疫密度", T(">=", 90, "%"), None, Q(95, "%"), None, 20, 20),
                I("农民满意度", T(">=", 85, "%"), None, Q(92, "%"), None, 20, 20),
                I("粮食总产量", T(">=", 3.5, "万吨"), None, Q(3.62, "万吨"), None, 10, 10)],
    projects=[P("高标准农田建设项目", 200.00, 190.50), P("农业技术推广补助项目", 124.00, 118.81),
              P("动物防疫专项项目", 50.00, 44.00)],
    discrepancies=[])

gold["105"] = dict(
    report={"unit_name": "西城县文化和旅游局", "fiscal_year": 2023, "filled_date": "2024-03-15"},
    figures={"staff.authorized": 24, "staff.actual": 22, "budget.initial": 345.00, "budget.initial.basic": 215.00,
             "budget.initial.project": 130.00, "budget.adjustment": 0, "budget.adjusted": 345.00, "budget.adjustment_rate": 100,
             "budget.actual": 331.258, "budget.execution_rate": 96.02, "expenditure.basic": 210.133,
             "expenditure.project": 121.125, "score.execution_weight": 10, "score.execution": 9.60, "score.total": 97.60,
             "grade": "优"},
    indicators=[I("文化惠民演出场次", T(">=", 60, "场"), Q(21, "场"), Q(48, "场"), 80, 20, 20),
                I("图书馆接待读者人次", T(">=", 10, "万人次"), Q(5.3, "万人次"), Q(11.2, "万人次"), 100, 20, 20),
                I("文物安全事故发生数", T("=", 0, "起"), None, Q(0, "起"), 100, 20, 20),
                I("群众满意度", T(">=", 90, "%"), None, Q(93, "%"), 100, 30, 30)],
    projects=[],
    discrepancies=[{"rule": "BUDGET_ADJUSTMENT_RATE", "why": "预算调整率 stated 100% on a 年中调整数 of 0"},
                   {"rule": "INDICATOR_TARGET_MISSED", "indicator": 1, "why": "文化惠民演出场次 target ≥60场, actual 48场, yet full score 20/20"},
                   {"rule": "SCORE_TOTAL", "why": "indicator scores 90 + execution score 9.60 = 99.60, but 综合得分 stated 97.60"}])

gold["106"] = dict(status="failed", error_code="not_a_report")

# Written before the extractor ever saw these three (held-out phrasings); see README.
gold["107"] = dict(
    report={"unit_name": "云岭市生态环境局", "fiscal_year": 2023, "filled_date": "2024-04-02"},
    figures={"staff.authorized": 68, "staff.actual": 64, "budget.initial": 2468.90, "budget.adjustment": 218.40,
             "budget.adjusted": 2687.30, "budget.adjustment_rate": 8.85, "budget.actual": 2601.77,
             "budget.execution_rate": 96.82, "expenditure.basic": 1832.41, "basic.share": 70.43,
             "expenditure.project": 769.36, "project.share": 29.57, "score.execution": 9.68,
             "score.execution_weight": 10, "score.total": 96.68, "grade": "优"},
    indicators=[I("环境执法检查次数", T(">=", 600, "次"), None, Q(652, "次"), None, 15, 15),
                I("空气质量优良天数比例", T(">=", 85, "%"), None, Q(83.6, "%"), None, 15, 12),
                I("地表水国考断面达标率", T("=", 100, "%"), None, Q(100, "%"), None, 15, 15),
                I("信访件按期办结率", T(">=", 98, "%"), None, Q(99.1, "%"), None, 10, 10),
                I("主要污染物减排任务完成率", T("=", 100, "%"), None, Q(100, "%"), None, 15, 15),
                I("公众对生态环境满意度", T(">=", 85, "%"), None, Q(88.4, "%"), None, 20, 20)],
    projects=[], discrepancies=[])

gold["108"] = dict(
    report={"unit_name": "梅溪县水利局", "fiscal_year": 2022, "filled_date": "2023-03-06"},
    figures={"budget.initial": 1640.00, "budget.initial.basic": 980.50, "budget.initial.project": 659.50,
             "budget.adjustment": -56.20, "budget.adjusted": 1583.80, "budget.adjustment_rate": 3.43,
             "budget.actual": 1529.45, "budget.execution_rate": 96.57, "basic.budget": 980.50,
             "expenditure.basic": 962.18, "basic.execution_rate": 98.13, "project.budget": 603.30,
             "expenditure.project": 567.27, "project.execution_rate": 94.03, "project.count": 2,
             "score.execution_weight": 10, "score.execution": 9.66, "score.total": 98.66, "grade": "优"},
    indicators=[I("水利工程维修养护里程", T(">=", 120, "公里"), None, Q(126, "公里"), 100, 20, 20),
                I("农村饮水安全巩固提升受益人口", T(">=", 8000, "人"), None, Q(7650, "人"), 95.63, 20, 19),
                I("防汛物资储备到位率", T("=", 100, "%"), None, Q(100, "%"), 100, 15, 15),
                I("水土流失治理面积", T(">=", 15, "平方公里"), None, Q(15.6, "平方公里"), 100, 15, 15),
                I("受益群众满意度", T(">=", 90, "%"), None, Q(95, "%"), 100, 20, 20)],
    projects=[P("小型水库除险加固项目", 420.00, 398.12), P("农村饮水工程维修养护项目", 183.30, 169.15)],
    discrepancies=[])

gold["109"] = dict(
    report={"unit_name": "金沙街道办事处", "fiscal_year": 2022, "filled_date": "2023-02"},
    figures={"staff.authorized": 15, "staff.actual": 17, "budget.initial": 485.63, "budget.adjustment": 51.20,
             "budget.adjusted": 536.83, "budget.adjustment_rate": 10.54, "budget.actual": 510.28846,
             "budget.execution_rate": 95.06, "score.execution_weight": 10, "score.execution": 9.51,
             "score.total": 96.51, "grade": "良"},
    indicators=[I("辖区环境卫生保洁覆盖率", T("=", 100, "%"), None, Q(100, "%"), 100, 20, 20),
                I("社区居家养老服务人次", T(">=", 3000, "人次"), None, Q(3260, "人次"), 100, 20, 20),
                I("就业困难人员帮扶人数", T(">=", 60, "人"), None, Q(52, "人"), 86.67, 20, 17),
                I("安全生产事故发生起数", T("=", 0, "起"), None, Q(0, "起"), 100, 15, 15),
                I("居民满意度", T(">=", 90, "%"), None, Q(92, "%"), 100, 15, 15)],
    projects=[],
    discrepancies=[{"rule": "STAFF_OVER_QUOTA", "why": "实有人数 17 > 编制人数 15"},
                   {"rule": "GRADE_BAND", "why": "自评总分 96.51 is in the 优 band (≥90), but 自评等级 stated 良"}])


os.makedirs("gold", exist_ok=True)
for k, v in gold.items():
    v = {"status": "ok", **v} if "status" not in v else v
    with open(f"gold/{k}.json", "w", encoding="utf-8") as f:
        json.dump(v, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(gold), "gold files")
