"""Indicator-grid vocabulary: level-1 / level-2 labels and their printed variants, read from the dbt seed
`seeds/indicator_label_variants.csv` so that the parsers and the models share one framework."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.grammar.header import spaced
from ingest.grammar.text import squeeze

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"

# Cells that belong to the grid's own headings, not to any indicator.
GRID_HEADINGS = frozenset({"一级指标", "二级指标", "三级指标", "指标值", "中期指标", "年度指标", "绩效指标", "指标"})
_GRID_HEADING_PREFIX = re.compile(r"^(?:绩效(?:指标|目标)?|绩|效|指|标)$")
PLACEHOLDER = re.compile(r"^(?:指标\s*\d+\s*[:：]?|[.…。]{2,}|-{2,})$")
PLACEHOLDER_PREFIX = re.compile(r"^指标\s*\d+\s*[:：]\s*(?=\S)")


@dataclass(frozen=True)
class Vocabulary:
    level1: dict[str, str]  # printed (squeezed) -> canonical
    level2: dict[str, str]
    parent: dict[str, str]  # canonical level 2 -> level 1 (both frameworks: a level 2 belongs to one level 1)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    level1: dict[str, str] = {}
    level2: dict[str, str] = {}
    with open(SEED_DIR / "indicator_label_variants.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            (level1 if row["level"] == "1" else level2)[row["printed_label"]] = row["canonical_label"]
    with open(SEED_DIR / "indicator_framework.csv", encoding="utf-8") as fh:
        parent = {row["level2"]: row["level1"] for row in csv.DictReader(fh)}
    return Vocabulary(level1, level2, parent)


def level1_of(cell: str) -> str | None:
    return vocabulary().level1.get(squeeze(cell))


def level2_of(cell: str) -> str | None:
    return vocabulary().level2.get(squeeze(cell))


def is_grid_heading(cell: str) -> bool:
    text = squeeze(cell)
    return text in GRID_HEADINGS or bool(_GRID_HEADING_PREFIX.match(text))


def is_placeholder(cell: str) -> bool:
    return bool(PLACEHOLDER.match(squeeze(cell)))


@lru_cache(maxsize=1)
def text_label_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """(pattern, group name -> 'level:canonical') for labels inside pdftotext lines.

    Full labels only (with 指标, possibly broken over lines), at the start of a line or after a space. Bare words
    (产出, 可持续影响) are left to the TAB classifier, where a cell is a unit."""
    voc = vocabulary()
    alternatives: list[tuple[str, str]] = []
    for printed, canonical in voc.level2.items():
        if printed.endswith("指标") or printed.endswith("指"):
            alternatives.append((printed, f"2:{canonical}"))
    for printed, canonical in voc.level1.items():
        if printed.endswith("指标") and printed not in voc.level2:  # 成本指标 reads as a level 2 (promotes_to_level1)
            alternatives.append((printed, f"1:{canonical}"))
    alternatives.sort(key=lambda a: -len(a[0]))  # longest first: 服务对象满意度指标 before 满意度指标
    groups = "|".join(f"(?P<g{i}>{spaced(printed)})" for i, (printed, _) in enumerate(alternatives))
    pattern = re.compile(r"(?<![^ \t\n])(?:" + groups + ")")
    return pattern, {f"g{i}": key for i, (_, key) in enumerate(alternatives)}


# Endings of indicator names (率, 度, 时间 …): where a wrapped name most likely stops and its value begins.
NAME_ENDING = re.compile(
    r"(?:率|度|数|量|时间|时限|期限|时效|成本|性|比例|面积|标准|情况|金额|经费|费用|费|天数|周期|次数|规模|效果|能力|水平|"
    r"里程|项目)[)）]?$"
)
UNIT_ONLY = re.compile(r"^(?:%|％|[\u4e00-\u9fff/㎡]{1,5})$")  # a line holding only a unit (`万元`, `平方米`)
STRAY_LABEL_CHAR = re.compile(r"^标\s+(?=\S)")  # a `标` of the vertical 绩效指标 label glued onto a name
LEVEL1_HEADING, LEVEL2_HEADING = "一级指标", "二级指标"  # the grid's column headings
VERTICAL_HEADING_PIECES = frozenset({"绩", "效", "指", "标", "绩效", "指标"})  # 绩效指标 printed down a column


# Grids whose heading row names each column once (PDF grids and workbooks of the Shanghai 填报表 and the central
# form): `一级指标⇥二级指标⇥三级指标⇥年度(/项目)指标值`,
# `一级指标⇥二级指标⇥三级指标⇥指标性质⇥指标值⇥度量单位⇥权重（分）`.
LEVEL3_HEADING = "三级指标"
# A target-value column and the period it holds: 年度 (also 年度(/项目), a one-year table's only column) or the whole
# implementation period (实施期 / 中期). A bare 指标值 in a grid with one value column is the year's.
VALUE_HEADING = re.compile(
    r"^(?:(?P<implementation>实施期|中期)|(?P<annual>年度|全年|当年))?(?:[（(][^)）]{0,6}[)）])?(?:指标值|目标值)$"
)
NATURE_HEADING = re.compile(r"^指标性质$")  # the comparator column (≥, ≤, =, 定性)
UNIT_HEADING = re.compile(r"^(?:度量|计量)单位$")
WEIGHT_HEADING = re.compile(r"^(?:执行率)?(?:分值|权重)(?:[（(]分[)）])?$")  # 分值, 权重, 权重（分）, 执行率分值
WEIGHT_VALUE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)分?$")


def column_role(heading: str) -> str | None:
    """The role of a grid column from its heading cell: level1, level2, name, value:<period>, nature, unit or
    weight; None for any other cell."""
    text = squeeze(heading)
    if text == LEVEL1_HEADING:
        return "level1"
    if text == LEVEL2_HEADING:
        return "level2"
    if text == LEVEL3_HEADING:
        return "name"
    m = VALUE_HEADING.match(text)
    if m:
        return "value:" + ("implementation" if m.group("implementation") else "annual")
    if NATURE_HEADING.match(text):
        return "nature"
    if UNIT_HEADING.match(text):
        return "unit"
    if WEIGHT_HEADING.match(text):
        return "weight"
    return None


def promotes_to_level1(cell: str, next_cell: str) -> bool:
    """A label printed both as a level 1 and as a level 2 (成本指标: a level 2 of 产出指标 in the older framework, a
    level 1 of its own in the 2021 one, 财预〔2021〕101号) is a level 1 where the next label is one of its level 2s."""
    level1, level2 = level1_of(cell), level2_of(next_cell)
    return level1 is not None and level2_of(cell) is not None and level2 is not None \
        and vocabulary().parent.get(level2) == level1
