"""Department budget tables on synthetic excerpts: TAB cells and pdftotext lines with bold doubling."""

from decimal import Decimal

import pytest

from ingest.forms.budget.find import find_budget_tables
from ingest.forms.budget.tables import parse_budget_table
from ingest.grammar.budget import split_glued, table_type_of, undouble_line, undouble_token
from ingest.readers.text import document_of_lines

T = "\t"


def _parse(lines):
    lines = tuple(lines)
    tables = find_budget_tables(lines)
    doc = document_of_lines(lines, "doc.txt")
    return [parse_budget_table(doc, t) for t in tables]


def _cells(parsed, **match):
    return {(r.row_label, r.column_label): r.amount_value for r in parsed.budget_lines
            if all(getattr(r, k) == v for k, v in match.items())}


@pytest.mark.parametrize(
    "title, table_type",
    [
        ("表一2024年预算收支总表", "income_expenditure_summary"),
        ("2025年财政拨款收支总表", "fiscal_grant_summary"),
        ("2024年一般公共预算支出预算表（不含上年结转）", "general_budget_expenditure"),
        ("2024年一般公共预算安排基本支出分经济科目表（不含上年结转）", "basic_expenditure_economic"),
        ("2023年一般公共预算“三公”经费支出预算表", "three_public"),
        ("2023年机关运行经费预算财政拨款情况统计表", "admin_operating"),
        ("2024年项目支出预算表（上年结转）", "project_expenditure_carryover"),
        ("2024年项目支出预算表（本年预算）", "project_expenditure_current"),
    ],
)
def test_table_types_come_from_title_keywords(title, table_type):
    assert table_type_of(title) == table_type


def test_undoubling_is_limited_to_amounts_and_a_closed_vocabulary():
    assert undouble_token("2023.532023.53") == ("2023.53", True)
    assert undouble_token("合计合计") == ("合计", True)
    assert undouble_token("便捷便捷") == ("便捷便捷", False)  # real data
    assert undouble_token("1111") == ("1111", False)
    assert undouble_line("2024年预算收支总表2024年预算收支总表") == ("2024年预算收支总表", True)
    assert undouble_line("196.54 196.54")[1] is False  # two real columns
    assert split_glued("一、一般公共预算 2023.53一、一般公共服务支出 1705.47") == \
        "一、一般公共预算 2023.53 一、一般公共服务支出 1705.47"


TAB_DOC = [
    "2025年预算收支总表", "", "部门名称：某局", "单位：万元",
    f"收入{T}{T}支出{T}{T}{T}",
    f"项目{T}2025年{T}项目{T}2025年合计{T}当年预算安排{T}上年结转安排",
    f"一、一般公共预算{T}100.00{T}一、一般公共服务支出{T}{T}{T}",
    f"二、政府性基金预算{T}{T}八、社会保障和就业支出{T}100.00{T}100.00{T}",
    f"本年收入合计{T}100.00{T}本年支出合计{T}100.00{T}100.00{T}",
    f"上年结转{T}5.00{T}年终结转{T}{T}{T}",
    f"收入总计{T}105.00{T}支出总计{T}100.00{T}100.00{T}",
    "", "2025年预算支出总表", "单位：万元",
    f"科目编码{T}科目名称{T}合计{T}基本支出{T}项目支出",
    f"合计{T}{T}100.00{T}60.00{T}40.00",
    f"208{T}社会保障和就业支出{T}100.00{T}60.00{T}40.00",
    "",
    f"20805{T}行政事业单位养老支出{T}100.00{T}60.00{T}40.00",
    "2025年政府性基金预算支出表（不含上年结转）", f"科目编码{T}科目名称{T}合计{T}基本支出{T}项目支出", "注：本表无数据",
    "2025年项目支出预算表（本年预算）",
    f"项目名称{T}合计{T}2025年财政拨款{T}{T}{T}财政专户管理资金{T}单位资金",
    f"1{T}2{T}3{T}4{T}5{T}6{T}7",
    f"某局{T}40.00{T}40.00{T}{T}{T}{T}",
    f"某局{T}40.00{T}40.00{T}{T}{T}{T}",
    f"会议费{T}15.00{T}15.00{T}{T}{T}{T}",
    f"培训费{T}25.00{T}25.00{T}{T}{T}{T}",
]


