"""Vocabulary of the department budget tables (预算公开表1-13): titles, table types, column schemas, amounts,
classification codes, total rows, and the safe undoing of bold-doubled text (survey §6.5)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.grammar.text import squeeze

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"

# `表一2024年预算收支总表`, `2024年一般公共预算支出预算表（不含上年结转）`, `…机关运行经费预算财政拨款情况统计表`.
TABLE_TITLE = re.compile(
    r"^(?:表[一二三四五六七八九十]+)?(?P<year>\d{4})年(?P<body>[^\d.…]{2,40}?(?:表|情况统计表))(?:[（(][^)）]{1,12}[)）])?$"
)
# Titles of paged documents, where a title stands right above its grid: the year may be missing (`收入决算表`), a
# number or a department may precede it (`表1`, `部门公开表1`, `上海市普陀区2023年…`). A contents line looks the same:
# what makes it a title is the grid below it (forms.budget.find).
PAGED_TITLE = re.compile(
    r"^(?:表[一二三四五六七八九十\d]+|(?:部门|单位|预算)?公开表\d+)?[:：]?"
    r"(?:[\u4e00-\u9fff（）()]{0,30}?(?P<year>\d{4})年度?)?"
    r"(?P<body>[^\d.…:：]{2,40}?表)(?:[（(][^)）]{1,12}[)）])?$"
)
# A table is empty as printed: `注：本表无数据`, `注:本单位2026年无政府性基金预算…，故本表为空表。`.
EMPTY_TABLE = re.compile(r"^注[:：]?(?:本表无数据|.{0,60}?(?:本表为空表|本表无数据|本表无内容|故本表为空))")
# Lines inside a table that are not rows: the table number, the unit and department lines.
META_LINE = re.compile(r"^(?:(?:预算|部门)公开表\d+|(?:单位|部门)名称[:：]|单位[:：]万元)")
# The unit a table states (`单位：万元`, `单位:元`); the Shanxi layouts (SCHEMAS) are printed, and read, in 万元.
STATED_UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>万元|元)")
LAYOUT_UNIT = "万元"
PART_TWO = "第二部分"  # the heading of the tables part of a report, repeated on pages
# Where the budget-table part of a report ends.
BUDGET_SECTION_END = re.compile(r"^(?:第[三四五六七八九十]部分|[一二三四五六七八九十]+、.{0,30}(?:情况说明|变动情况))")
# A note printed under a table (`注：…`, `说明：…`): part of the table, like the rows above it.
NOTE_LINE = re.compile(r"^(?:注|说明|备注)\s*[:：]")
# The phase of a table or an amount column, from its title or header: 决算 (executed), 调整预算, 预算.
PHASES = (("executed", re.compile(r"决算")), ("adjusted_budget", re.compile(r"调整预算|调整后预算")),
          ("budget", re.compile(r"预算")))


@dataclass(frozen=True)
class TableTypeRule:
    """One row of seeds/budget_table_types.csv: a title holding every word of `words` and none of `excluded`
    is a table of `table_type`. Rows are tried in file order; the first that matches wins."""

    words: tuple[str, ...]
    excluded: tuple[str, ...]
    table_type: str


@lru_cache(maxsize=1)
def table_type_rules() -> tuple[TableTypeRule, ...]:
    with open(SEED_DIR / "budget_table_types.csv", encoding="utf-8") as fh:
        return tuple(TableTypeRule(tuple(row["title_words"].split()), tuple(row["excluded_words"].split()),
                                   row["table_type"]) for row in csv.DictReader(fh))


def table_type_of(title: str) -> str | None:
    text = squeeze(title)
    for rule in table_type_rules():
        if all(word in text for word in rule.words) and not any(word in text for word in rule.excluded):
            return rule.table_type
    return None


def phase_of(text: str) -> str | None:
    """budget | adjusted_budget | executed, as a title or a column heading says; None when it says neither."""
    return next((phase for phase, pattern in PHASES if pattern.search(text)), None)


@dataclass(frozen=True)
class Schema:
    """The Shanxi layout of a table type (预算公开表1-13): columns in print order; `label` columns hold text, the
    others amounts (万元). A grid is read with it only when its headings print `signature` (each word above the
    layout's column of that name), so another template's columns are never read by these positions."""

    columns: tuple[str, ...]
    labels: frozenset[str]
    code_column: str | None = None  # the column holding 科目编码 (kept as text)
    income_side: tuple[str, ...] = ()  # two-sided tables: columns of the income side
    signature: tuple[str, ...] = ()
    sums: tuple[str, ...] = ()  # the amount columns that add up to 合计 in each row (row identities)


_CODE_NAME = frozenset({"科目编码", "科目名称"})
_FUND_PARTS = ("一般公共预算", "政府性基金预算", "国有资本经营预算")
SCHEMAS: dict[str, Schema] = {
    "income_expenditure_summary": Schema(
        ("收入项目", "收入金额", "支出项目", "合计", "当年预算安排", "上年结转安排"),
        frozenset({"收入项目", "支出项目"}), income_side=("收入项目", "收入金额"), signature=("当年预算安排",)),
    "income_summary": Schema(
        ("科目编码", "科目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金",
         "单位资金", "上年结转"), _CODE_NAME, code_column="科目编码",
        signature=("合计", "一般公共预算", "政府性基金", "国有资本经营"),
        sums=("一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金")),
    "expenditure_summary": Schema(
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"), _CODE_NAME, code_column="科目编码",
        signature=("合计", "基本支出", "项目支出"), sums=("基本支出", "项目支出")),
    "fiscal_grant_summary": Schema(
        ("收入项目", "收入金额", "支出项目", "小计", *_FUND_PARTS), frozenset({"收入项目", "支出项目"}),
        income_side=("收入项目", "收入金额"), signature=("小计", "一般公共预算", "政府性基金预算")),
    "general_budget_expenditure": Schema(
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"), _CODE_NAME, code_column="科目编码",
        signature=("合计", "基本支出", "项目支出"), sums=("基本支出", "项目支出")),
    "basic_expenditure_economic": Schema(
        ("部门经济科目", "政府经济科目", "合计", "人员经费", "公用经费"), frozenset({"部门经济科目", "政府经济科目"}),
        signature=("合计", "人员经费", "公用经费"), sums=("人员经费", "公用经费")),
    "gov_fund_income": Schema(
        ("科目编码", "科目名称", "政府性基金收入预算"), _CODE_NAME, code_column="科目编码",
        signature=("政府性基金收入预算",)),
    "gov_fund_expenditure": Schema(
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"), _CODE_NAME, code_column="科目编码",
        signature=("合计", "基本支出", "项目支出"), sums=("基本支出", "项目支出")),
    "state_capital": Schema(
        ("收入项目", "国有资本经营收入预算", "科目编码", "科目名称", "合计", "基本支出", "项目支出"),
        frozenset({"收入项目", "科目编码", "科目名称"}), code_column="科目编码",
        income_side=("收入项目", "国有资本经营收入预算"),
        signature=("国有资本经营收入预算", "合计", "基本支出", "项目支出")),
    "three_public": Schema(
        ("项目", "合计", *_FUND_PARTS), frozenset({"项目"}), signature=("合计", "一般公共预算", "政府性基金预算")),
    "admin_operating": Schema(
        ("单位名称", "合计", *_FUND_PARTS), frozenset({"单位名称"}), signature=("单位名称", "合计", "一般公共预算"),
        sums=_FUND_PARTS),
    "project_expenditure_current": Schema(
        ("项目名称", "合计", *_FUND_PARTS, "财政专户管理资金", "单位资金"), frozenset({"项目名称"}),
        signature=("项目名称", "合计", "财政专户"), sums=(*_FUND_PARTS, "财政专户管理资金", "单位资金")),
    "project_expenditure_carryover": Schema(
        ("项目名称", "合计", *_FUND_PARTS), frozenset({"项目名称"}), signature=("项目名称", "合计", "一般公共预算")),
}


def has_signature(paths: list[tuple[str, ...]], schema: Schema) -> bool:
    """Whether a grid's column headings (a heading path per column) print a layout's signature: each word under the
    column where the layout has it (a word that names no column of the layout: under any column)."""
    for word in schema.signature:
        columns = [schema.columns.index(word)] if word in schema.columns else range(len(paths))
        if not any(c < len(paths) and any(word in heading for heading in paths[c]) for c in columns):
            return False
    return True


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
