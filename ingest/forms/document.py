"""Every form parser over one document, in one sequential parse: project tables, budget tables, the narrative,
then the document's own records (its description, its manifest entry, the tables the reader found)."""

from __future__ import annotations

from ingest.forms.budget.find import find_budget_tables
from ingest.forms.budget.tables import parse_budget_table
from ingest.forms.document_info import describe_document
from ingest.forms.narrative import parse_narrative
from ingest.forms.project.segment import TableSegment, find_project_tables
from ingest.forms.project.table import parse_project_table
from ingest.forms.result import ParseResult
from ingest.forms.text_checks import check_text
from ingest.grid.model import Document
from ingest.records import DocumentRecord, FileRecord, Reject, SourceTable, locate_records


def parse_project_tables(doc: Document, segments: list[TableSegment]) -> ParseResult:
    out = ParseResult()
    for seg in segments:
        out.extend(parse_project_table(doc, seg))
    return out


def parse_budget_part(doc: Document) -> ParseResult:
    """The department budget tables of a document (none in a project-table compilation) and its narrative."""
    out = parse_narrative(doc)
    for table in find_budget_tables(doc.lines, doc.tables if doc.is_paged else None):
        out.extend(parse_budget_table(doc, table))
    return out


def file_record(doc: Document, status: str = "loaded") -> FileRecord:
    return FileRecord(source_file=doc.source_file, document_id=doc.document_id, size_bytes=doc.size_bytes,
                      sha256=doc.sha256, file_format=doc.file_format, encoding=doc.encoding,
                      line_count=len(doc.lines), page_count=doc.page_count, status=status)


def _source_tables(doc: Document, segments: list[TableSegment]) -> list[SourceTable]:
    """The reader's tables, each with the form parser whose table (by its line range) it lies in."""
    ranges = [(seg.title_line, seg.end_line, "project_table") for seg in segments]
    if doc.tables:
        ranges += [(t.title_line, t.end_line, "budget_table")
                   for t in find_budget_tables(doc.lines, doc.tables if doc.is_paged else None)]
    out = []
    for index, table in enumerate(doc.tables, start=1):
        first, last = table.first_position, table.last_position
        recognised_as = next((kind for start, end, kind in ranges if start <= last and first <= end), None)
        out.append(SourceTable(
            table_id=f"{doc.document_id}:t{index}", document_id=doc.document_id, source_file=doc.source_file,
            table_index=index, first_line=first, last_line=last, page_count=len(table.pages) or None,
            row_count=len(table.rows), column_count=table.column_count,
            merged_cell_count=sum(1 for row in table.rows for cell in row
                                  if cell is not None and (cell.row_span > 1 or cell.col_span > 1)),
            header_rows_dropped=table.header_rows_dropped, recognised_as=recognised_as))
    return out


def document_records(doc: Document, segments: list[TableSegment], project_tables: int) -> ParseResult:
    """The document's own rows, once its tables are parsed: its description (and a reject when its kind is
    unknown), its manifest entry, the tables its reader found, and the pages it could not read."""
    out = ParseResult()
    info = describe_document(doc.lines, segments)
    if info.doc_kind == "unknown":
        out.reject(doc.document_id, doc.source_file, None, None, "classify", "unknown_document_kind",
                   "no project performance table and no budget-disclosure cover found")
    for page, reason, detail in doc.page_problems:
        out.rejects.append(_page_reject(doc, page, reason, detail))
    source_tables = _source_tables(doc, segments)
    out.documents.append(DocumentRecord(
        document_id=doc.document_id, source_file=doc.source_file, size_bytes=doc.size_bytes, sha256=doc.sha256,
        file_format=doc.file_format, encoding=doc.encoding, line_count=len(doc.lines), page_count=doc.page_count,
        region_name=info.region_name, admin_level=info.admin_level, fiscal_year=info.fiscal_year,
        doc_kind=info.doc_kind, publisher_name=info.publisher_name, cover_line=info.cover_line,
        project_table_count=project_tables, source_table_count=len(source_tables)))
    out.source_tables += source_tables
    out.text_findings += check_text(doc, info)
    out.files.append(file_record(doc))
    return out


def _page_reject(doc: Document, page: int, reason: str, detail: str) -> Reject:
    return Reject(document_id=doc.document_id, source_file=doc.source_file, source_page=page,
                  source_page_end=page, stage="read", reason=reason, detail=detail)


def parse_document(doc: Document) -> ParseResult:
    """Every table of one document, sequentially (the parallel path of ingest.corpus gives the same rows), with
    the positions of its line view turned into pages and lines."""
    segments = find_project_tables(doc.lines)
    out = parse_project_tables(doc, segments)
    out.extend(parse_budget_part(doc))
    out.extend(document_records(doc, segments, len(out.project_tables)))
    return locate(doc, out)


def locate(doc: Document, result: ParseResult) -> ParseResult:
    for rows in vars(result).values():
        locate_records(doc, rows)
    return result
