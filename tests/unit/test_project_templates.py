"""Project tables of other governments' templates, on excerpts written by hand (tests/project_templates.py): the
Shanghai 填报表 (header fields, funding sides by column, goals, a one-period grid), the central form's score column,
and both indicator frameworks (成本指标 a level 2 of 产出指标, or a level 1 of its own since 财预〔2021〕101号)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ingest.forms.project.header import read_project_header
from ingest.forms.project.indicators import indicator_records, parse_indicator_grid
from ingest.forms.project.segment import find_project_tables
from ingest.forms.project.table import parse_project_table
from ingest.grid.model import Document
from ingest.readers import read_bytes
from tests.project_templates import GRID_2021, GRID_LEGACY, HEADING, T, central_grid, fill_in_form


def _header(lines: list[str]):
    lines_t = tuple(lines)
    (seg,) = find_project_tables(lines_t)
    return seg, read_project_header(lines_t, seg)


def _grid(lines: list[str]):
    grid = parse_indicator_grid(tuple(lines), 0, len(lines) - 1)
    return grid, indicator_records("p", "d", "f.txt", grid)


def _document(lines: list[str]) -> Document:
    return read_bytes("f.txt", "\n".join(lines).encode("utf-8"))


def _rows(records) -> list[tuple]:
    return [(r.period, r.level1, r.level2, r.indicator_name, r.target_text) for r in records]


def test_a_fill_in_form_is_a_project_table_with_its_year():
    seg, _ = _header(fill_in_form())
    assert (seg.title, seg.year_printed, seg.title_line, seg.name_line) == ("财政项目支出绩效目标填报表", 2025, 1, 3)


def test_fill_in_form_header_fields():
    _, header = _header(fill_in_form(start="2025-03-01", end="2025-11-30"))
    f = header.fields
    assert (f["department_name"], f["department_code"]) == ("某某区人力资源和社会保障局", None)
    assert f["implementing_unit"] == "某某区就业促进中心"
    # 项目性质 and 项目类别 stand on the 项目名称 row, after the name
    assert (f["project_attribute"], f["project_class"]) == ("经常性项目", "特定目标类")
    assert (f["planned_start_date"], f["planned_end_date"]) == (dt.date(2025, 3, 1), dt.date(2025, 11, 30))
    assert f["funds_unit_stated"] == "元"
    assert f["overall_goal_implementation"] == "三年内培训城乡劳动者一千五百人次"
    assert f["overall_goal_annual"] == "年内培训城乡劳动者五百人次"
    assert header.issues == []


def test_the_name_row_keeps_the_name_only():
    lines = fill_in_form("社区服务中心运行经费")
    (seg,) = find_project_tables(tuple(lines))
    doc = _document(lines)
    (project,) = parse_project_table(doc, seg).project_tables
    assert project.project_name == "社区服务中心运行经费"


def test_fill_in_form_funding_sides_are_told_by_column():
    _, header = _header(fill_in_form(total="1,200,000.00", fiscal="1,100,000.00", appropriation="900,000.00",
                                     carryover="200,000.00", other="100,000.00"))
    amounts = {(a.period, a.fund_source): (a.fund_source_label, a.amount_as_printed, a.amount_yuan)
               for a in header.funding}
    assert amounts == {
        ("implementation", "total"): ("项目资金总额", "1,200,000.00", Decimal("1200000.00")),
        ("annual", "total"): ("年度资金申请总额", "1,200,000.00", Decimal("1200000.00")),
        # the first source of each side: 财政资金 on the left, 当年财政拨款 at and right of the annual total's column
        ("implementation", "fiscal_funds"): ("其中：财政资金", "1,100,000.00", Decimal("1100000.00")),
        ("annual", "fiscal_grant"): ("其中：当年财政拨款", "900,000.00", Decimal("900000.00")),
        ("annual", "carryover"): ("上年结转资金", "200,000.00", Decimal("200000.00")),
        ("implementation", "other"): ("其他资金", "100,000.00", Decimal("100000.00")),
        ("annual", "other"): ("其他资金", "100,000.00", Decimal("100000.00")),
    }
    lines = {(a.period, a.fund_source): a.source_line for a in header.funding}
    assert lines[("annual", "carryover")] == 8 and lines[("implementation", "fiscal_funds")] == 7


def test_an_annual_source_above_the_total_is_loaded_as_printed():
    _, header = _header(fill_in_form(total="10,903,043.00", appropriation="11,419,043.00"))
    amounts = {(a.period, a.fund_source): a.amount_yuan for a in header.funding}
    assert amounts[("annual", "total")] == Decimal("10903043.00")
    assert amounts[("annual", "fiscal_grant")] == Decimal("11419043.00")
    assert header.issues == []  # a defect of the publication, for the rules (A04), not a parse problem


def test_an_unreadable_planned_date_is_a_reject_not_a_guess():
    _, header = _header(fill_in_form(start="2025-13-01", end="年底"))
    assert (header.fields["planned_start_date"], header.fields["planned_end_date"]) == (None, None)
    assert [(line, reason) for line, reason, _ in header.issues] == [(5, "unparsable_date"), (5, "unparsable_date")]


def test_a_one_period_grid_is_read_by_column_and_carries_merged_labels_down():
    lines = [HEADING,
             f"绩效指标{T}产出指标{T}数量指标{T}整治行动{T}{T}{T}≥12.00(次){T}",
             f"{T}{T}{T}宣传活动{T}{T}{T}=1.00(次){T}",  # level 1 and level 2 merged from the row above
             f"{T}{T}质量指标{T}项目质量可控性{T}{T}{T}可控性100%{T}",
             f"{T}满意度指标{T}服务对象满意度指标{T}居民满意度{T}{T}{T}90%{T}"]
    grid, records = _grid(lines)
    assert _rows(records) == [
        ("annual", "产出指标", "数量指标", "整治行动", "≥12.00(次)"),
        ("annual", "产出指标", "数量指标", "宣传活动", "=1.00(次)"),
        ("annual", "产出指标", "质量指标", "项目质量可控性", "可控性100%"),
        ("annual", "满意度指标", "服务对象满意度指标", "居民满意度", "90%"),
    ]
    assert [(r.comparator, r.target_value, r.target_unit) for r in records[:2]] == \
        [(">=", Decimal("12"), "次"), ("=", Decimal("1"), "次")]
    assert [r.indicator_id for r in records] == ["p:a1", "p:a2", "p:a3", "p:a4"]
    assert grid.line_status == {1: "label", 2: "indicator", 3: "indicator", 4: "indicator", 5: "indicator"}
    assert grid.rejects == []


def test_the_column_decides_the_level_of_cost_2021_framework():
    _, records = _grid(GRID_2021)
    assert [(r.level1, r.level2, r.indicator_name) for r in records] == [
        ("产出指标", "数量指标", "培训人次"),
        ("产出指标", "时效指标", "完成时间"),
        ("成本指标", "经济成本指标", "人均培训成本"),
        ("成本指标", "社会成本指标", "对居民生活的影响"),
        ("效益指标", "社会效益指标", "技能提升率"),
        ("满意度指标", "服务对象满意度指标", "学员满意度"),
    ]
    assert records[2].level1_printed == "成本指标" and records[2].target_value_yuan == Decimal("300.00")


def test_the_column_decides_the_level_of_cost_older_framework():
    _, records = _grid(GRID_LEGACY)
    assert [(r.level1, r.level2, r.indicator_name) for r in records] == [
        ("产出指标", "数量指标", "培训人次"),
        ("产出指标", "成本指标", "人均培训成本"),  # 成本指标 in the 二级指标 column, under 产出指标
        ("效益指标", "社会效益指标", "技能提升率"),
        ("满意度指标", "服务对象满意度指标", "学员满意度"),
    ]


def test_a_two_period_tab_grid_of_the_2021_framework():
    """The Shanxi layout (both periods side by side, cells classified by vocabulary) printing 成本指标 as a level 1."""
    lines = [f"绩效指标{T}一级指标{T}二级指标{T}三级指标{T}指标值{T}二级指标{T}三级指标{T}指标值",
             f"{T}成本指标{T}经济成本指标{T}人均成本{T}≤500元{T}经济成本指标{T}人均成本{T}≤500元",
             f"{T}{T}社会成本指标{T}噪声影响{T}无{T}社会成本指标{T}噪声影响{T}无",
             f"{T}产出指标{T}成本指标{T}会议成本{T}≤9000元{T}成本指标{T}会议成本{T}≤9000元"]
    _, records = _grid(lines)
    assert _rows(records) == [
        ("implementation", "成本指标", "经济成本指标", "人均成本", "≤500元"),
        ("annual", "成本指标", "经济成本指标", "人均成本", "≤500元"),
        ("implementation", "成本指标", "社会成本指标", "噪声影响", "无"),
        ("annual", "成本指标", "社会成本指标", "噪声影响", "无"),
        # the older framework in the same grid: 成本指标 followed by a name is the level 2 of 产出指标
        ("implementation", "产出指标", "成本指标", "会议成本", "≤9000元"),
        ("annual", "产出指标", "成本指标", "会议成本", "≤9000元"),
    ]


def test_a_pdftotext_grid_of_the_2021_framework():
    lines = ["一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值",
             "产出指标", "数量指标 培训人次 ≥500人次 数量指标 培训人次 ≥500人次",
             "成本指标", "经济成本指标 人均成本 ≤500元 经济成本指标 人均成本 ≤500元",
             "满意度指标", "服务对象满意度指标 学员满意度 ≥95% 服务对象满意度指标 学员满意度 ≥95%"]
    _, records = _grid(lines)
    assert records[2].level1_printed == "成本指标"  # not the 产出指标 printed above
    assert _rows(records) == [
        ("implementation", "产出指标", "数量指标", "培训人次", "≥500人次"),
        ("annual", "产出指标", "数量指标", "培训人次", "≥500人次"),
        ("implementation", "成本指标", "经济成本指标", "人均成本", "≤500元"),
        ("annual", "成本指标", "经济成本指标", "人均成本", "≤500元"),
        ("implementation", "满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"),
        ("annual", "满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"),
    ]


def test_a_pdftotext_grid_of_the_older_framework_keeps_cost_under_output():
    lines = ["一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值",
             "产出指标", "成本指标 会议成本 ≤9000元 成本指标 会议成本 ≤9000元"]
    _, records = _grid(lines)
    assert [(r.level1, r.level2) for r in records] == [("产出指标", "成本指标")] * 2


def test_central_form_score_column_comparator_and_unit_cells():
    grid, records = _grid(central_grid())
    assert [(r.level1, r.level2, r.indicator_name, r.target_text, r.comparator, r.target_value, r.target_unit,
             r.weight) for r in records] == [
        ("产出指标", "数量指标", "培训人次", "≥500人次", ">=", Decimal("500"), "人次", Decimal("20")),
        ("产出指标", "质量指标", "培训合格率", "≥90%", ">=", Decimal("90"), "%", Decimal("20")),
        ("产出指标", "时效指标", "资金拨付及时性", "及时", None, None, None, Decimal("10")),
        ("成本指标", "经济成本指标", "人均培训成本", "≤300元", "<=", Decimal("300"), "元", Decimal("20")),
        ("效益指标", "社会效益指标", "就业率", "≥60%", ">=", Decimal("60"), "%", Decimal("15.5")),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", ">=", Decimal("95"), "%", Decimal("15")),
    ]
    assert {r.period for r in records} == {"annual"}
    assert sum(r.weight for r in records) == Decimal("100.5")
    assert grid.rejects == []


@pytest.mark.parametrize("heading", ["分值", "权重", "权重(分)", "执行率分值"])
def test_score_column_heading_variants(heading):
    _, records = _grid(central_grid(heading))
    assert [r.weight for r in records] == [Decimal(w) for w in ("20", "20", "10", "20", "15.5", "15")]


def test_an_unreadable_score_is_kept_out_and_said():
    lines = central_grid()
    lines[1] = lines[1].replace(f"人次{T}20", f"人次{T}二十")
    grid, records = _grid(lines)
    assert records[0].weight is None and records[0].target_text == "≥500人次"  # the indicator is still loaded
    assert [(line, reason) for line, reason, _ in grid.rejects] == [(2, "unparsable_weight")]


def test_a_grid_with_two_names_per_row_is_not_read_by_column():
    """The Shanxi two-period heading names 二级指标 and 三级指标 twice: those grids keep their own readers."""
    lines = [f"绩效指标{T}一级指标{T}二级指标{T}三级指标{T}指标值{T}二级指标{T}三级指标{T}指标值",
             f"{T}产出指标{T}数量指标{T}补助户数{T}≥100户{T}数量指标{T}补助户数{T}≥100户"]
    _, records = _grid(lines)
    assert [(r.period, r.indicator_name, r.weight) for r in records] == \
        [("implementation", "补助户数", None), ("annual", "补助户数", None)]


def test_a_whole_fill_in_form_loads_with_every_line_accounted_for():
    lines = fill_in_form(grid=GRID_2021)
    doc = _document(lines)
    (seg,) = find_project_tables(doc.lines)
    out = parse_project_table(doc, seg)
    (project,) = out.project_tables
    assert (project.grid_line, project.grid_lines, project.grid_lines_indicator, project.grid_lines_label,
            project.grid_lines_rejected) == (12, 7, 6, 1, 0)
    assert len(out.indicators) == 6 and len(out.project_funding) == 7
    assert out.rejects == []
