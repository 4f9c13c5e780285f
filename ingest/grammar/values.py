"""Target values (指标值): comparator, number, unit and kind; and peeling a value off the end of a text cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ingest.grammar.numbers import UNIT_FACTORS, is_plausible, scale_to_yuan

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．，＜＞＝：", "0123456789%.,<>=:")
_PREFIX_COMPARATORS = (
    ("大于等于", ">="), ("不低于", ">="), ("不少于", ">="), ("≥", ">="), (">=", ">="), ("≧", ">="),
    ("小于等于", "<="), ("不高于", "<="), ("不超过", "<="), ("不超", "<="), ("≤", "<="), ("<=", "<="), ("≦", "<="),
    ("大于", ">"), (">", ">"), ("小于", "<"), ("<", "<"), ("=", "="), ("等于", "="),
)
_SUFFIX_COMPARATORS = (("以上", ">="), ("以下", "<="), ("以内", "<="))
# A number may carry stray spaces from PDF extraction: `≥193 人`, `≤60. 1594 万元`, `2,131, 157`.
_NUMBER = r"\d+(?:[,，]\s?\d{3})*(?:[.．]\s?\d+)?"  # \d and the separators also match full-width forms
_NUMERIC = re.compile(rf"^(?P<number>{_NUMBER})\s*(?P<unit>[^\d\s][^\d]*?)?$")
_DATE = re.compile(
    r"^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*日)"
    r"\s*(?:前|底前|底|内|以前|之前|全年|完成)?.*$|.*(?:月底前|日前|日内|年底前|年底|工作日内|季度|个月内|月内|天内|小时内)$"
)
MONEY_UNITS = ("亿元", "万元", "元")
# A unit printed in parentheses after the number (`≥13459.00(平方米)`, `=100.00(%)`, `=5.00(万人次)`).
_UNIT_IN_PARENS = re.compile(r"^[(（](?P<unit>[^()（）]+)[)）]$")
# What follows the number holds 的: a sentence (`不低于50人次的个体心理咨询辅导`), not a unit: qualitative.
_SENTENCE_AFTER_NUMBER = re.compile(r"的")


@dataclass(frozen=True)
class Target:
    text: str  # whitespace-normalized as printed
    comparator: str | None
    value: Decimal | None
    unit: str | None
    kind: str  # numeric | percent | date | qualitative | empty
    value_yuan: Decimal | None  # where the unit is money (元, 万元, 亿元, also per-unit rates such as 万元/家)


def normalize_target_text(text: str) -> str:
    return " ".join((text or "").split())


def _money_factor(unit: str | None) -> Decimal | None:
    if not unit:
        return None
    for money in MONEY_UNITS:
        if unit == money or unit.startswith(money + "/"):
            return UNIT_FACTORS[money]
    if unit == "万" or unit.startswith("万/"):  # a bare 万 after an amount is 万元 (`会议成本 51万`)
        return UNIT_FACTORS["万元"]
    return None


@lru_cache(maxsize=16384)  # targets repeat a great deal (及时, 100%, ≥95%)
def parse_target(text: str | None) -> Target:
    printed = normalize_target_text(text or "")
    if not printed:
        return Target("", None, None, None, "empty", None)
    work = printed.translate(_FULL_WIDTH).replace(" ", "")
    comparator = None
    for word, op in _PREFIX_COMPARATORS:
        if work.startswith(word):
            comparator, work = op, work[len(word):]
            break
    for word, op in _SUFFIX_COMPARATORS:
        if comparator is None and work.endswith(word) and work[:1].isdigit():
            comparator, work = op, work[: -len(word)]
            break
    m = _NUMERIC.match(work)
    if m and not _DATE.match(work):
        try:
            value = Decimal(m.group("number").replace(",", "").replace(" ", ""))
        except InvalidOperation:
            value = None
        if value is not None and not is_plausible(value):
            return Target(printed, comparator, None, None, "qualitative", None)  # digits, not a measure
        unit = m.group("unit") or None
        bracketed = _UNIT_IN_PARENS.match(unit or "")
        if bracketed:
            unit = bracketed.group("unit")
        elif unit and _SENTENCE_AFTER_NUMBER.search(unit):
            return Target(printed, comparator, None, None, "qualitative", None)
        kind = "percent" if unit == "%" else "numeric"
        factor = _money_factor(unit)
        value_yuan = scale_to_yuan(value, factor) if factor is not None and value is not None else None
        return Target(printed, comparator, value, unit, kind, value_yuan)
    if _DATE.match(work):
        return Target(printed, comparator, None, None, "date", None)
    # A comparator word before a non-number (`大于等于上年度`) keeps its comparator; plain words have none.
    return Target(printed, comparator, None, None, "qualitative", None)


# Shapes a value can take at the end of a cell, for peeling it off a `name value` text.
_VALUE_AT_END = re.compile(
    rf"(?:(?:[≥≤><＞＜=≧≦]|大于等于|小于等于|不低于|不少于|不高于|不超过)\s*)?"
    rf"(?:{_NUMBER}|[0-9０-９]+)\s*(?:%|％|[^\s\d（(]{{0,8}})?$"
)


_DATE_AT_END = re.compile(
    r"(?<![\d])(?:(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?|\d{1,2}\s*日"
    r"|\d+\s*个?\s*(?:工作)?\s*(?:日|天|月|小时))\s*(?:底前|前|底|以内|内|以前|之前)$"
)


_NAME_LIKE_END = re.compile(r"(?:率|度|数|量|时间|期限|成本|性|标准|人数|次数|面积)[)）]?$")


def peel_value(text: str) -> tuple[str, str]:
    """Split `name value` printed on one line: a date/period or numeric/percent value at the end, else the last
    space-separated token. Returns (name, value); value is '' when nothing can be peeled."""
    text = normalize_target_text(text)
    m = _DATE_AT_END.search(text)
    if not (m and m.start() > 0 and text[m.start() - 1] == " "):
        m = _VALUE_AT_END.search(text)
    if m and m.start() > 0:
        name, value = text[: m.start()].rstrip(), text[m.start():]
        # A short qualifier printed before the number belongs to the value (`审批后 7 日内`, `提高 15%`).
        head, _, qualifier = name.rpartition(" ")
        if head and 1 <= len(qualifier) <= 4 and not qualifier[-1:].isdigit() and not _NAME_LIKE_END.search(qualifier):
            return head.rstrip(), f"{qualifier} {value}"
        return name, value
    if m and text[:1] in "≥≤<>＜＞=≧≦0123456789":
        return "", text  # a value printed without its name
    if " " in text:
        name, value = text.rsplit(" ", 1)
        return name.rstrip(), value
    return text, ""


def comparator_of(cell: str | None) -> str | None:
    """The comparator a cell holds when it holds nothing else (the 指标性质 column: `≥`, `≤`, `=`, `大于等于`)."""
    work = (cell or "").translate(_FULL_WIDTH).replace(" ", "")
    return next((op for word, op in _PREFIX_COMPARATORS if work == word), None)


def joined_target(nature: str | None, value: str | None, unit: str | None) -> str:
    """One target from the three cells a grid may print it in (指标性质 ⇥ 指标值 ⇥ 度量单位: `≥` `500` `人次` ->
    `≥500人次`): the comparator where the nature cell is one and the value does not start with its own, the unit where
    the value is a bare number. A nature that is not a comparator (定性) adds nothing."""
    text = normalize_target_text(value or "")
    if not text:
        return ""
    comparator = comparator_of(nature)
    if comparator and parse_target(text).comparator is None:
        text = normalize_target_text(nature) + text
    unit_text = normalize_target_text(unit or "")
    target = parse_target(text)
    if unit_text and target.kind == "numeric" and target.unit is None:
        text += unit_text
    return text
