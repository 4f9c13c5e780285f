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
