"""Indicator rows as parsed from a grid, before the two periods are matched."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class IndicatorRow:
    period: str  # implementation | annual
    level1: str | None  # canonical 一级指标 printed (or carried from the group's first row)
    level1_printed: str | None
    level2: str | None  # canonical 二级指标
    level2_printed: str | None
    name: str  # 三级指标 as printed
    target_text: str  # 指标值 as printed, whitespace-normalized
    is_placeholder: bool
    source_line: int
    position: int = 0  # order of the row within its period
    weight: Decimal | None = None  # 分值 / 权重, where the grid prints a score column


@dataclass
class GridParse:
    rows: list[IndicatorRow] = field(default_factory=list)
    line_status: dict[int, str] = field(default_factory=dict)  # line -> indicator | label | placeholder | reject
    rejects: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, detail)

    def mark(self, line: int, status: str) -> None:
        # An indicator beats a label beats a reject when a line holds several things.
        rank = {"indicator": 3, "placeholder": 2, "label": 1}
        if rank.get(status, 0) >= rank.get(self.line_status.get(line, ""), 0):
            self.line_status[line] = status
