"""Vocabulary of budget tables read by their column headers (forms.budget.grid): what a heading says its column
holds (classification codes, row labels, amounts, a total, a phase, a year), the rows of two-sided summaries
(总计, 本年收入合计, balances carried over, numbered items), cells printed in place of an amount, and the units."""

from __future__ import annotations

import re

from ingest.grammar.text import squeeze

# Column headings (squeezed). A heading path runs from the top header row down: 项目 > 功能分类科目编码 > 类.
CODE_HEADING = re.compile(r"编码|代码|^[类款项]$")
LABEL_HEADING = re.compile(r"名称$|^项目$|^科目$|^收入项目$|^支出项目$")
TOTAL_HEADING = re.compile(r"(?:合计|小计|总计)$")
# `其中：…` columns are part of the column beside them, not one more part of the total.
PART_OF_NEIGHBOUR = re.compile(r"^其中")
INCOME_HEADING = re.compile(r"收入")
EXPENDITURE_HEADING = re.compile(r"支出")
YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)")
# The phase a heading names (预算数 / 决算数 / 调整预算数). A fund's name (一般公共预算, 政府性基金预算,
# 国有资本经营预算) ends in 预算 too, and names no phase.
COLUMN_PHASES = (
    ("executed", re.compile(r"决算数|决算$|执行数")),
    ("adjusted_budget", re.compile(r"调整预算数|调整后预算")),
    ("budget", re.compile(r"预算数|(?<!公共|基金|经营)预算$")),
)

# Cells. An amount as published: `164,978,640`, `86,959,408.34`, `0`, `-3.50`; a classification code part:
# `201`, `05`, `2010507`; what stands for "nothing" in an amount cell: a dash, 无, a slash.
AMOUNT = re.compile(r"^[-−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$")
CODE_PART = re.compile(r"^\d{2,7}$")
NO_AMOUNT = re.compile(r"^(?:[-－—–―]+|无|/|／|空)$")
# A class (类) code has 3 digits, each lower level (款, 项) 2 more: functional 2xx, economic 3xx and 5xx.
CLASS_DIGITS, LEVEL_DIGITS = 3, 2

# Rows (labels squeezed).
TOTAL_ROW = re.compile(r"(?:合计|小计|总计)$")
GRAND_TOTAL_ROW = re.compile(r"^(?:收入|支出)?总计$")
YEAR_TOTAL_ROW = re.compile(r"^本年(?:收入|支出)合计$")
# Balances carried in or out of the year: 上年结转, 年初结转和结余, 使用非财政拨款结余, 年末结转和结余, 结余分配.
CARRYOVER_ROW = re.compile(
    r"^(?:上年(?:财政拨款)?结[转余]|年终结[转余]|年初.{0,10}结[转余]|年末.{0,10}结[转余]|使用.{0,16}结余|结余分配)"
)
# An item below another item: `1. 一般公共预算`, `（一）…`, `其中：…`, `①…`.
SUB_ITEM_ROW = re.compile(r"^(?:\d+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）]|其中[:：]?|[①-⑳])")


def row_role(label: str | None, after_balance: bool) -> str | None:
    """grand_total | year_total | total | carryover | sub_item | item: what a row of a table is, from its label.
    Numbered rows below a balance carried over (年初结转和结余 → 一、一般公共预算财政拨款) break that balance down."""
    if not label:
        return None
    text = squeeze(label)
    if GRAND_TOTAL_ROW.match(text):
        return "grand_total"
    if YEAR_TOTAL_ROW.match(text):
        return "year_total"
    if TOTAL_ROW.search(text):
        return "total"
    if CARRYOVER_ROW.match(text):
        return "carryover"
    if after_balance or SUB_ITEM_ROW.match(text):
        return "sub_item"
    return "item"


def column_year(path: tuple[str, ...]) -> int | None:
    """The year a column heading prints (`2023年“三公”经费预算数`, `2024年预算数`), nearest the leaf."""
    for text in reversed(path):
        m = YEAR.search(text)
        if m:
            return int(m.group("year"))
    return None
