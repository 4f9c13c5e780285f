from ingest.forms.document_info import describe_document
from ingest.forms.project.segment import find_project_tables
from tests.forms import pdftotext_table, tab_table


def _describe(lines):
    lines = tuple(lines)
    return describe_document(lines, find_project_tables(lines))


def test_county_project_compilation_takes_region_and_level_from_titles():
    info = _describe(pdftotext_table("A", title=" 长子县部门（单位）项目支出绩效目标表")
                     + pdftotext_table("B", title=" 长子县部门（单位）项目支出绩效目标表"))
    assert (info.region_name, info.admin_level, info.fiscal_year) == ("长子县", "county", 2024)
    assert info.doc_kind == "project_targets"
    assert info.publisher_name is None


def test_budget_disclosure_cover_gives_publisher_and_year():
    lines = ["", "", "汾阳市教育局", "", "2023年度部门预算公开", "目 录"]
    lines += tab_table("甲", title="汾阳市县(区)级预算部门(单位)项目支出绩效目标表", year="(2023年度)")
    lines += tab_table("乙", title="山西省省级预算部门（单位）项目支出绩效目标申报表", year="2023 年度")
    info = _describe(lines)
    assert info.publisher_name == "汾阳市教育局"
    assert info.fiscal_year == 2023
    assert info.doc_kind == "department_budget"
    # The county-level city is recognised from its own 县(区)级 title, not from the provincial form it borrows.
    assert (info.region_name, info.admin_level) == ("汾阳市", "county")


def test_running_title_of_a_unit_report_gives_publisher():
    title = "某市市级预算部门（单位）项目支出绩效目标表"
    lines = ["第一部分 概况", "某市审计局2025年单位预算公开报告"] + tab_table("甲", title=title)
    info = _describe(lines)
    assert info.publisher_name == "某市审计局"
    assert (info.region_name, info.admin_level, info.fiscal_year) == ("某市", "city", 2025)


def test_a_document_of_unknown_kind_says_so():
    info = _describe(["会议纪要", "一、会议内容"])
    assert info.doc_kind == "unknown"
    assert info.region_name is None
