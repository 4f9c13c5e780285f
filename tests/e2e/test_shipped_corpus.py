"""What `make build` reads by default: the seed corpus and the sample PDFs, built together.

The PDFs load as documents with their pages, their tables are found (dim_source_table), what the parsers cannot
read yet is a reject with its page (never an error finding), every mart row and finding can carry a page, and the
seed documents come out as they do alone."""

from __future__ import annotations

from tests.conftest import SAMPLE_PDFS

# Pages and tables of each sample, as printed (the tables counted on the pages; tests/unit/test_sample_pdfs.py
# checks them one by one).
SAMPLE_SHAPE = {
    "shanghai-putuo-caizhengju_2024_final-accounts.pdf": (25, 10),
    "shanghai-putuo-qufuban_2025_department-budget.pdf": (22, 9),
    "shanghai-putuo-sifaju_2026_unit-budget.pdf": (21, 9),
    "shanghai-putuo-wanli_2023_department-budget.pdf": (35, 14),
}


def test_every_sample_pdf_is_loaded_with_its_pages_and_tables(shipped_con):
    assert sorted(p.name for p in SAMPLE_PDFS) == sorted(SAMPLE_SHAPE)
    rows = shipped_con.execute(
        "select source_file, file_format, page_count, source_table_count from marts.dim_document "
        "where source_file like '%.pdf' order by 1").fetchall()
    assert {f: (pages, tables) for f, fmt, pages, tables in rows if fmt == "pdf"} == SAMPLE_SHAPE
    manifest = shipped_con.execute(
        "select source_file, status, file_format, page_count, source_tables from marts.dim_file_manifest "
        "where file_format = 'pdf'").fetchall()
    assert {(f, status, pages, tables) for f, status, _, pages, tables in manifest} == {
        (f, "loaded", pages, tables) for f, (pages, tables) in SAMPLE_SHAPE.items()}
    pages = shipped_con.execute(
        "select source_file, min(first_page), max(last_page), sum(page_count) filter (where page_count > 1) "
        "from marts.dim_source_table where source_file like '%wanli%' group by 1").fetchone()
    assert pages[1:] == (10, 35, 4 + 4 + 4 + 2)  # four tables run over several pages


def test_the_sample_pdfs_raise_no_error_finding(shipped_con):
    """What the parsers cannot read in these documents yet is said in parse rejects (S05, a warning), with the
    page; none of it is an error about the publication."""
    errors = shipped_con.execute(
        "select rule_id, source_file, message from marts.fct_dq_finding "
        "where severity = 'error' and source_file like '%.pdf'").fetchall()
    assert errors == []
    rejects = shipped_con.execute(
        "select reason, count(*), count(source_page) from marts.fct_parse_reject where source_file like '%.pdf' "
        "group by 1 order by 1").fetchall()
    assert dict((reason, n) for reason, n, _ in rejects)["unknown_document_kind"] == 4
    # A table the parsers recognised but cannot read in this template is rejected at its title's page.
    assert all(pages == n for reason, n, pages in rejects if reason == "table_layout_not_recognised")
    findings = shipped_con.execute(
        "select count(*), count(source_page) from marts.fct_dq_finding "
        "where source_file like '%.pdf' and source_line is not null").fetchone()
    assert findings[0] == findings[1]


def test_every_mart_row_and_finding_can_point_at_a_page(shipped_con):
    columns = shipped_con.execute(
        "select table_name, list(column_name) from information_schema.columns where table_schema = 'marts' "
        "group by 1").fetchall()
    lines = {table: cols for table, cols in columns if "source_line" in cols}
    assert {"fct_dq_finding", "fct_budget_line", "dim_project", "fct_indicator", "fct_project_funding",
            "fct_narrative_figure", "fct_parse_reject", "fct_budget_reconciliation"} <= set(lines)
    assert [table for table, cols in lines.items() if "source_page" not in cols] == []
    # Text files have no pages: the seed documents' rows carry none.
    assert shipped_con.execute("select count(source_page) from marts.fct_indicator").fetchone() == (0,)


def test_the_seed_documents_come_out_as_they_do_alone(shipped_con, seed_con):
    for query in ("select count(*), sum(amount_yuan) from marts.fct_project_funding",
                  "select count(*), count(distinct indicator_name) from marts.fct_indicator",
                  "select count(*), sum(amount_wan_yuan) from marts.fct_budget_line",
                  "select rule_id, count(*) from marts.fct_dq_finding where severity = 'error' group by 1 order by 1"):
        assert shipped_con.execute(query).fetchall() == seed_con.execute(query).fetchall(), query
