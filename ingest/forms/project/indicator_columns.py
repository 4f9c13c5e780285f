"""Indicator grids whose heading row names each column once: the PDF grids and workbooks of the Shanghai 填报表
(`一级指标⇥二级指标⇥三级指标⇥年度(/项目)指标值`) and of the central form (`…⇥指标性质⇥指标值⇥度量单位⇥权重（分）`).

There a cell stays in the column its heading names, so cells are read by column: a cell belongs to the nearest
heading at or left of it (a merged name cell spans several grid columns), and a level-1 or level-2 cell left empty
repeats the one above (a merged cell is printed once, at the top of its span). The column, not the word, decides a
label's level: 成本指标 in the 一级指标 column is a level 1 (the 2021 framework), in the 二级指标 column a level 2 (the
older one). Each value column holds one period (年度 unless its heading says 实施期 / 中期).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from ingest.forms.project.indicator_rows import GridParse, IndicatorRow
from ingest.grammar import indicators as voc
from ingest.grammar.text import clean_text, squeeze
from ingest.grammar.values import joined_target

# How many non-blank grid lines may precede the heading row (a vertical 绩效指标 label, a blank merged row).
_HEADING_WINDOW = 3
_LABEL = "label"  # cells left of the first heading (the 绩效指标 column)
_OTHER = "other"  # a column whose heading the vocabulary does not know


@dataclass(frozen=True)
class ColumnLayout:
    heading_index: int  # 0-based line of the heading row
    starts: tuple[int, ...]  # the grid column of each heading, left to right
    roles: tuple[str, ...]  # its role (grammar.indicators.column_role, or 'other')

    def role_at(self, column: int) -> str:
        at = bisect_right(self.starts, column) - 1
        return self.roles[at] if at >= 0 else _LABEL

    @property
    def periods(self) -> list[str]:
        return [role.split(":", 1)[1] for role in self.roles if role.startswith("value:")]


def find_column_layout(lines: tuple[str, ...], first: int, last: int) -> ColumnLayout | None:
    """The heading row of a grid read by column, among its first non-blank lines: a TAB row that names one 三级指标
    column, at most one 一级指标 and one 二级指标 column, and value columns of distinct periods. The two-period grids
    of the Shanxi forms (二级指标 and 三级指标 printed once per period) have none."""
    seen = 0
    for idx in range(first, last + 1):
        line = lines[idx]
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADING_WINDOW:
            break
        if "\t" not in line:
            continue
        cells = [(i, clean_text(c)) for i, c in enumerate(line.split("\t"))]
        headings = [(i, voc.column_role(c) or _OTHER) for i, c in cells if c]
        roles = [role for _, role in headings]
        values = [role for role in roles if role.startswith("value:")]
        if roles.count("name") == 1 and roles.count("level1") <= 1 and roles.count("level2") <= 1 and values \
                and len(set(values)) == len(values):
            return ColumnLayout(idx, tuple(i for i, _ in headings), tuple(roles))
    return None


def _weight(text: str) -> Decimal | None:
    m = voc.WEIGHT_VALUE.match(squeeze(text))
    return Decimal(m.group("number")) if m else None


def parse_column_grid(lines: tuple[str, ...], first: int, last: int, layout: ColumnLayout) -> GridParse:
    """Grid lines first..last (0-based, inclusive) of a grid with the given heading row."""
    result = GridParse()
    parent = voc.vocabulary().parent
    level1: tuple[str | None, str | None] = (None, None)
    level2: tuple[str | None, str | None] = (None, None)
    positions = dict.fromkeys(layout.periods, 0)
    for idx in range(first, last + 1):
        line_no = idx + 1
        cells = [(i, clean_text(c)) for i, c in enumerate(lines[idx].split("\t"))]
        cells = [(i, c) for i, c in cells if c]
        if not cells:
            continue
        if idx <= layout.heading_index or all(voc.column_role(c) or voc.is_grid_heading(c) for _, c in cells):
            result.mark(line_no, "label")  # the heading row, what stands above it, a heading row printed again
            continue
        by_role: dict[str, str] = {}
        for i, text in cells:
            role = layout.role_at(i)
            by_role[role] = f"{by_role[role]} {text}" if role in by_role else text
        if by_role.get("level1"):
            printed = by_role["level1"]
            canonical = voc.level1_of(printed)
            if canonical is None or canonical != level1[0]:
                # A new level-1 group starts without the previous group's level 2: its only child where it has one.
                children = [c for c, p in parent.items() if p == canonical] if canonical else []
                level2 = (children[0] if len(children) == 1 else None, None)
            level1 = (canonical, printed)
        if by_role.get("level2"):
            level2 = (voc.level2_of(by_role["level2"]), by_role["level2"])
        name = by_role.get("name", "")
        weight_text = by_role.get("weight", "")
        weight = _weight(weight_text) if weight_text else None
        if weight_text and weight is None:
            result.rejects.append((line_no, "unparsable_weight", f"{name} 分值/权重 {weight_text!r}"))
        values = {period: joined_target(by_role.get("nature"), by_role.get(f"value:{period}"), by_role.get("unit"))
                  for period in layout.periods}
        if not name and not any(values.values()):
            if set(by_role) <= {_LABEL, "level1", "level2"}:
                result.mark(line_no, "label")  # labels only: a group heading row
            else:
                result.mark(line_no, "reject")
                result.rejects.append((line_no, "column_shift_unresolved",
                                       f"grid row without an indicator name or value: {[c for _, c in cells]}"))
            continue
        placeholder = voc.is_placeholder(name)
        row_level1 = level1[0] or parent.get(level2[0] or "")
        for period, target in values.items():
            result.rows.append(IndicatorRow(period, row_level1, level1[1], level2[0], level2[1], name, target,
                                            placeholder, line_no, positions[period], weight))
            positions[period] += 1
        result.mark(line_no, "placeholder" if placeholder else "indicator")
    return result
