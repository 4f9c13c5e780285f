"""A small synthetic corpus on which every validation rule stays quiet, and mutations that make each one fire.

Each mutated document is its own file, so a finding can be traced to the mutation that caused it.
"""

from __future__ import annotations

from pathlib import Path

T = "\t"
SOURCE_LABELS = ("中央财政资金", "省级财政资金", "市县（区）财政资金", "单位自筹")
HEADER = f"绩效指标{T}一级指标{T}二级指标{T}三级指标{T}指标值{T}二级指标{T}三级指标{T}指标值"


def project_table(name: str = "会议费", total: str = "150,000", *, annual: str | None = None,
                  sources: dict[str, str] | None = None, unit: str = "元", department: str = "027-某市某局",
                  grid: list[str] | None = None) -> list[str]:
    annual = annual or total
    sources = sources or {"市县（区）财政资金": total}
    rows = [
        "某市市级预算部门（单位）项目支出绩效目标表", "", "（2025年度）", "",
        f"项目名称{T}{T}{name}{T}{T}",
        f"主管部门及代码{T}{T}{department}{T}{T}实施单位{T}{T}某市某局",
        f"项目属性{T}{T}一次性项目（1年结束）{T}{T}项目期{T}{T}1年",
        f"项目资金 （{unit}）{T}{T}实施期资金总额：{T}{total}{T}年度资金总额：{T}{annual}",
    ]
    for label in SOURCE_LABELS:
        value = sources.get(label, "0")
        prefix = "其中：" if label == "中央财政资金" else ""
        rows.append(f"{T}{T}{prefix}{label}{T}{value}{T}{prefix}{label}{T}{sources.get(label + '#annual', value)}")
    rows += [f"项目概况{T}{T}保障会议召开", f"实施期目标{T}{T}{T}{T}年度目标", f"总体目标{T}{T}按时召开{T}{T}按时召开"]
    rows += [HEADER] + (grid if grid is not None else clean_grid())
    rows.append(f"负责人：{T}{T}经办人：{T}{T}联系电话：{T}{T}填报日期：{T}20250103161515")
    return rows


def grid_row(level1: str, level2: str, name: str, value: str, annual_value: str | None = None) -> str:
    annual_value = value if annual_value is None else annual_value
    return f"{T}{level1}{T}{level2}{T}{name}{T}{value}{T}{level2}{T}{name}{T}{annual_value}"


def clean_grid() -> list[str]:
    return [
        grid_row("产出指标", "数量指标", "会议场次", "≥2次"),
        grid_row("", "成本指标", "会议成本", "≤150000元"),
        grid_row("效益指标", "社会效益指标", "会议知晓度", "≥95%"),
        grid_row("满意度指标", "服务对象满意度指标", "参会人员满意度", "≥95%"),
    ]


def budget_disclosure(project_line: str = f"会议费{T}15.00{T}15.00{T}{T}{T}{T}", *,
                      fund_tables: bool = False, expenditure_total: str = "100.00") -> list[str]:
    lines = [
        "", "某市某局", "", "2025年度部门预算公开", "", "第二部分 2025年部门预算报表",
        "2025年预算收支总表", "部门名称：某市某局", "单位：万元",
        f"收入{T}{T}支出{T}{T}{T}",
        f"项目{T}2025年{T}项目{T}2025年合计{T}当年预算安排{T}上年结转安排",
        f"一、一般公共预算{T}100.00{T}一、一般公共服务支出{T}100.00{T}100.00{T}",
        f"本年收入合计{T}100.00{T}本年支出合计{T}100.00{T}100.00{T}",
        f"收入总计{T}100.00{T}支出总计{T}{expenditure_total}{T}{expenditure_total}{T}",
        "2025年预算支出总表", "单位：万元",
        f"科目编码{T}科目名称{T}合计{T}基本支出{T}项目支出",
        f"合计{T}{T}100.00{T}85.00{T}15.00",
        f"201{T}一般公共服务支出{T}100.00{T}85.00{T}15.00",
    ]
    if fund_tables:
        lines += [
            "2025年政府性基金预算收入表（不含上年结转）", f"收入科目编码{T}科目名称{T}政府性基金收入预算",
            f"合计{T}{T}20.00", f"103{T}非税收入{T}20.00",
            "2025年政府性基金预算支出表（不含上年结转）", f"科目编码{T}科目名称{T}合计{T}基本支出{T}项目支出",
            "注：本表无数据",
        ]
    lines += [
        "2025年项目支出预算表（本年预算）",
        f"项目名称{T}合计{T}2025年财政拨款{T}{T}{T}财政专户管理资金{T}单位资金",
        f"1{T}2{T}3{T}4{T}5{T}6{T}7",
        project_line,
    ]
    return lines + project_table()


