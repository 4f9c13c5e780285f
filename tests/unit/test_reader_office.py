"""DOCX, workbooks and PDFs read into the same rows as the text dump of the same tables.

Excerpts of the seed documents (TAB-cell dumps of DOCX files: budget tables 预算公开表1-13, project performance
tables, cover and narrative) are written back to DOCX with python-docx and to XLSX/XLS with openpyxl/xlwt, one
paragraph or table row (one sheet row) per line, and parsed: every record equals the text dump's, lineage included
(the line of a DOCX paragraph or table row on its page, the row of a sheet), the page and the file's own facts aside.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

import pytest

from ingest import records
from ingest.forms.document import parse_document
from ingest.readers import read_bytes, read_path
from ingest.readers.text import document_of_lines
from ingest.readers.workbook import value_text
from tests.conftest import SEED_RAW
from tests.office_maker import docx_bytes, xls_bytes, xlsx_bytes
from tests.pdf_maker import pdf_from_lines

# (seed, first line, last line), 1-based: 000's first four project tables; 002's cover, budget tables 1-13, narrative
# and first project tables; 003's budget tables.
EXCERPTS = {"000 project tables": ("000", 1, 142), "002 budget and projects": ("002", 1, 702),
            "003 budget tables": ("003", 60, 460)}
_FILE_FACTS = {"source_file", "size_bytes", "sha256", "file_format", "encoding", "page_count",
               "layout"}  # a budget table's layout: how a text dump printed it (tab, text); a grid otherwise
_PAGE_FIELDS = {f.metadata["page"] for cls in records.TABLES.values() for f in dataclasses.fields(cls)
                if f.metadata["page"]}


@cache
def _lines(name: str) -> tuple[str, ...]:
    prefix, first, last = EXCERPTS[name]
    (path,) = SEED_RAW.glob(f"{prefix}_*")
    lines = read_path(path).lines[first - 1: last]
    while not lines[-1].strip():  # a sheet ends at its last row with something in it
        lines = lines[:-1]
    return lines


def _records(doc, grid_tables: bool = True) -> dict[str, list[dict]]:
    """Every record of the parse, without the facts of the file itself and without pages; without the tables the
    reader found when `grid_tables` is false (a sheet has no TAB runs: rows of one cell, a title right above the
    rows, cut its tables elsewhere)."""
    parsed = parse_document(doc)
    out = {}
    for name in records.TABLES:
        rows = []
        for row in getattr(parsed, name):
            values = {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
            rows.append({k: v for k, v in values.items() if k not in _FILE_FACTS | _PAGE_FIELDS})
        out[name] = rows
    # A table of the grid is as wide as its widest row in a DOCX (the file pads rows); a TAB run as its widest row
    # without the trailing empty cells.
    for row in out["source_tables"]:
        row.pop("column_count")
    if not grid_tables:
        out["source_tables"] = []
        for row in out["documents"]:
            row.pop("source_table_count")
    return out


@cache
def _text_records(name: str, grid_tables: bool = True) -> dict[str, list[dict]]:
    return _records(document_of_lines(_lines(name), "excerpt.txt"), grid_tables)


def _assert_same(expected: dict[str, list[dict]], got: dict[str, list[dict]]) -> None:
    for name in records.TABLES:
        assert len(got[name]) == len(expected[name]), name
        for n, (a, b) in enumerate(zip(expected[name], got[name], strict=True)):
            assert a == b, (name, n, {k: (a[k], b.get(k)) for k in a if a[k] != b.get(k)})


@pytest.mark.parametrize("name", EXCERPTS)
def test_a_docx_of_seed_tables_loads_to_the_same_rows_as_their_text_dump(name):
    doc = read_bytes("excerpt.docx", docx_bytes(list(_lines(name))))
    assert doc.file_format == "docx"
    assert [line.rstrip("\t") for line in doc.lines] == [line.rstrip("\t") for line in _lines(name)]
    assert all(page == 1 for page, _ in doc.origins)  # no page break in the file
    expected = _text_records(name)
    assert sum(len(rows) for rows in expected.values()) > 100  # not vacuous
    _assert_same(expected, _records(doc))


@pytest.mark.parametrize("name", EXCERPTS)
def test_an_xlsx_of_seed_tables_loads_to_the_same_rows_as_their_text_dump(name):
    doc = read_bytes("excerpt.xlsx", xlsx_bytes(list(_lines(name))))
    assert doc.file_format == "xlsx" and doc.page_count == 1 and doc.tables
    _assert_same(_text_records(name, grid_tables=False), _records(doc, grid_tables=False))


def test_an_xls_workbook_reads_like_the_xlsx():
    name = "000 project tables"
    doc = read_bytes("excerpt.xls", xls_bytes(list(_lines(name))))
    assert doc.file_format == "xls" and doc.tables
    _assert_same(_text_records(name, grid_tables=False), _records(doc, grid_tables=False))


def test_docx_pages_come_from_its_page_breaks_and_lines_restart_on_each_page():
    lines = ["第一页标题", "项目名称\t甲项目", "主管部门\t某局", "第二页标题", "说明"]
    doc = read_bytes("paged.docx", docx_bytes(lines, page_break_before={3}))
    assert list(zip(doc.origins, doc.lines, strict=True)) == [
        ((1, 1), "第一页标题"), ((1, 2), "项目名称\t甲项目"), ((1, 3), "主管部门\t某局"),
        ((2, 1), "第二页标题"), ((2, 2), "说明")]
    assert doc.page_count == 2


def test_docx_merged_cells_keep_their_spans():
    import io

    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "项目"
    table.cell(0, 2).merge(table.cell(1, 2)).text = "合计"
    table.cell(1, 0).text, table.cell(1, 1).text = "科目编码", "科目名称"
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 2).text = "201", "一般公共服务支出", "1.00"
    out = io.BytesIO()
    document.save(out)
    (grid,) = read_bytes("merged.docx", out.getvalue()).tables
    top = grid.rows[0]
    assert (top[0].text, top[0].col_span, top[1]) == ("项目", 2, None)
    assert (top[2].text, top[2].row_span, grid.rows[1][2]) == ("合计", 2, None)
    assert grid.texts() == [["项目", "", "合计"], ["科目编码", "科目名称", ""], ["201", "一般公共服务支出", "1.00"]]


def test_workbook_sheets_are_pages_and_rows_keep_their_sheet_row_numbers():
    lines = ["2024年收支总表", "", "项目\t金额", "合计\t1.00", "", "第二张表", "项目\t金额", "\t1.00"]
    doc = read_bytes("two.xlsx", xlsx_bytes(lines, sheets=2))
    assert list(zip(doc.origins, doc.lines, strict=True)) == [
        ((1, 1), "2024年收支总表"), ((1, 2), ""), ((1, 3), "项目\t金额"), ((1, 4), "合计\t1.00"),
        ((2, 1), ""), ((2, 2), "第二张表"), ((2, 3), "项目\t金额"), ((2, 4), "\t1.00")]
    assert [(t.pages, t.first_position, len(t.rows)) for t in doc.tables] == [((1,), 3, 2), ((2,), 7, 2)]


@pytest.mark.parametrize("value, text", [
    (6.0, "6"), (14656.81, "14656.81"), (2976800.0, "2976800"), (0.1 + 0.2, "0.3"), (-3.5, "-3.5"),
    (dt.date(2024, 1, 3), "2024-01-03"), (dt.datetime(2024, 1, 3, 16, 15), "2024-01-03 16:15:00"),
    (True, "TRUE"), ("  项目名称\n甲  ", "项目名称甲"), ("\u3000\u3000某单位", "\u3000\u3000某单位"),
])
def test_workbook_values_read_as_the_text_they_print(value, text):
    assert value_text(value) == text


def _content(parsed) -> dict[str, list[tuple]]:
    """What the forms read, without where it is printed (a PDF page holds other lines than a text dump's)."""
    return {
        "budget_lines": [(r.table_type, r.row_label, r.row_label_2, r.classification_code, r.column_label, r.side,
                          r.block, r.is_total_row, r.is_aggregate_row, r.amount_value, r.amount_as_printed)
                         for r in parsed.budget_lines],
        "budget_tables": [(t.table_type, t.table_title, t.is_declared_empty, t.amount_cells)
                          for t in parsed.budget_tables],
        "project_tables": [(p.project_name, p.department_code, p.department_name, p.implementing_unit,
                            p.funds_unit_stated, p.overall_goal_implementation, p.overall_goal_annual)
                           for p in parsed.project_tables],
        "project_funding": [(f.period, f.fund_source, f.amount_as_printed, f.amount_yuan)
                            for f in parsed.project_funding],
        "indicators": [(i.period, i.level1, i.level2, i.indicator_name, i.target_text, i.comparator, i.target_value)
                       for i in parsed.indicators],
    }


@pytest.mark.parametrize("name", EXCERPTS)
def test_a_pdf_of_seed_tables_reads_the_same_budget_lines_projects_and_indicators(name):
    """The same excerpts printed as a PDF with ruled tables (tests.pdf_maker), tables running over pages."""
    lines = list(_lines(name))
    doc = read_bytes("excerpt.pdf", pdf_from_lines(lines))
    assert doc.page_count > 1 and any(len(t.pages) > 1 for t in doc.tables)
    expected = _content(parse_document(document_of_lines(lines, "excerpt.txt")))
    got = _content(parse_document(doc))
    assert sum(len(rows) for rows in expected.values()) > 50  # not vacuous
    for table, rows in expected.items():
        assert got[table] == rows, table