def test_tab_tables_map_cells_by_position_and_keep_blocks_and_totals_apart():
    summary, expenditure, fund, projects = _parse(TAB_DOC)
    income = _cells(summary, side="income")
    assert income[("一、一般公共预算", "收入金额")] == Decimal("100.00")
    assert income[("收入总计", "收入金额")] == Decimal("105.00")
    carry = [r for r in summary.budget_lines if r.block == "carryover"]
    assert [(r.row_label, r.amount_value) for r in carry] == [("上年结转", Decimal("5.00"))]
    spend = _cells(summary, side="expenditure")
    assert spend[("八、社会保障和就业支出", "当年预算安排")] == Decimal("100.00")
    codes = {(r.classification_code, r.column_label): r.amount_value for r in expenditure.budget_lines}
    assert codes[("20805", "项目支出")] == Decimal("40.00")  # a blank line inside the table does not end it
    total = [r for r in expenditure.budget_lines if r.is_total_row]
    assert {r.column_label for r in total} == {"合计", "基本支出", "项目支出"}
    assert fund.budget_tables[0].is_declared_empty and fund.budget_lines == []
    aggregates = {r.source_line for r in projects.budget_lines if r.is_aggregate_row}
    items = [r for r in projects.budget_lines if not r.is_aggregate_row and r.column_label == "合计"]
    assert len(aggregates) == 2 and sum(r.amount_value for r in items) == Decimal("40.00")


TEXT_DOC = [
    " 表三2024年预算支出总表", "", "预算公开表3", "", "2024年预算支出总表2024年预算支出总表", "",
    "单位名称：某局  单位：万元", "",
    "科目编码科目编码 科目名称科目名称 合计合计 基本支出基本支出 项目支出项目支出", "",
    "合计合计 2023.532023.53 922.89922.89 1100.651100.65", "",
    "201 一般公共服务支出 1705.47 604.82604.82 1100.651100.65", "",
    "2010699 其他财政事务支出 1100.65  1100.65", "",
    "208 社会保障和就业支出 196.54 196.54196.54   ", "",
    " 表四2024年财政拨款收支总表", "", "收入收入 支出支出", "",
    "一、一般公共预算 2023.53一、一般公共服务支出 1705.47 1705.47   ", "",
    "二、政府性基金预算  二、外交支出     ", "",
    "三、国有资本经营预", "算", "", " 三、国防支出     ", "",
    "八、社会保障和就业支", "出", "", "196.54 196.54   ", "",
    "-5-", "", "某局2024年单位预算公开报告", "",
    "收入总计收入总计 2023.532023.53支出总计支出总计 2023.532023.53 2023.532023.53   ", "",
    " 表十二2024年项目支出预算表（本年预算）", "",
    "1 2 3 4 5 6 7", "", "\u3000某局 1100.65 1100.65     ", "",
    "\u3000\u3000财政国库业务系统运维费(九", "鼎)", "", "55.80 55.80     ", "",
    " \u3000\u3000选调生工作经费 6.46 6.46     ",
]


def test_pdftotext_rows_undoubled_split_and_rejoined():
    expenditure, grants, projects = _parse(TEXT_DOC)
    codes = {(r.classification_code or r.row_label, r.column_label):
             (r.amount_value, r.is_undoubled) for r in expenditure.budget_lines}
    assert codes[("合计", "合计")] == (Decimal("2023.53"), True)
    assert codes[("201", "基本支出")] == (Decimal("604.82"), True)
    assert codes[("201", "合计")] == (Decimal("1705.47"), False)
    assert ("2010699", "基本支出") not in codes and codes[("2010699", "项目支出")][0] == Decimal("1100.65")
    assert ("208", "项目支出") not in codes  # trailing spaces are not cells
    spend = _cells(grants, side="expenditure")
    assert spend[("八、社会保障和就业支出", "小计")] == Decimal("196.54")  # values detached from a wrapped label
    assert spend[("八、社会保障和就业支出", "一般公共预算")] == Decimal("196.54")  # `196.54 196.54` is two columns
    assert _cells(grants, side="income")[("收入总计", "收入金额")] == Decimal("2023.53")
    assert not any("国防" in (r.row_label or "") for r in grants.budget_lines)
    items = {r.row_label: r for r in projects.budget_lines if r.column_label == "合计"}
    assert items["财政国库业务系统运维费(九鼎)"].amount_value == Decimal("55.80")
    assert items["某局"].is_aggregate_row and not items["选调生工作经费"].is_aggregate_row


def test_an_empty_declared_table_with_amounts_is_reported():
    lines = ["2024年政府性基金预算支出表（不含上年结转）", f"科目编码{T}科目名称{T}合计{T}基本支出{T}项目支出",
             f"212{T}城乡社区支出{T}10.00{T}{T}10.00", "注：本表无数据"]
    (parsed,) = _parse(lines)
    assert parsed.budget_tables[0].is_declared_empty and len(parsed.budget_lines) == 2
    assert [r.reason for r in parsed.rejects if r.stage == "budget_table"] == ["empty_table_with_amounts"]


