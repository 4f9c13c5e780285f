"""Synthetic project tables in the layouts the parsers meet (written for the tests, not cut from the seeds)."""

from __future__ import annotations

T = "\t"


def tab_table(name: str, *, title: str = "某某市市级预算部门（单位）项目支出绩效目标表", year: str = "（2024年度）",
              footer: bool = True, title_row_tabs: bool = False) -> list[str]:
    """A DOCX-export table: one line per row, cells joined by TABs, merged cells as empty cells."""
    head = [title + (T * 7 if title_row_tabs else ""), year + (T * 7 if title_row_tabs else "")]
    if not title_row_tabs:
        head = [title, "", year, ""]
    rows = [
        f"项目名称{T}{T}{name}{T}{T}{T}{T}",
        f"主管部门及代码{T}{T}027-某某市市场监督管理局{T}{T}实施单位{T}{T}某某市市场监督管理局",
        f"项目属性{T}{T}一次性项目（1年结束）{T}{T}{T}项目期{T}{T}1年{T}",
        f"项目资金 （元）{T}{T}{T}实施期资金总额：{T}5,072,219{T}年度资金总额：{T}5,072,219",
        f"绩效指标{T}一级指标{T}二级指标{T}三级指标{T}指标值{T}二级指标{T}三级指标{T}指标值",
        f"{T}产出指标{T}数量指标{T}补助户数{T}≥100户{T}数量指标{T}补助户数{T}≥100户",
        f"{T}满意度指标{T}服务对象满意度指标{T}群众满意度{T}≥95%{T}服务对象满意度指标{T}群众满意度{T}≥95%",
    ]
    if footer:
        rows.append(f"负责人：{T}{T}经办人：{T}{T}联系电话：{T}{T}填报日期：{T}20250103161515")
    return head + rows


def pdftotext_table(name: str, *, title: str = " 某某县部门（单位）项目支出绩效目标表") -> list[str]:
    """A PDF -> pdftotext table: labels split vertically, cells separated by single spaces, no footer."""
    return [
        title,
        "（2024年度）",
        "",
        f"项目名称 {name}",
        "",
        "主管部门及代码 001-某某县人民代表大会常务委员会办公室 实施单位 某某县人大办",
        "",
        "项目属性 一次性项目（ 1年结束） 项目期 1年",
        "",
        "项目资金",
        "（元）",
        "",
        "实施期资金总额： 2,131, 157 年度资金总额： 2,131, 157",
        "",
        "项目",
        "概况",
        "",
        "项目名称：某某水库建设，建设内容：负责人制度落实。",
        "绩",
        "",
        "效",
        "",
        "指",
        "",
        "标",
        "一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值",
        "满意度",
        "指标",
        "",
        "服务对象",
        "满意度指标",
        "群众满意度 95%",
    ]


def pdf_report_table(name: str = "平台信息服务费") -> list[str]:
    """pdftotext of a report whose extractor puts a blank line after almost every line (吕梁 report style)."""
    rows = [
        " 某某市市级预算部门（单位）项目支出绩效目标表", "（2024年度）",
        f"项目名称 {name}", "主管部门及代码 015-某某市财政局 实施单位 某某市财政局",
        "项目属性 经常性项目（长期开展） 项目期 99年", "项目资金", "（元）",
        "实施期资金总额： 93,500 年度资金总额： 93,500", "其中：中央财政资金 0 其中：中央财政资金 0",
        "省级财政资金 0 省级财政资金 0", "市县（区）财政资", "金", "93,500 市县（区）财政资金 93,500",
        "单位自筹 0 单位自筹 0", "其他资金 其他资金", "项目概况", "依据省财政厅的实施意见，进一",
        "步加强补贴资金管理。", "立项依据 财办〔2020〕37号", "项目设立必要性", "搭建统一发放平台。",
        "保证项目实施的制度、措施", "全流程有效监督。", "项目实施计划 按政策要求和服务合同进行",
        "实施期目标 年度目标", "总体目标 实现一张清单管制度的目标 实现清单管理", "绩", "效", "指", "标",
        "一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值",
        "产出指标", "数量指标 服务部门数量 ≥12个 数量指标 服务部门数量 ≥12个",
        "负责人： 经办人： 联系电话： 填报日期： 20231222153002",
    ]
    out: list[str] = []
    for row in rows:
        out += [row, ""]
    return out


def wan_yuan_application(name: str = "奖励金发放", annual: str = "1950000") -> list[str]:
    """The 孝义-style 申报表: 万元, 项目分类 checkboxes, a blank 中期 total, goal placeholders."""
    box, checked = '<input type="checkbox"/>', '<input checked="" type="checkbox"/>'
    return [
        "某某市预算部门（单位）项目绩效目标申报表", "", "（ 2024 年度）", "",
        f"项目名称{T}{name}{T}{T}{T}",
        f"主管部门及代码{T}某某经济开发区管理委员会 12142301MB01836872{T}{T}"
        f"实施单位（发包方）及项目实施单位（承包方）中标单位{T}{T}某某经济开发区管理委员会{T}",
        f"项目属性{T}{T}{T}项目日期{T}{T}2023. 2-2023. 12{T}",
        f"项目分类{T}A{T}{box} 政府工作报告承诺的实事 {checked} 我市中心工作和重点项目{T}",
        f"{T}B{T}{box} 法律、法规要求安排的支出{T}",
        f"{T}C{T}{checked} 市委、市政府各种决定、决议和纪要确定的项目 {box} 正常业务活动{T}",
        f"项目资金（万元）{T}中期资金总额：{T}{T}年度资金总额：{T}{annual}{T}",
        f"{T}其中：一般公共预算资金{T}{T}其中：一般公共预算资金{T}{annual}{T}",
        f"{T}政府性基金{T}{T}政府性基金{T}{T}",
        f"{T}上级转移支付资金（中央）{T}{T}上级转移支付资金{T}{T}",
        f"{T}上级转移支付资金（吕梁市）{T}{T}上级转移支付资金（吕梁市）{T}{T}",
        f"项目概况{T}兑现奖励资金{T}{T}",
        f"立项依据{T}{T}{T}",
        f"项目设立必妥性{T}促进发展。{T}",
        f"保障项目实施的 制度、措施{T}专款专用{T}",
        f"项目实施计划{T}年底兑现{T}",
        f"总体目标{T}中期目标（20××年-20××年）{T}{T}{T}{T}年度目标{T}",
        f"{T}目标 1：目标 2：目标 3：{T}{T}{T}{T}目标 1：目标 2：目标 3：{T}",
        f"绩效指标{T}中期指标{T}{T}{T}{T}年度指标{T}",
        f"{T}产出指标{T}数量指标{T}指标 1：{T}{T}数量指标{T}企业数{T}10家",
        "项目负责人：某甲 填表人：某乙 联系电话：13500000000 填报日期：2023.12",
    ]
