"""Budget tables read by their own column headings (forms.budget.grid), on small PDFs of the templates other than
Shanxi's: the central forms (one code column, 上年结转 beside 合计, two years' columns), Shanghai's (类/款/项 in three
columns, multi-row headings, 单位：元 beside 单位：万元), final accounts (决算 titles without a year, balances carried
in and out, 预算数 beside 决算数, two blocks side by side) and tables printed empty."""

from __future__ import annotations

from decimal import Decimal

from ingest.forms.document import parse_document
from ingest.readers import read_bytes
from tests.pdf_maker import Page, pdf_bytes


def _pdf(*items: str | list[list[str | None]], width: float = 70):
    """One page: text lines and ruled tables (a None cell is covered by the cell to its left)."""
    page, top = Page(), 30
    for item in items:
        if isinstance(item, str):
            page.text(30, top, item, size=8)
            top += 14
        else:
            page.table(item, x=20, top=top, widths=[width] * max(len(r) for r in item), size=7, row_height=16)
            top += 16 * len(item) + 12
    return parse_document(read_bytes("t.pdf", pdf_bytes([page])))


def _amounts(parsed, table_type: str) -> dict[tuple, Decimal]:
    return {(line.row_label, line.column_path): line.amount_value for line in parsed.budget_lines
            if line.table_type == table_type}


def _columns(parsed, table_type: str) -> dict[str, object]:
    table_ids = {t.table_id for t in parsed.budget_tables if t.table_type == table_type}
    return {c.column_path: c for c in parsed.budget_columns if c.table_id in table_ids}


