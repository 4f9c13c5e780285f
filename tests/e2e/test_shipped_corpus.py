"""What `make build` reads by default: the seed corpus and the sample PDFs, built together.

The PDFs load as documents with their pages and tables (dim_source_table), their error findings are the defects
verified on their pages, every mart row and finding can carry a page, and the seed documents come out as they do
alone."""

from __future__ import annotations

import re
from collections import Counter

from tests.conftest import REPO, SAMPLE_PDFS
from tests.known_defects import CAIZHENGJU, KNOWN_DEFECTS, SIFAJU, WANLI

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


def test_the_error_findings_are_exactly_the_defects_verified_on_their_pages(shipped_con):
    # Precision and recall at once, on the seeds and the samples: every error finding is a defect checked on the
    # page (tests/known_defects.py, the README's known-defects section), and every such defect is found.
    errors = shipped_con.execute(
        "select rule_id, source_file, source_page, source_line from marts.fct_dq_finding "
        "where severity = 'error'").fetchall()
    expected = [d[:4] for d in KNOWN_DEFECTS]
    assert Counter(errors) == Counter(expected), (
        f"not verified: {sorted((Counter(errors) - Counter(expected)).elements(), key=str)}; "
        f"no longer found: {sorted((Counter(expected) - Counter(errors)).elements(), key=str)}")
    messages = shipped_con.execute(
        "select message, expected, actual from marts.fct_dq_finding "
        "where rule_id = 'A14' and source_file like '%sifaju%' and source_page = 8 order by 1").fetchall()
    assert messages == [("表1 人员经费 = 表6 人员经费 (人员经费)", "20374181.00", "20272981.00"),
                        ("表1 公用经费 = 表6 公用经费 (公用经费)", "1744680.00", "1845880.34")]
    # Every table, project and page of the samples is read: nothing rejected, nothing of unknown kind.
    assert shipped_con.execute(
        "select count(*) from marts.fct_parse_reject where source_file like '%.pdf'").fetchone() == (0,)
    findings = shipped_con.execute(
        "select count(*), count(source_page) from marts.fct_dq_finding "
        "where source_file like '%.pdf' and source_line is not null").fetchone()
    assert findings[0] == findings[1]


def test_the_readme_lists_the_known_defects():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Known defects of the shipped documents"):]
    section = section[:section.index("\n## ", 1)]
    rows = re.findall(r"^\| ([A-Z]\d\d) \| `([^`]+)` \| (?:p(\d+):(\d+)|line (\d+)) \|", section, re.M)
    listed = [(rule, file, int(page) if page else None, int(line or text_line))
              for rule, file, page, line, text_line in rows]
    assert Counter(listed) == Counter(d[:4] for d in KNOWN_DEFECTS)


def test_the_narrative_findings_quote_the_text_they_point_at(shipped_con):
    quotes = dict(shipped_con.execute(
        "select rule_id || ' ' || source_file || ' p' || source_page || ':' || source_line, quote "
        "from marts.fct_dq_finding where rule_id in ('T01', 'T02', 'T03', 'S09') "
        "and source_file like '%.pdf'").fetchall())
    assert "0.3万元" in quotes[f"T01 {CAIZHENGJU} p21:14"]
    assert "增加（减少）" in quotes[f"S09 {SIFAJU} p6:7"]
    assert "1421.25" in quotes[f"T02 {WANLI} p6:5"]


def test_every_mart_row_and_finding_can_point_at_a_page(shipped_con):
    columns = shipped_con.execute(
        "select table_name, list(column_name) from information_schema.columns where table_schema = 'marts' "
        "group by 1").fetchall()
    lines = {table: cols for table, cols in columns if "source_line" in cols}
    assert {"fct_dq_finding", "fct_budget_line", "dim_project", "fct_indicator", "fct_project_funding",
            "fct_narrative_figure", "fct_parse_reject", "fct_budget_reconciliation"} <= set(lines)
    assert [table for table, cols in lines.items() if "source_page" not in cols] == []
    # Text files have no pages: the seed documents' rows carry none; a PDF's rows all do.
    assert shipped_con.execute(
        "select count(source_page) filter (where source_file not like '%.pdf'), "
        "count(*) filter (where source_file like '%.pdf') = count(source_page) filter (where source_file like '%.pdf') "
        "from marts.fct_indicator").fetchone() == (0, True)


def test_the_seed_documents_come_out_as_they_do_alone(shipped_con, seed_con):
    text = "source_file not like '%.pdf'"
    for query in (f"select count(*), sum(amount_yuan) from marts.fct_project_funding where {text}",
                  f"select count(*), count(distinct indicator_name) from marts.fct_indicator where {text}",
                  f"select count(*), sum(amount_wan_yuan) from marts.fct_budget_line where {text}",
                  f"select rule_id, count(*) from marts.fct_dq_finding where severity = 'error' and {text} "
                  "group by 1 order by 1"):
        assert shipped_con.execute(query).fetchall() == seed_con.execute(query).fetchall(), query
