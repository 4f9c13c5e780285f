"""The sample PDFs (real publications, data/raw) read into grids equal to what the pages show.

The expected values in tests/data/sample_pdfs/*.json were read off page images (rendered, looked at, typed in),
not taken from any text extraction: per sample, whole tables (header rows, codes, amounts), the total row of every
table, and the rows of the pages a long table runs over. A row is compared as the texts of its non-empty cells, left
to right, whitespace removed (a merged cell counts once, where the page prints it at the top of its span).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from ingest.grammar.text import squeeze
from ingest.grid.model import Document, Table
from ingest.readers import read_path
from tests.conftest import SHIPPED_RAW

EXPECTED_DIR = Path(__file__).resolve().parent.parent / "data" / "sample_pdfs"
SAMPLES = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXPECTED_DIR.glob("*.json"))}

# Tables per sample (pages each is printed on), read off the pages: the 9 budget or final-accounts tables of each
# publication (the 收入决算表 of the final accounts is printed on pages 8-9 …), plus the small table of units on
# page 5 of the final accounts and the five project tables (one per page) of the 2023 budget.
TABLE_PAGES = {
    "caizhengju": [(5,), (6, 7), (8, 9), (10, 11), (12, 13), (15,), (16, 17), (18,), (19,), (20,)],
    "qufuban": [(8,), (9, 10), (11, 12), (13,), (14, 15), (16,), (17,), (18, 19), (20,)],
    "sifaju": [(8,), (9, 10), (11, 12), (13,), (14, 15), (16,), (17,), (18, 19), (20,)],
    "wanli": [(10,), (11, 12, 13, 14), (15, 16, 17, 18), (19,), (20, 21, 22, 23), (24,), (25,), (26, 27), (28,),
              (31,), (32,), (33,), (34,), (35,)],
}


@cache
def _document(name: str) -> Document:
    return read_path(SHIPPED_RAW / SAMPLES[name]["file"])


def _texts(cells) -> list[str]:
    return [squeeze(cell.text) for cell in cells if cell is not None and cell.text]


def _rows_on_page(doc: Document, table: Table, page: int) -> list[list[str]]:
    """The non-blank rows of a table printed on a page, in order."""
    rows = []
    for offset, cells in enumerate(table.rows):
        if doc.locate(table.first_position + offset)[0] == page and _texts(cells):
            rows.append(_texts(cells))
    return rows


def _entries(kind: str) -> list[tuple[str, int, str, list[list[str]]]]:
    return [(name, entry["page"], entry["title"], [[squeeze(c) for c in row] for row in entry["rows"]])
            for name, sample in SAMPLES.items() for entry in sample["tables"] if entry["kind"] in kind.split("|")]


def _contains(rows: list[list[str]], expected: list[list[str]]) -> bool:
    return any(rows[i: i + len(expected)] == expected for i in range(len(rows) - len(expected) + 1))


def test_every_sample_has_its_expected_values():
    assert set(SAMPLES) == set(TABLE_PAGES)
    assert all(len(sample["tables"]) >= 10 for sample in SAMPLES.values())


@pytest.mark.parametrize("name", sorted(TABLE_PAGES))
def test_each_table_is_found_once_on_the_pages_it_is_printed_on(name):
    assert [table.pages for table in _document(name).tables] == TABLE_PAGES[name]


@pytest.mark.parametrize("name, page, title, expected", _entries("whole|header"),
                         ids=lambda v: str(v)[:20] if isinstance(v, str) else None)
def test_a_whole_table_reads_as_printed(name, page, title, expected):
    doc = _document(name)
    tables = [t for t in doc.tables if page in t.pages]
    got = [_rows_on_page(doc, table, page) for table in tables]
    assert any(_contains(rows, expected) for rows in got), (title, got)


@pytest.mark.parametrize("name, page, title, expected", _entries("total"),
                         ids=lambda v: str(v)[:20] if isinstance(v, str) else None)
def test_every_total_row_reads_as_printed_in_the_table_it_closes(name, page, title, expected):
    """Each total row (its label and amounts: the 合计 of a 决算 table shares its ruled row with the 类/款/项
    headings) is a row of one table on its page; where the table ends on that page, it is its last row."""
    doc = _document(name)
    for total in expected:
        (table,) = [t for t in doc.tables if page in t.pages
                    and any(row[-len(total):] == total for row in _rows_on_page(doc, t, page))]
        if table.pages[-1] == page and total == expected[-1]:
            assert [_texts(cells) for cells in table.rows if _texts(cells)][-1][-len(total):] == total, title


@pytest.mark.parametrize("name, page, title, expected", _entries("page_rows"),
                         ids=lambda v: str(v)[:20] if isinstance(v, str) else None)
def test_a_long_table_keeps_each_page_s_rows_and_drops_its_repeated_header(name, page, title, expected):
    doc = _document(name)
    (table,) = [t for t in doc.tables if page in t.pages and len(t.pages) > 1]
    data_rows = [row for row in _rows_on_page(doc, table, page) if row[0][:1].isdigit() or row[0] == "合计"]
    expected_data = [row for row in expected if row[0][:1].isdigit() or row[0] == "合计"]
    assert data_rows == expected_data
    if page != table.pages[0]:
        # The header printed again at the top of this page is not a row of the table …
        assert _rows_on_page(doc, table, page)[0] == expected_data[0]
        # … but counts in the page's line numbers: the first row printed under it is on line 4.
        first = next(offset for offset in range(len(table.rows))
                     if doc.locate(table.first_position + offset)[0] == page)
        assert doc.locate(table.first_position + first)[1] == 1 + 3


def test_every_sample_reads_with_lineage_on_every_line():
    for name in SAMPLES:
        doc = _document(name)
        assert doc.file_format == "pdf" and not doc.page_problems
        assert len(doc.origins) == len(doc.lines) == len(set(doc.origins))  # one place on the page per line
        assert all(1 <= page <= doc.page_count and line >= 1 for page, line in doc.origins)