def write(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def clean_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, "city_projects.txt", project_table() + project_table(name="培训费", total="80,000",
                                                                       grid=[r.replace("≤150000元", "≤80000元")
                                                                             for r in clean_grid()]))
    write(folder, "bureau_disclosure.txt", budget_disclosure())


def dirty_documents() -> dict[str, list[str]]:
    """One crafted text document per rule that a text dump can break ({rule_id: lines}); the rules on the
    narrative and text of a disclosure break in edited copies of the published samples (tests/sample_edits.py)."""
    grid = clean_grid()
    return {
        "A01": project_table(annual="1年", sources={"市县（区）财政资金": "150,000", "市县（区）财政资金#annual": "0"}),
        "A02": project_table(sources={"市县（区）财政资金": "170,000", "单位自筹": "-20,000"}),
        "A03": project_table(total="0", annual="150,000", sources={"市县（区）财政资金": "0",
                                                                    "市县（区）财政资金#annual": "150,000"}),
        "A04": project_table(sources={"市县（区）财政资金": "140,000"}),
        "A05": project_table(total="1950000", unit="万元", sources={"市县（区）财政资金": "1950000"},
                             grid=[r.replace("≤150000元", "≤1950000元") for r in grid]),
        "A06": project_table(grid=[r.replace("≤150000元", "≤160000元") for r in grid]),
        "A07": project_table(grid=[r.replace("≤150000元", "≤150000万元") for r in grid]),
        "A08": budget_disclosure(project_line=f"会议费{T}25.00{T}25.00{T}{T}{T}{T}",
                                 expenditure_total="100.00"),
        "A09": budget_disclosure(expenditure_total="100.01"),
        "A10": budget_disclosure(expenditure_total="110.00"),
        "A11": budget_disclosure(fund_tables=True),
        "I01": project_table(grid=grid[2:]),
        "I02": project_table(grid=grid[:2] + grid[3:]),
        "I03": project_table(grid=grid[:3]),
        "I04": project_table(grid=grid[:3] + [grid_row("满意度指标", "服务对象满意度指标", "参会人员满意度", "")]),
        "I05": project_table(grid=grid + [f"{T}{T}{T}指标 1：{T}满意{T}{T}指标 1：{T}满意"]),
        "I06": project_table(grid=grid[:3] + [grid_row("满意度指标", "服务对象满意度指标", "参会人员满意度", "≤98%")]),
        "I07": project_table(grid=[grid[0].replace("≥2次", "≥2次")] + grid[1:2]
                             + [grid_row("效益指标", "社会效益指标", "会议知晓度", "≥9595%")] + grid[3:]),
        "I08": project_table(grid=grid[:1] + [grid_row("", "成本指标", "会议成本", "≤100人")] + grid[2:]),
        "I09": project_table(grid=grid[:2] + [grid_row("效益指标", "成本指标", "会议成本控制", "≤100000元")]
                             + grid[2:]),
        "I10": project_table(grid=grid + [f"{T}{T}{T}{T}{T}{T}会后材料发放率{T}100%"]),
        "A12": project_table(name="高标准农田建设 20 万"),
        "I11": project_table(grid=grid[:1] + [grid_row("产出指标", "质量指标", "实现集约化育苗", "实现集约化育苗")]
                             + grid[1:]),
        "I12": project_table(grid=grid[:1] + [grid_row("产出指标", "质量指标", "质量", "1")] + grid[1:]),
        "A13": project_table(sources=dict.fromkeys(SOURCE_LABELS, "")),
        "S01": project_table(name=""),
        "S02": project_table(department=""),
        "S03": project_table() + project_table(),
        # A budget disclosure (its cover says so) in which no table was printed.
        "S04": ["某某市某某局", "2024年度部门预算公开", "", "第一部分 部门概况", "一、主要职责"],
        # A document of no known kind: a reject (unknown_document_kind).
        "S05": ["会议纪要", "一、会议内容"],
        # A project table whose project the 项目支出预算表 does not list at all.
        "A15": budget_disclosure(project_line=f"办公设备购置{T}15.00{T}15.00{T}{T}{T}{T}"),
    }


def dirty_corpus(folder: Path) -> dict[str, str]:
    """Write one document per rule of dirty_documents (named after it); returns {rule_id: file name}."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for rule_id, lines in dirty_documents().items():
        files[rule_id] = f"{rule_id.lower()}.txt"
        write(folder, files[rule_id], lines)
    return files
