"""Vocabulary of the department budget tables (预算公开表1-13): titles, table types, column schemas, amounts,
classification codes, total rows, and the safe undoing of bold-doubled text (survey §6.5)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.grammar.text import squeeze

# `表一2024年预算收支总表`, `2024年一般公共预算支出预算表（不含上年结转）`, `…机关运行经费预算财政拨款情况统计表`.
TABLE_TITLE = re.compile(
    r"^(?:表[一二三四五六七八九十]+)?(?P<year>\d{4})年(?P<body>[^\d.…]{2,40}?(?:表|情况统计表))(?:[（(][^)）]{1,12}[)）])?$"
)
EMPTY_TABLE = re.compile(r"^注[:：]?本表无数据")
# Lines inside a table that are not rows: the table number, the unit and department lines.
META_LINE = re.compile(r"^(?:(?:预算|部门)公开表\d+|(?:单位|部门)名称[:：]|单位[:：]万元)")
# The unit a table states (`单位：万元`, `单位:元`): the 预算公开表 layouts are printed, and read, in 万元.
STATED_UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>万元|元)")
LAYOUT_UNIT = "万元"
PART_TWO = "第二部分"  # the heading of the tables part of a report, repeated on pages
# Where the budget-table part of a report ends.
BUDGET_SECTION_END = re.compile(r"^(?:第[三四五六七八九十]部分|[一二三四五六七八九十]+、.{0,30}(?:情况说明|变动情况))")

# Table types by title keywords, first match wins (order matters: 财政拨款收支总表 before 收支总表 …).
_TYPE_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("fiscal_grant_summary", ("财政拨款收支总表",), ()),
    ("income_expenditure_summary", ("收支总表",), ()),
    ("income_summary", ("收入总表",), ()),
    ("expenditure_summary", ("支出总表",), ()),
    ("basic_expenditure_economic", ("基本支出", "经济科目"), ()),
    ("gov_fund_income", ("政府性基金", "收入"), ()),
    ("gov_fund_expenditure", ("政府性基金", "支出"), ()),
    ("state_capital", ("国有资本经营",), ()),
    ("three_public", ("三公",), ()),
    ("admin_operating", ("机关运行经费",), ()),
    ("project_expenditure_carryover", ("项目支出", "上年结转"), ("不含上年结转",)),
    ("project_expenditure_current", ("项目支出",), ()),
    ("general_budget_expenditure", ("一般公共预算", "支出"), ("基本支出",)),
)


def table_type_of(title: str) -> str | None:
    text = squeeze(title)
    for table_type, required, excluded in _TYPE_RULES:
        if all(word in text for word in required) and not any(word in text for word in excluded):
            return table_type
    return None


@dataclass(frozen=True)
class Schema:
    """Columns of a table type, in print order. `label` columns hold text, the others amounts (万元)."""

    columns: tuple[str, ...]
    labels: frozenset[str]
    code_column: str | None = None  # the column holding 科目编码 (kept as text)
    income_side: tuple[str, ...] = ()  # two-sided tables: columns of the income side


SCHEMAS: dict[str, Schema] = {
    "income_expenditure_summary": Schema(
        ("收入项目", "收入金额", "支出项目", "合计", "当年预算安排", "上年结转安排"),
        frozenset({"收入项目", "支出项目"}), income_side=("收入项目", "收入金额")),
    "income_summary": Schema(
        ("科目编码", "科目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金",
         "单位资金", "上年结转"), frozenset({"科目编码", "科目名称"}), code_column="科目编码"),
    "expenditure_summary": Schema(("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                                  frozenset({"科目编码", "科目名称"}), code_column="科目编码"),
    "fiscal_grant_summary": Schema(
        ("收入项目", "收入金额", "支出项目", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
        frozenset({"收入项目", "支出项目"}), income_side=("收入项目", "收入金额")),
    "general_budget_expenditure": Schema(("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                                         frozenset({"科目编码", "科目名称"}), code_column="科目编码"),
    "basic_expenditure_economic": Schema(("部门经济科目", "政府经济科目", "合计", "人员经费", "公用经费"),
                                         frozenset({"部门经济科目", "政府经济科目"})),
    "gov_fund_income": Schema(("科目编码", "科目名称", "政府性基金收入预算"), frozenset({"科目编码", "科目名称"}),
                              code_column="科目编码"),
    "gov_fund_expenditure": Schema(("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                                   frozenset({"科目编码", "科目名称"}), code_column="科目编码"),
    "state_capital": Schema(("收入项目", "国有资本经营收入预算", "科目编码", "科目名称", "合计", "基本支出",
                             "项目支出"), frozenset({"收入项目", "科目编码", "科目名称"}), code_column="科目编码",
                            income_side=("收入项目", "国有资本经营收入预算")),
    "three_public": Schema(("项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"), frozenset({"项目"})),
    "admin_operating": Schema(("单位名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
                              frozenset({"单位名称"})),
    "project_expenditure_current": Schema(
        ("项目名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"),
        frozenset({"项目名称"})),
    "project_expenditure_carryover": Schema(
        ("项目名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"), frozenset({"项目名称"})),
}

# The department's overall-expenditure target form (整体支出绩效目标申报表) restates the budget in a small block.
OVERALL_TITLE = re.compile(r"整体支出绩效目标(?:申报)?表$")
OVERALL_ROW = re.compile(r"^(?:\d\s*)?(?P<label>合计|基本支出|项目支出)$")
OVERALL_COLUMNS = ("上年度预算", "上年度决算", "本年度申请资金")
PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")

# Budget amounts are printed with two decimals (万元): `14,656.81`, `6.00`.
AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
FIGURE_CELL = re.compile(r"^-?\d[\d,，]*(?:\.\d+)?$")  # a cell holding a number or a code, however printed
WORDS = re.compile(r"[\u4e00-\u9fff]")  # a cell with Chinese text: a label, never an amount
AMOUNT_CELL = re.compile(r"^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$")  # separators or decimals: an amount


def is_column_numbers(texts: list[str]) -> bool:
    """A row numbering the columns (栏次: `1 2 3 … n`), printed under the headings of many forms."""
    return len(texts) >= 2 and texts == [str(n) for n in range(1, len(texts) + 1)]
TOTAL_LABELS = frozenset({"合计", "小计", "总计", "本年收入合计", "本年支出合计", "收入总计", "支出总计", "部门合计"})
CARRYOVER_LABELS = frozenset({"上年结转", "上年财政拨款结转", "年终结转"})
GRAND_TOTAL_LABELS = frozenset({"收入总计"})  # the last block of a two-sided summary table

# Bold text doubled by the PDF extractor: only amounts and a closed vocabulary of labels are undone.
_DOUBLED_AMOUNT = re.compile(r"^(\d{1,3}(?:,\d{3})*\.\d{2}|\d+\.\d{2})\1$")
_DOUBLE_VOCABULARY = TOTAL_LABELS | CARRYOVER_LABELS | frozenset({
    "项目", "收入", "支出", "金额", "科目编码", "科目名称", "基本支出", "项目支出", "人员经费", "公用经费",
    "一般公共预算", "政府性基金", "政府性基金预算", "国有资本经营预算", "单位名称", "项目名称", "本年收入", "单位资金",
    "财政专户管理资金",
})
_GLUE = re.compile(r"(?<=\d\.\d\d)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=\d[\d,]*\.\d\d(?:\D|$))")


def undouble_token(token: str) -> tuple[str, bool]:
    """(token, undone?) for one cell of a budget table."""
    m = _DOUBLED_AMOUNT.match(token)
    if m:
        return m.group(1), True
    half = len(token) // 2
    if len(token) % 2 == 0 and half >= 2 and token[:half] == token[half:] and token[:half] in _DOUBLE_VOCABULARY:
        return token[:half], True
    return token, False


def undouble_line(line: str) -> tuple[str, bool]:
    """A whole title or heading line printed twice with no separator (`X X` stays: real repeated columns)."""
    text = line.strip()
    half = len(text) // 2
    if len(text) % 2 == 0 and half >= 4 and text[:half] == text[half:]:
        return text[:half], True
    return line, False


def split_glued(line: str) -> str:
    """Insert the cell separator that the extractor lost between an amount and a label (`2023.53一、…`)."""
    return _GLUE.sub(" ", line)

# Words the finders test a line for before running the title patterns (most lines hold none of them).
TITLE_WORD = "表"
OVERALL_WORD = "整体支出"
PERFORMANCE_WORD = "绩效目标"  # a performance-target table, never a budget table
TOTAL_LABEL = "合计"
OVERALL_ROWS = frozenset({"合计", "基本支出", "项目支出"})  # the 支出预算 block of the 整体支出 form
