"""Typed records: a misspelt field fails at once, and lineage is turned into pages and lines in one place."""

from __future__ import annotations

import pytest

from ingest import records
from ingest.grid.model import Document
from ingest.records import BudgetLine, Reject, locate_records, to_arrow


def test_a_misspelt_field_fails_instead_of_becoming_a_null_column():
    with pytest.raises(TypeError, match="source_lin"):
        Reject(document_id="d", source_file="d.pdf", source_lin=3, stage="read", reason="x", detail="y")


def test_a_record_cannot_grow_an_attribute_after_it_is_built():
    reject = Reject(document_id="d", source_file="d.pdf", stage="read", reason="x", detail="y")
    with pytest.raises(AttributeError):
        reject.source_lien = 3


def test_every_table_has_a_schema_and_every_line_field_a_page_field():
    for name, cls in records.TABLES.items():
        schema = records.SCHEMAS[name]
        assert schema.names == [f for f in cls.__dataclass_fields__]
        for line_field, page_field in records._LINE_FIELDS[cls]:
            assert line_field.endswith(("_line", "_line_end", "_line_with_status")) and page_field in schema.names
    assert to_arrow("rejects", []).schema == records.SCHEMAS["rejects"]


def _paged() -> Document:
    lines = ("标题", "项目\t金额", "合计\t1.00", "- 1 -", "注")
    origins = ((1, 1), (1, 2), (2, 2), (1, 3), (2, 3))
    return Document("d.pdf", "d", 1, "0" * 64, "pdf", lines, origins=origins, page_count=2)


def test_positions_become_pages_and_lines_on_the_page():
    row = BudgetLine(budget_line_id="d:3:2", document_id="d", source_file="d.pdf", table_id="d:1", table_type="x",
                     table_title="标题", row_number=1, column_label="金额", is_total_column=True, block="current",
                     is_total_row=True, is_aggregate_row=False, indent_level=0, amount_as_printed="1.00",
                     is_undoubled=False, source_line=3)
    page_reject = Reject(document_id="d", source_file="d.pdf", source_page=4, stage="read", reason="needs_ocr",
                         detail="page 4")
    locate_records(_paged(), [row, page_reject])
    assert (row.source_page, row.source_line) == (2, 2)
    assert (page_reject.source_page, page_reject.source_line) == (4, None)  # a page-level reject keeps its page


def test_text_files_keep_their_line_numbers_and_have_no_pages():
    doc = Document("d.txt", "d", 1, "0" * 64, "text", ("a", "b", "c"))
    reject = Reject(document_id="d", source_file="d.txt", source_line=3, stage="x", reason="y", detail="z")
    locate_records(doc, [reject])
    assert (reject.source_page, reject.source_line) == (None, 3)
