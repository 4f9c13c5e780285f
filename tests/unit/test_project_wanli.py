"""The five project tables of the Shanghai sample (万里街道 2023 department budget, pages 31-35) read into records that
agree with the pages: the expected values are the transcription of the page images in
tests/data/sample_pdfs/wanli.json (kind "whole"), not anything the parsers produced.

The transcription lists a row's non-empty cells left to right, a merged cell once, at the top of its span; so a
grid row of 5 cells prints 绩效指标, the level 1, the level 2, the name and the target; 4 cells the level 1 onwards;
3 the level 2 onwards; 2 only the name and the target (the labels above it carry down).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from ingest.forms.document import locate, parse_project_tables
from ingest.forms.project.segment import find_project_tables
from ingest.forms.result import ParseResult
from ingest.grammar.text import squeeze
from ingest.readers import read_path
from tests.conftest import SHIPPED_RAW

TRANSCRIPTION = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "sample_pdfs" / "wanli.json").read_text(encoding="utf-8"))
PAGES = {entry["page"]: entry["rows"] for entry in TRANSCRIPTION["tables"]
         if entry["kind"] == "whole" and entry["title"] == "财政项目支出绩效目标填报表"}

# How each target printed on these pages reads (comparator, number, unit, kind), worked out by hand from the text.
# Targets that are words, or sentences with a number inside (可控性100%, 开展至少1次团体心理治疗), are qualitative.
TARGETS = {
    "≥13459.00(平方米)": (">=", "13459", "平方米", "numeric"),
    "=100.00(%)": ("=", "100", "%", "percent"),
    "≥80.00(%)": (">=", "80", "%", "percent"),
    "≥12.00(次)": (">=", "12", "次", "numeric"),
    "不低于50%": (">=", "50", "%", "percent"),
    ">6.00(次)": (">", "6", "次", "numeric"),
    "≥1.00(个)": (">=", "1", "个", "numeric"),
    "≥100.00(人数)": (">=", "100", "人数", "numeric"),
    ">150.00(家)": (">", "150", "家", "numeric"),
    "≥8.00(次)": (">=", "8", "次", "numeric"),
    "=12.00(次)": ("=", "12", "次", "numeric"),
    "=1.00(次)": ("=", "1", "次", "numeric"),
    "=5.00(万人次)": ("=", "5", "万人次", "numeric"),
    "≥120.00(人次)": (">=", "120", "人次", "numeric"),
    "90.00(度)": (None, "90", "度", "numeric"),
    "=300.00(场)": ("=", "300", "场", "numeric"),
    "90%": (None, "90", "%", "percent"),
    "≥95.00(%)": (">=", "95", "%", "percent"),
    "不低于50人次的个体心理咨询辅导": (">=", None, None, "qualitative"),  # a sentence, not a measure
}


@cache
def _parsed() -> ParseResult:
    doc = read_path(SHIPPED_RAW / TRANSCRIPTION["file"])
    return locate(doc, parse_project_tables(doc, find_project_tables(doc.lines)))


def _project(page: int):
    (project,) = [p for p in _parsed().project_tables if p.source_page == page]
    return project


def _expected_indicators(rows: list[list[str]]) -> list[tuple[str, str, str, str]]:
    """(level 1, level 2, name, target) of every grid row, the merged labels carried down."""
    heading = next(i for i, row in enumerate(rows) if row[0] == "一级指标")
    level1 = level2 = None
    out = []
    for row in rows[heading + 1:]:
        cells = row[1:] if len(row) == 5 else row  # the 绩效指标 column, printed on the first row only
        if len(cells) == 4:
            level1, level2 = cells[0], cells[1]
        elif len(cells) == 3:
            level2 = cells[0]
        out.append((level1, level2, cells[-2], cells[-1]))
    return out


def test_the_five_project_tables_are_found_one_per_page():
    projects = _parsed().project_tables
    assert [(p.title_page, p.title_line, p.source_page, p.source_line) for p in projects] == \
        [(page, 1, page, 3) for page in (31, 32, 33, 34, 35)]
    assert [p.title for p in projects] == ["财政项目支出绩效目标填报表"] * 5
    assert [p.year_printed for p in projects] == [2023] * 5
    assert sorted(PAGES) == [31, 32, 33, 34, 35]


@pytest.mark.parametrize("page", [31, 32, 33, 34, 35])
def test_header_fields_as_printed(page):
    rows = PAGES[page]
    project = _project(page)
    name_row, department_row, dates_row = rows[2], rows[3], rows[4]
    assert project.project_name == name_row[1]
    assert (project.project_attribute, project.project_class) == (name_row[3], name_row[5])
    assert (project.department_name, project.department_code, project.implementing_unit) == \
        (department_row[1], None, department_row[3])
    assert (project.planned_start_date, project.planned_end_date) == \
        (dt.date.fromisoformat(dates_row[1]), dt.date.fromisoformat(dates_row[3]))
    assert project.funds_unit_stated == "元"
    goals = rows[rows.index(["项目绩效目标", "项目总目标", "年度总体目标"]) + 1]
    assert (squeeze(project.overall_goal_implementation), squeeze(project.overall_goal_annual)) == \
        (squeeze(goals[0]), squeeze(goals[1]))
    assert project.goal_split == "cells"


def test_project_classes_and_attributes():
    assert [(p.project_attribute, p.project_class) for p in _parsed().project_tables] == [
        ("阶段性项目", "特定目标类"), ("经常性项目", "特定目标类"), ("经常性项目", "特定目标类"),
        ("经常性项目", "特定目标类"), ("经常性项目", "其他运转类")]


@pytest.mark.parametrize("page", [31, 32, 33, 34, 35])
def test_funding_by_period_and_source(page):
    rows = PAGES[page]
    totals, fiscal, carryover, other = rows[5], rows[6], rows[7], rows[8]
    expected = {
        ("implementation", "total"): (totals[1], totals[2]),
        ("annual", "total"): (totals[3], totals[4]),
        ("implementation", "fiscal_funds"): (fiscal[0], fiscal[1]),
        ("annual", "fiscal_grant"): (fiscal[2], fiscal[3]),
        ("annual", "carryover"): (carryover[0], carryover[1]),
        ("implementation", "other"): (other[0], other[1]),
        ("annual", "other"): (other[2], other[3]),
    }
    project = _project(page)
    funding = [f for f in _parsed().project_funding if f.project_id == project.project_id]
    assert {(f.period, f.fund_source): (f.fund_source_label, f.amount_as_printed) for f in funding} == expected
    for f in funding:
        assert f.amount_yuan == Decimal(f.amount_as_printed.replace(",", "")) and f.unit == "元"
        assert f.source_page == page
    # lineage: the totals on the 6th line of the page, each source on the line it is printed on
    assert {(f.period, f.fund_source): f.source_line for f in funding} == {
        ("implementation", "total"): 6, ("annual", "total"): 6, ("implementation", "fiscal_funds"): 7,
        ("annual", "fiscal_grant"): 7, ("annual", "carryover"): 8,
        ("implementation", "other"): 9, ("annual", "other"): 9}


def test_the_page_35_appropriation_above_its_total_is_loaded_as_printed():
    project = _project(35)
    annual = {f.fund_source: f.amount_yuan for f in _parsed().project_funding
              if f.project_id == project.project_id and f.period == "annual"}
    assert annual["total"] == Decimal("10903043.00")
    assert annual["fiscal_grant"] == Decimal("11419043.00")  # a defect of the publication (rule A04)
    assert annual["fiscal_grant"] + annual["carryover"] + annual["other"] > annual["total"]


@pytest.mark.parametrize("page", [31, 32, 33, 34, 35])
def test_every_indicator_as_printed(page):
    project = _project(page)
    indicators = [i for i in _parsed().indicators if i.project_id == project.project_id]
    expected = _expected_indicators(PAGES[page])
    assert [(i.level1, i.level2, i.indicator_name, i.target_text) for i in indicators] == expected
    assert {i.period for i in indicators} == {"annual"}  # one value column: 年度(/项目)指标值
    assert [i.position for i in indicators] == list(range(1, len(expected) + 1))
    # lineage: the grid heading is the 12th line of the page, the indicators follow it line by line
    assert [(i.source_page, i.source_line) for i in indicators] == [(page, 13 + n) for n in range(len(expected))]
    assert not any(i.is_placeholder for i in indicators)
    assert all(i.level1_printed == i.level1 and i.level2_printed == i.level2 for i in indicators)


def test_indicator_counts_per_project():
    counts = {}
    for project in _parsed().project_tables:
        counts[project.source_page] = sum(1 for i in _parsed().indicators if i.project_id == project.project_id)
    assert counts == {31: 5, 32: 4, 33: 4, 34: 43, 35: 9}


def test_every_target_reads_as_worked_out_by_hand():
    indicators = _parsed().indicators
    for i in indicators:
        comparator, value, unit, kind = TARGETS.get(i.target_text, (None, None, None, "qualitative"))
        assert (i.comparator, i.target_value, i.target_unit, i.value_kind) == \
            (comparator, Decimal(value) if value else None, unit, kind), i.target_text
        assert i.target_value_yuan is None  # no money target on these pages
    # every numeric form printed on the pages is among the indicators
    assert set(TARGETS) <= {i.target_text for i in indicators}


def test_every_line_of_the_five_tables_is_accounted_for():
    result = _parsed()
    assert result.rejects == []
    for project in result.project_tables:
        n = sum(1 for i in result.indicators if i.project_id == project.project_id)
        assert (project.grid_lines, project.grid_lines_indicator, project.grid_lines_label,
                project.grid_lines_rejected) == (n + 1, n, 1, 0)