# --- budget tables printed as grids (PDF): read by position only when the grid is the layout's -----------------------

def _pdf_tables(*lines_and_rows):
    from ingest.forms.document import parse_document
    from ingest.readers import read_bytes
    from tests.pdf_maker import Page, pdf_bytes

    page, top = Page(), 30
    for item in lines_and_rows:
        if isinstance(item, str):
            page.text(30, top, item)
            top += 20
        else:
            page.table(item, x=30, top=top, widths=[110] * max(len(r) for r in item))
            top += 20 * len(item) + 10
    return parse_document(read_bytes("t.pdf", pdf_bytes([page])))


EXPENDITURE_ROWS = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["1", "2", "3", "4", "5"],
                    ["208", "社会保障和就业支出", "119.43", "119.43", ""], ["合计", "", "119.43", "119.43", ""]]


def test_a_grid_in_the_layout_of_its_type_is_read_by_position():
    parsed = _pdf_tables("2024年部门支出总表", "单位：万元", EXPENDITURE_ROWS)
    assert _cells(parsed.budget_tables and parsed, classification_code="208") == {
        ("社会保障和就业支出", "合计"): Decimal("119.43"), ("社会保障和就业支出", "基本支出"): Decimal("119.43")}
    assert parsed.budget_tables[0].layout == "grid" and parsed.budget_lines[0].source_page == 1


@pytest.mark.parametrize("title, unit, rows, code, level, expected", [
    # The Shanxi headings, but in 元: the positional layout is read in 万元, the headings name the columns.
    ("2024年部门支出总表", "单位：元", EXPENDITURE_ROWS, "208", 1,
     {("社会保障和就业支出", "合计"): Decimal("119.43"), ("社会保障和就业支出", "基本支出"): Decimal("119.43")}),
    # Codes in three columns (类 款 项) and the amounts further right: one code, its level.
    ("2024年部门支出总表", "单位：万元", [["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
                                  ["208", "05", "", "行政事业单位养老支出", "6.85", "6.85", ""]], "20805", 2,
     {("行政事业单位养老支出", "合计"): Decimal("6.85"), ("行政事业单位养老支出", "基本支出"): Decimal("6.85")}),
])
def test_a_grid_of_another_template_is_read_by_its_own_headings(title, unit, rows, code, level, expected):
    parsed = _pdf_tables(title, unit, rows)
    (table,) = parsed.budget_tables
    assert (table.columns_from, table.unit_stated) == ("header", unit[-1:] if unit.endswith("元") and
                                                       not unit.endswith("万元") else "万元")
    assert _cells(parsed, classification_code=code) == expected
    assert {(r.classification_code, r.classification_level) for r in parsed.budget_lines
            if r.classification_code} == {(code, level)}
    assert not [r for r in parsed.rejects if r.stage == "budget_table"]


def test_a_row_of_figures_under_two_levels_of_headings_is_read_as_the_tables_total():
    rows = [["合计", "因公出国（境）费", "公务接待费", "公务用车"], ["22.91", "0", "1.35", "21.56"]]
    parsed = _pdf_tables("2024年“三公”经费支出表", "单位：万元", rows)
    assert _cells(parsed) == {(None, "合计"): Decimal("22.91"), (None, "因公出国（境）费"): Decimal("0"),
                              (None, "公务接待费"): Decimal("1.35"), (None, "公务用车"): Decimal("21.56")}
    assert all(r.is_total_row for r in parsed.budget_lines)  # no label column: the one row is the table's
    columns = {c.column_label: c for c in parsed.budget_columns}
    assert columns["合计"].is_total_column and not columns["公务接待费"].is_total_column
    assert {label for label, c in columns.items() if c.sums_into == columns["合计"].column_index} == {
        "因公出国（境）费", "公务接待费", "公务用车"}


def test_a_grid_without_headings_is_rejected_at_its_title_not_misread():
    parsed = _pdf_tables("2024年部门支出总表", "单位：元", [["208", "社会保障和就业支出", "119.43"],
                                                   ["合计", "", "119.43"]])
    assert parsed.budget_lines == []
    (reject,) = [r for r in parsed.rejects if r.stage == "budget_table"]
    assert reject.reason == "table_layout_not_recognised"
    assert "amounts stated in 元" in reject.detail and "no column headings" in reject.detail
    assert (reject.source_page, reject.source_line) == (1, 1)
    lines = {(t.status, t.reason) for t in parsed.table_lines}
    assert ("reject", "table_layout_not_recognised") in lines
