"""The funding block of a project table (项目资金): totals and fund sources per period, as printed and in 元."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest.forms.stream import LineStream
from ingest.grammar import header as hg
from ingest.grammar.numbers import AMOUNT_WITH_UNIT, WAN_YUAN, WAN_YUAN_IMPLAUSIBLE, parse_amount, to_yuan
from ingest.grammar.text import CELL_OR_LINE, squeeze

Issue = tuple[int | None, str, str]  # (position, reason, detail)


@dataclass
class FundingAmount:
    period: str  # implementation | annual
    fund_source: str
    fund_source_label: str  # as printed (line breaks removed)
    amount_as_printed: str  # '' when the cell is blank
    amount_value: Decimal | None  # the printed number, in the unit it is printed in
    unit: str | None  # 元 or 万元: the cell's own unit, else the one stated in the 项目资金 label
    amount_yuan: Decimal | None
    unit_conflict: bool
    source_line: int | None


def _find_fund_labels(text: str) -> list[tuple[str, re.Match[str]]]:
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for period, pattern in hg.TOTAL_LABELS.items():
        candidates += [(m.start(), -m.end(), "total:" + period, m) for m in pattern.finditer(text)]
    for source, pattern in hg.FUND_SOURCE_LABELS:
        candidates += [(m.start(), -m.end(), source, m) for m in pattern.finditer(text)]
    chosen: list[tuple[str, re.Match[str]]] = []
    covered = -1
    for start, neg_end, key, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        if start >= covered:  # the longest label wins where several start at the same place
            chosen.append((key, m))
            covered = -neg_end
    return chosen


def _read_amount(text: str) -> tuple[str, object]:
    """('blank'|'amount'|'unparsable', value) for the text after a funding label."""
    value_text = text.strip().lstrip(":：").strip()
    pieces = [p for p in CELL_OR_LINE.split(value_text) if p.strip() and p.strip() not in hg.LABEL_FRAGMENTS]
    value_text = " ".join(p.strip() for p in pieces)
    if not value_text:
        return "blank", ""
    m = AMOUNT_WITH_UNIT.match(value_text)
    if m:
        rest = value_text[m.end():].strip()
        if not rest or all(tok in hg.LABEL_FRAGMENTS for tok in rest.split()):
            parsed = parse_amount(m.group(0))
            if parsed:
                return "amount", parsed
    return "unparsable", value_text


def _column(text: str, offset: int) -> int | None:
    """The cell (0-based) a position of a TAB row stands in; None on a line without TABs."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return text.count("\t", line_start, offset) if "\t" in line else None


def _periods_by_column(text: str, start: int, labels: list[tuple[str, re.Match[str]]]) -> list[str] | None:
    """Each label's period (labels found at `start` of the stream text) from the column it stands in, where the
    block's cells keep their columns (a PDF or workbook grid): the annual side is every cell at or right of the
    年度资金总额 label. None where the columns cannot say (no TAB cells, no annual total label) or contradict the
    labels (a source twice on one side, a total on the other side, as the cells of the DOCX exports shift): the
    order of the labels decides there."""
    annual = next((m for key, m in labels if key == "total:annual"), None)
    annual_column = _column(text, start + annual.start()) if annual else None
    if annual_column is None:
        return None
    periods: list[str] = []
    sides: set[tuple[str, str]] = set()
    for key, m in labels:
        column = _column(text, start + m.start())
        if column is None:
            return None
        period = "annual" if column >= annual_column else "implementation"
        if key.startswith("total:") and key != "total:" + period or (key, period) in sides:
            return None
        sides.add((key, period))
        periods.append(period)
    return periods


def parse_funding(stream: LineStream, start: int, end: int, stated_unit: str | None,
                  ) -> tuple[list[FundingAmount], list[Issue]]:
    amounts: list[FundingAmount] = []
    issues: list[Issue] = []
    text = stream.text[start:end]
    labels = _find_fund_labels(text)
    by_column = _periods_by_column(stream.text, start, labels)
    seen: dict[str, int] = {}
    previous_source: str | None = None
    for n, (key, m) in enumerate(labels):
        value_end = labels[n + 1][1].start() if n + 1 < len(labels) else len(text)
        kind, value = _read_amount(text[m.end():value_end])
        label_text = squeeze(m.group(0))
        if key.startswith("total:"):
            period, source = key.split(":")[1], "total"
            if key in seen:
                issues.append((stream.line_at(start + m.start()), "column_shift_unresolved",
                                      f"second {label_text} label in the funding block"))
                continue
            seen[key] = 1
        else:
            source = key
            if source == "transfer_unspecified" and previous_source and previous_source.startswith("transfer_") \
                    and seen.get(previous_source) == 1:
                source = previous_source
            count = seen.get(source, 0)
            seen[source] = count + 1
            previous_source = source
            if count >= 2:
                issues.append((stream.line_at(start + m.start()), "column_shift_unresolved",
                                      f"third {label_text} label in the funding block"))
                continue
            period = "implementation" if count == 0 else "annual"
            if by_column:
                period = by_column[n]
        value_offset = start + m.end() + (len(text[m.end():value_end]) - len(text[m.end():value_end].lstrip()))
        line = stream.line_at(value_offset if kind != "blank" else start + m.start())
        amount = FundingAmount(period, source, label_text, "", None, stated_unit, None, False, line)
        if kind == "amount":
            amount.amount_as_printed = value.text
            amount.amount_value = value.value
            amount.unit = value.unit or stated_unit
            if value.unit and stated_unit and value.unit != stated_unit:
                amount.unit_conflict = True
            if amount.unit == WAN_YUAN and abs(value.value) >= WAN_YUAN_IMPLAUSIBLE and value.unit is None:
                amount.unit_conflict = True
            if amount.unit:
                amount.amount_yuan = to_yuan(value.value, amount.unit)
                if amount.amount_yuan is None:
                    issues.append((line, "unparsable_amount", f"{label_text} {value.text}: implausibly large"))
            else:
                issues.append((line, "missing_funds_unit", f"no 项目资金 unit for {label_text} {value.text}"))
            if amount.unit_conflict:
                issues.append((line, "unit_conflict",
                                      f"{label_text} {value.text} under a （{stated_unit}） label"))
        elif kind == "unparsable":
            amount.amount_as_printed = value
            issues.append((line, "unparsable_amount", f"{label_text} {value!r}"))
        amounts.append(amount)
    return amounts, issues
