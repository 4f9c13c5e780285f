from ingest.forms.project.header import parse_project_name
from ingest.forms.project.segment import find_project_tables
from tests.forms import pdftotext_table, tab_table


def _doc(*blocks: list[str]) -> tuple[str, ...]:
    return tuple(line for block in blocks for line in block)


def test_tab_tables_end_at_their_footers():
    lines = _doc(tab_table("甲项目"), [""], tab_table("乙项目"))
    segs = find_project_tables(lines)
    assert [s.end_reason for s in segs] == ["footer", "footer"]
    for seg in segs:
        assert "负责人" in lines[seg.end_line - 1]
        assert "项目名称" in lines[seg.name_line - 1]
    assert [parse_project_name(lines[s.name_line - 1]) for s in segs] == ["甲项目", "乙项目"]


def test_footerless_tables_end_before_the_next_title_and_at_the_end_of_file():
    lines = _doc(pdftotext_table("会议经费"), pdftotext_table("党委业务经费"))
    segs = find_project_tables(lines)
    assert [s.end_reason for s in segs] == ["next_title", "end_of_file"]
    assert segs[0].end_line == segs[1].title_line - 1
    assert segs[1].end_line == len(lines)
    assert [parse_project_name(lines[s.name_line - 1]) for s in segs] == ["会议经费", "党委业务经费"]


def test_prose_name_label_inside_a_table_does_not_start_a_project():
    # The 项目概况 text of the pdftotext form mentions `项目名称：…` and `负责人`: still one table.
    segs = find_project_tables(tuple(pdftotext_table("水库建设")))
    assert len(segs) == 1
    assert segs[0].end_reason == "end_of_file"


def test_title_and_year_printed_as_table_rows_with_trailing_tabs():
    lines = tuple(tab_table("科技研发经费", title_row_tabs=True))
    (seg,) = find_project_tables(lines)
    assert seg.year_printed == 2024
    assert seg.name_line == 3


def test_year_on_the_title_line_and_year_variants():
    lines = ("某市预算部门（单位）项目绩效目标申报表 (2024 年度)", "项目名称\t奖补资金")
    (seg,) = find_project_tables(lines)
    assert seg.year_printed == 2024
    for year_line in ("（ 2023 年度）", "(2023年度)", "2023 年度"):
        (seg,) = find_project_tables(("某县部门（单位）项目支出绩效目标表", year_line, "", "项目名称 X"))
        assert seg.year_printed == 2023, year_line


def test_a_section_heading_closes_a_footerless_table():
    lines = _doc(pdftotext_table("最后一个项目"), ["", " 十一、国有资产占有使用情况", "1、车辆情况："])
    (seg,) = find_project_tables(lines)
    assert seg.end_reason == "section_end"
    assert lines[seg.end_line - 1] == "群众满意度 95%"


def test_an_overall_expenditure_table_is_not_a_project_and_closes_the_previous_one():
    lines = _doc(
        tab_table("甲项目", footer=False),
        ["", "某市预算部门（单位）整体支出绩效目标申报表", "", "（2024年度）", "部门（单位）名称\t\t某局"],
    )
    (seg,) = find_project_tables(lines)
    assert seg.end_reason == "section_end"
    assert "整体支出" not in "".join(lines[seg.title_line - 1: seg.end_line])


def test_a_title_without_a_name_row_is_segmented_without_a_name_line():
    lines = ("某市市级预算部门（单位）项目支出绩效目标表", "（2024年度）", "", "时效", "指标", "监测及时率\t≥95%")
    (seg,) = find_project_tables(lines)
    assert seg.name_line is None


def test_budget_table_headers_with_project_name_columns_are_not_tables():
    lines = ("2024年项目支出预算表", "项目名称项目名称 合计 一般公共预算", "购置费 55.80 55.80")
    assert find_project_tables(lines) == []