CENTRAL_INCOME = [
    ["科目编码", "科目名称", "合计", "上年结转", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"],
    ["合计", None, "130.00", "10.00", "100.00", "20.00", ""],
    ["201", "一般公共服务支出", "130.00", "10.00", "100.00", "20.00", ""],
    ["20101", "人大事务", "130.00", "10.00", "100.00", "20.00", ""],
    ["2010101", "行政运行", "130.00", "10.00", "100.00", "20.00", ""],
]


def test_a_central_income_table_is_read_by_its_headings_not_the_shanxi_positions():
    """The Shanxi 收入总表 layout prints 合计, 一般公共预算, 政府性基金, 国有资本经营预算 in this order too, but here
    上年结转 stands between them: read by position, its 10.00 would become 一般公共预算."""
    parsed = _pdf("2024年部门收入总表", "部门：某部", "单位：万元", CENTRAL_INCOME)
    (table,) = parsed.budget_tables
    assert (table.table_type, table.columns_from, table.unit_stated, table.year_printed) == (
        "income_summary", "header", "万元", 2024)
    codes = {(line.classification_code, line.classification_level) for line in parsed.budget_lines
             if line.classification_code}
    assert codes == {("201", 1), ("20101", 2), ("2010101", 3)}
    total = {line.column_label: line.amount_value for line in parsed.budget_lines if line.row_label == "合计"}
    assert total == {"合计": Decimal("130.00"), "上年结转": Decimal("10.00"), "一般公共预算拨款": Decimal("100.00"),
                     "政府性基金预算拨款": Decimal("20.00")}
    columns = _columns(parsed, "income_summary")
    # 合计 adds up every column beside it, 上年结转 included.
    parts = {path for path, c in columns.items() if c.sums_into == columns["合计"].column_index}
    assert parts == {"上年结转", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"}
    assert [path for path, c in columns.items() if c.is_total_column] == ["合计"]


def test_a_three_public_table_with_two_years_keeps_each_amounts_year():
    rows = [["2023年预算数", None, None, "2024年预算数", None, None],
            ["合计", "因公出国（境）费", "公务接待费", "合计", "因公出国（境）费", "公务接待费"],
            ["12.00", "10.00", "2.00", "9.50", "8.00", "1.50"]]
    parsed = _pdf("2024年一般公共预算“三公”经费支出表", "单位：万元", rows)
    years = {(line.column_label, line.amount_year): line.amount_value for line in parsed.budget_lines}
    assert years == {("合计", 2023): Decimal("12.00"), ("因公出国（境）费", 2023): Decimal("10.00"),
                     ("公务接待费", 2023): Decimal("2.00"), ("合计", 2024): Decimal("9.50"),
                     ("因公出国（境）费", 2024): Decimal("8.00"), ("公务接待费", 2024): Decimal("1.50")}
    columns = _columns(parsed, "three_public")
    # Each year's 合计 adds up that year's items, not the other year's.
    assert columns["2024年预算数 > 公务接待费"].sums_into == columns["2024年预算数 > 合计"].column_index
    assert columns["2023年预算数 > 公务接待费"].sums_into == columns["2023年预算数 > 合计"].column_index
    assert all(line.is_total_row for line in parsed.budget_lines)  # one row of figures, no label column


def test_codes_printed_in_three_columns_become_one_code_and_the_unit_is_read_per_table():
    expenditure = [["项目", None, None, None, "支出预算", None, None],
                   ["功能分类科目编码", None, None, "功能分类科目名称", "合计", "基本支出", "项目支出"],
                   ["类", "款", "项", "", "", "", ""],
                   ["208", "", "", "社会保障和就业支出", "1,200,000", "1,000,000", "200,000"],
                   ["208", "05", "", "行政事业单位养老支出", "1,200,000", "1,000,000", "200,000"],
                   ["208", "05", "05", "养老保险缴费支出", "1,200,000", "1,000,000", "200,000"],
                   ["合计", None, None, None, "1,200,000", "1,000,000", "200,000"]]
    three_public = [["“三公”经费预算数", None, None, None, None, None, "机关运行经费预算数"],
                    ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", None, None, ""],
                    ["", "", "", "小计", "购置费", "运行费", ""],
                    ["10.71", "0.00", "0.73", "9.98", "0.00", "9.98", "184.59"]]
    parsed = _pdf("2026年预算单位支出预算总表", "编制单位：某区司法局 单位：元", expenditure,
                  "2026年单位“三公”经费和机关运行经费预算表", "编制单位：某区司法局 单位:万元", three_public)
    assert [(t.table_type, t.unit_stated, t.phase) for t in parsed.budget_tables] == [
        ("expenditure_summary", "元", "budget"), ("three_public", "万元", "budget")]
    codes = {(line.classification_code, line.classification_level, line.row_label) for line in parsed.budget_lines
             if line.classification_code and line.column_label == "合计"}
    assert codes == {("208", 1, "社会保障和就业支出"), ("20805", 2, "行政事业单位养老支出"),
                     ("2080505", 3, "养老保险缴费支出")}
    assert _amounts(parsed, "expenditure_summary")[("合计", "支出预算 > 基本支出")] == Decimal("1000000")
    columns = _columns(parsed, "three_public")
    total = columns["“三公”经费预算数 > 合计"]
    subtotal = columns["“三公”经费预算数 > 公务用车购置及运行费 > 小计"]
    # 合计 = 因公出国 + 公务接待费 + the 小计 that stands for the vehicle group; 小计 = 购置费 + 运行费.
    assert {p for p, c in columns.items() if c.sums_into == total.column_index} == {
        "“三公”经费预算数 > 因公出国(境)费", "“三公”经费预算数 > 公务接待费", subtotal.column_path}
    assert {p for p, c in columns.items() if c.sums_into == subtotal.column_index} == {
        "“三公”经费预算数 > 公务用车购置及运行费 > 购置费", "“三公”经费预算数 > 公务用车购置及运行费 > 运行费"}
    assert total.is_total_column and not subtotal.is_total_column
    assert columns["机关运行经费预算数"].sums_into is None and not columns["机关运行经费预算数"].is_total_column


def test_a_table_printed_empty_is_declared_empty_whatever_stands_in_its_cells():
    heading = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    dashes = [heading, ["-", "-", "-", "-", "-"], ["合计", "", "-", "-", "-"]]
    blank = [heading, ["无", "", "", "", ""], ["合计", "", "", "", ""]]
    parsed = _pdf("2024年政府性基金预算支出表", "单位：万元", dashes,
                  "2024年国有资本经营预算支出表", "单位：万元", blank,
                  "注：本单位2024年无国有资本经营预算财政拨款安排的预算，故本表为空表。")
    assert [(t.table_type, t.is_declared_empty, t.amount_cells) for t in parsed.budget_tables] == [
        ("gov_fund_expenditure", True, 0), ("state_capital", True, 0)]
    assert parsed.budget_tables[1].empty_note_line is not None
    assert not [r for r in parsed.rejects if r.stage == "budget_table"]


def test_a_final_account_reads_its_balances_and_the_phase_of_each_column():
    summary = [["收入", None, "支出", None],
               ["项目", "决算数", "项目", "决算数"],
               ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "95.00"],
               ["二、其他收入", "5.00", "二、住房保障支出", "10.00"],
               ["本年收入合计", "105.00", "本年支出合计", "105.00"],
               ["年初结转和结余", "3.00", "年末结转和结余", "3.00"],
               ["一、一般公共预算财政拨款", "3.00", "", ""],
               ["总计", "108.00", "总计", "108.00"]]
    three_public = [["合计", None, "因公出国（境）费", None, "公务接待费", None],
                    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
                    ["1.00", "0.80", "0.50", "0.40", "0.50", "0.40"]]
    parsed = _pdf("目 录", "一、收入支出决算总表", "二、财政拨款“三公”经费支出决算表", "第二部分 年度部门决算表",
                  "收入支出决算总表", "单位：万元", summary, "财政拨款“三公”经费支出决算表", "单位：万元", three_public,
                  width=120)
    # The contents lines name the same tables with no grid below: they are not tables.
    assert [(t.table_type, t.phase, t.year_printed) for t in parsed.budget_tables] == [
        ("income_expenditure_summary", "executed", None), ("three_public", "executed", None)]
    roles = {(line.side, line.row_label): line.row_role for line in parsed.budget_lines
             if line.table_type == "income_expenditure_summary"}
    assert roles == {
        ("income", "一、一般公共预算财政拨款收入"): "item", ("income", "二、其他收入"): "item",
        ("expenditure", "一、一般公共服务支出"): "item", ("expenditure", "二、住房保障支出"): "item",
        ("income", "本年收入合计"): "year_total", ("expenditure", "本年支出合计"): "year_total",
        ("income", "年初结转和结余"): "carryover", ("expenditure", "年末结转和结余"): "carryover",
        ("income", "一、一般公共预算财政拨款"): "sub_item",  # the breakdown of the balance above it
        ("income", "总计"): "grand_total", ("expenditure", "总计"): "grand_total"}
    phases = {(line.column_path, line.phase) for line in parsed.budget_lines if line.table_type == "three_public"}
    assert phases == {("合计 > 预算数", "budget"), ("合计 > 决算数", "executed"),
                      ("因公出国（境）费 > 预算数", "budget"), ("因公出国（境）费 > 决算数", "executed"),
                      ("公务接待费 > 预算数", "budget"), ("公务接待费 > 决算数", "executed")}
    columns = _columns(parsed, "three_public")
    assert columns["公务接待费 > 决算数"].sums_into == columns["合计 > 决算数"].column_index


def test_two_blocks_side_by_side_keep_their_own_codes_labels_and_totals():
    rows = [["经济分类科目编码", None, "科目名称", "决算数", "经济分类科目编码", None, "科目名称", "决算数"],
            ["类", "款", "", "", "类", "款", "", ""],
            ["301", "", "工资福利支出", "50.00", "302", "", "商品和服务支出", "8.00"],
            ["301", "01", "基本工资", "50.00", "302", "01", "办公费", "8.00"],
            ["人员经费合计", None, None, "50.00", "公用经费合计", None, None, "8.00"]]
    parsed = _pdf("一般公共预算财政拨款基本支出决算表", "单位：万元", rows, width=60)
    lines = {(line.row_label, line.classification_code, line.column_index): line.amount_value
             for line in parsed.budget_lines}
    assert lines == {("工资福利支出", "301", 4): Decimal("50.00"), ("商品和服务支出", "302", 8): Decimal("8.00"),
                     ("基本工资", "30101", 4): Decimal("50.00"), ("办公费", "30201", 8): Decimal("8.00"),
                     ("人员经费合计", None, 4): Decimal("50.00"), ("公用经费合计", None, 8): Decimal("8.00")}
    assert {line.side for line in parsed.budget_lines} == {None}  # neither block says 收入 or 支出
    assert all(line.is_total_row for line in parsed.budget_lines if line.row_label.endswith("合计"))
