"""The GX checkpoints in expectations/ fire on bad mart rows and stay quiet on clean ones."""

import duckdb
import pytest

from pipeline.validate import run_validation

CLEAN_DOCS = """
select * from (values
    ('d1', '吕梁市', 'city', 2024, 'project_targets', 3),
    -- a budget of a central-government body: no region, and (like many budgets) no project tables
    ('d2', null, 'central', 2024, 'department_budget', 0),
    ('d3', '上海市普陀区', 'district', 2023, 'final_accounts', 0)
) t(document_id, region_name, admin_level, fiscal_year, doc_kind, project_table_count)
"""
# The third table is printed over two pages of a PDF: its last line (page 4, line 5) lies below its name row
# (page 3, line 40) although the page-relative line number is smaller.
CLEAN_PROJECTS = """
select * from (values
    ('d1:5', 'd1', 'd1.txt', '甲项目', 5, null::bigint, 40, null::bigint),
    ('d1:45', 'd1', 'd1.txt', '乙项目', 45, null, 80, null),
    ('d2:90', 'd1', 'd2.pdf', '丙项目', 40, 3, 5, 4)
) t(project_id, document_id, source_file, project_name, source_line, source_page, source_line_end, source_page_end)
"""


RULES_SQL = """
select * from (values ('A04', 'error', 'sources do not add up'), ('I04', 'warning', 'empty target'))
    t(rule_id, severity, description)
"""
NO_FINDINGS_SQL = "select 'A04' as rule_id, 'f.txt' as source_file, 1 as source_line limit 0"


def _warehouse(path, docs_sql: str, projects_sql: str, findings_sql: str = NO_FINDINGS_SQL):
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute(f"create table marts.dim_document as {docs_sql}")
        con.execute(f"create table marts.dim_project as {projects_sql}")
        con.execute(f"create table marts.dim_validation_rule as {RULES_SQL}")
        con.execute(f"create table marts.fct_dq_finding as {findings_sql}")
    return path


def _failures(report):
    return {(o.suite, o.expectation, o.column, o.severity) for o in report.failures}


@pytest.fixture(scope="module")
def clean_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clean")
    return run_validation(_warehouse(tmp / "w.duckdb", CLEAN_DOCS, CLEAN_PROJECTS), tmp / "gx")


def test_clean_marts_pass_every_expectation(clean_report):
    assert clean_report.outcomes
    assert clean_report.failures == []
    assert clean_report.data_docs_index.exists()


def test_bad_marts_are_reported_with_severity(tmp_path):
    docs = CLEAN_DOCS.replace("'city'", "'prefecture'").replace("2024, 'project", "1024, 'project").replace(
        "'final_accounts'", "'budget_disclosure'")
    projects = """
    select * from (values
        ('d1:5', 'd1', 'd1.txt', null, 5, null::bigint, 40, null::bigint),
        ('d1:5', 'd1', 'd1.txt', '乙项目', 45, null, 30, null)
    ) t(project_id, document_id, source_file, project_name, source_line, source_page, source_line_end, source_page_end)
    """
    report = run_validation(_warehouse(tmp_path / "w.duckdb", docs, projects), tmp_path / "gx")
    assert _failures(report) == {
        ("dim_document", "expect_column_values_to_be_in_set", "admin_level", "error"),
        ("dim_document", "expect_column_values_to_be_in_set", "doc_kind", "error"),
        ("dim_document", "expect_column_values_to_be_between", "fiscal_year", "error"),
        ("dim_project", "expect_column_values_to_be_unique", "project_id", "error"),
        ("dim_project", "expect_column_values_to_not_be_null", "project_name", "error"),
        ("dim_project", "expect_column_pair_values_a_to_be_greater_than_b", "source_line_end", "error"),
    }
    text = "\n".join(report.summary_lines())
    assert "6 failed (error)" in text and "project_name" in text


def test_a_compilation_of_project_tables_without_one_parsed_is_a_warning(tmp_path):
    docs = CLEAN_DOCS.replace("'project_targets', 3", "'project_targets', 0")
    report = run_validation(_warehouse(tmp_path / "w.duckdb", docs, CLEAN_PROJECTS), tmp_path / "gx")
    assert _failures(report) == {
        ("dim_document", "expect_column_values_to_be_between", "project_table_count", "warning")
    }


def test_rule_findings_fail_the_rule_suite_with_the_catalog_severity(tmp_path):
    findings = "select * from (values ('I04', 'f.txt', 3), ('I04', 'f.txt', 9)) t(rule_id, source_file, source_line)"
    report = run_validation(_warehouse(tmp_path / "w.duckdb", CLEAN_DOCS, CLEAN_PROJECTS, findings), tmp_path / "gx")
    assert _failures(report) == {("fct_dq_finding", "expect_column_values_to_not_be_in_set", "rule_id", "warning")}
    assert report.rule_counts == {"I04": 2} and report.error_findings() == 0
    assert "I04 [warning]     2" in "\n".join(report.summary_lines())
    errors = "select 'A04' as rule_id, 'f.txt' as source_file, 5 as source_line"
    report = run_validation(_warehouse(tmp_path / "e.duckdb", CLEAN_DOCS, CLEAN_PROJECTS, errors), tmp_path / "gx2")
    assert report.error_findings() == 1 and len(report.failed("error")) == 1
