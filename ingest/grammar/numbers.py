"""Amounts as printed in the forms: thousands separators, stray spaces, decimals, units; normalized to 元."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

UNIT_FACTORS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
# No figure of a local budget comes near a trillion in any unit: a longer number is a misprint or garbage, and
# would not fit the warehouse's decimal columns.
MAX_PRINTED = Decimal(10) ** 12
MAX_YUAN = Decimal(10) ** 17


WAN_YUAN = "万元"
# A 万元 figure this large (≥ 10亿元 for one project) is almost surely printed in 元 under a 万元 label.
WAN_YUAN_IMPLAUSIBLE = Decimal(100_000)
GRID_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # any number printed in an indicator grid (its fingerprint)


def is_plausible(value: Decimal) -> bool:
    return abs(value) < MAX_PRINTED

# `5,072,219`, `2,131, 157` and `6, 160,760` (a space after a comma), `164,391.6`, `61.2653`, `6964800`, `0`.
# A comma must be followed by exactly three digits, so `1,2` or `12,34` is not one number.
# Full-width digits, comma and point (`３，３４０，０００`) are the same number (\d matches any decimal digit).
AMOUNT = re.compile(r"(?P<sign>[-−－])?(?P<digits>\d{1,3}(?:[,，]\s?\d{3})+|\d+)(?:[.．](?P<frac>\d+))?(?!\d)")
AMOUNT_WITH_UNIT = re.compile(AMOUNT.pattern + r"\s*(?P<unit>万元|亿元|元)?")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


def fold_number_width(text: str) -> str:
    """Full-width digits, comma and point made ASCII (`１２４５．５９` -> `1245.59`)."""
    return text.translate(_FULL_WIDTH_DIGITS)



@dataclass(frozen=True)
class ParsedAmount:
    value: Decimal  # the number as printed, in the printed unit
    unit: str | None  # unit printed next to the number (`14.03 万元`), if any
    text: str  # the matched text, as printed


def parse_amount(text: str) -> ParsedAmount | None:
    """The amount a cell holds when the whole cell is one number (optionally with a unit); else None."""
    cell = fold_number_width(text).strip()
    m = AMOUNT_WITH_UNIT.fullmatch(cell)
    if not m:
        return None
    digits = re.sub(r"[,\s]", "", m.group("digits"))
    value = Decimal(digits + ("." + m.group("frac") if m.group("frac") else ""))
    if m.group("sign"):
        value = -value
    if not is_plausible(value):
        return None
    return ParsedAmount(value, m.group("unit"), text.strip())


def to_yuan(value: Decimal, unit: str) -> Decimal | None:
    """The amount in 元; None when it would exceed any plausible budget figure."""
    return scale_to_yuan(value, UNIT_FACTORS[unit])


def scale_to_yuan(value: Decimal, factor: Decimal) -> Decimal | None:
    yuan = value * factor
    return yuan.quantize(Decimal("0.01")) if abs(yuan) < MAX_YUAN else None
