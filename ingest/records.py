"""Typed records: one dataclass per Parquet table that ingest writes (the dbt sources), and its Arrow schema.

A record is built with keyword arguments only, so a misspelt field fails at once (TypeError) instead of becoming
a null column. Each field carries its Arrow type; a line field names the page field that goes with it, and
`locate_records` turns positions of a document's line view into (source_page, source_line) there, in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

import pyarrow as pa

from ingest.grid.model import Document

STRING, INT, INT32, BOOL, DATE = pa.large_string(), pa.int64(), pa.int32(), pa.bool_(), pa.date32()


def decimal(precision: int, scale: int) -> pa.DataType:
    return pa.decimal128(precision, scale)


def column(arrow_type: pa.DataType, *, required: bool = False, page: str | None = None) -> Any:
    """A record field: its Arrow type; `required` fields have no default; `page` names the field that receives the
    page of this line field (see locate_records)."""
    metadata = {"arrow": arrow_type, "page": page}
    return field(metadata=metadata) if required else field(default=None, metadata=metadata)


record = dataclass(slots=True, kw_only=True)


@record
class FileRecord:
    """One raw file seen, loaded or not: the base of the manifest."""

    source_file: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    size_bytes: int = column(INT, required=True)
    sha256: str = column(STRING, required=True)
    file_format: str | None = column(STRING)  # text | pdf | docx | xlsx | xls | xlsb | ods; null when unknown
    encoding: str | None = column(STRING)  # text files: the encoding detected; null when not decoded
    line_count: int | None = column(INT)  # lines of the line view
    page_count: int | None = column(INT)  # pages (PDF, DOCX) or sheets (workbooks); null for text files
    status: str = column(STRING, required=True)  # loaded | empty | unreadable | duplicate
    duplicate_of: str | None = column(STRING)
    detail: str | None = column(STRING)


@record
class DocumentRecord:
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    size_bytes: int = column(INT, required=True)
    sha256: str = column(STRING, required=True)
    file_format: str = column(STRING, required=True)
    encoding: str | None = column(STRING)
    line_count: int = column(INT, required=True)
    page_count: int | None = column(INT)
    region_name: str | None = column(STRING)
    admin_level: str | None = column(STRING)
    fiscal_year: int | None = column(INT32)
    doc_kind: str = column(STRING, required=True)
    publisher_name: str | None = column(STRING)
    cover_line: int | None = column(INT, page="cover_page")
    cover_page: int | None = column(INT)
    project_table_count: int = column(INT, required=True)
    source_table_count: int = column(INT, required=True)


@record
class SourceTable:
    """One table of the grid model as a reader found it (ruled PDF table, DOCX or workbook table, TAB-cell run of a
    text dump), and which form parser recognised it."""

    table_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    table_index: int = column(INT, required=True)  # 1-based, in reading order
    first_line: int = column(INT, required=True, page="first_page")
    first_page: int | None = column(INT)
    last_line: int = column(INT, required=True, page="last_page")
    last_page: int | None = column(INT)
    page_count: int | None = column(INT)  # pages it is printed on (null for text files)
    row_count: int = column(INT, required=True)
    column_count: int = column(INT, required=True)
    merged_cell_count: int = column(INT, required=True)  # cells spanning more than one row or column
    header_rows_dropped: int = column(INT, required=True)  # header rows repeated on continuation pages
    recognised_as: str | None = column(STRING)  # project_table | budget_table: the form whose table holds it


@record
class ProjectTable:
    project_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    title_line: int = column(INT, required=True, page="title_page")
    title_page: int | None = column(INT)
    source_line: int = column(INT, required=True, page="source_page")
    source_page: int | None = column(INT)
    source_line_end: int = column(INT, required=True, page="source_page_end")
    source_page_end: int | None = column(INT)
    title: str = column(STRING, required=True)
    year_printed: int | None = column(INT32)
    end_reason: str = column(STRING, required=True)
    project_name: str | None = column(STRING)
    department_as_printed: str | None = column(STRING)
    department_code: str | None = column(STRING)
    department_name: str | None = column(STRING)
    department_credit_code: str | None = column(STRING)
    implementing_unit: str | None = column(STRING)
    project_attribute: str | None = column(STRING)  # 项目属性 / 项目性质
    project_class: str | None = column(STRING)  # 项目类别 (特定目标类, 其他运转类 …)
    project_period: str | None = column(STRING)
    planned_start_date: dt.date | None = column(DATE)  # 计划开始日期
    planned_end_date: dt.date | None = column(DATE)  # 计划完成日期
    project_category: str | None = column(STRING)
    project_category_items: str | None = column(STRING)
    funds_unit_stated: str | None = column(STRING)
    funds_line: int | None = column(INT, page="funds_page")
    funds_page: int | None = column(INT)
    overview: str | None = column(STRING)
    basis: str | None = column(STRING)
    necessity: str | None = column(STRING)
    measures: str | None = column(STRING)
    plan: str | None = column(STRING)
    overall_goal_text: str | None = column(STRING)
    overall_goal_implementation: str | None = column(STRING)
    overall_goal_annual: str | None = column(STRING)
    goal_split: str | None = column(STRING)
    grid_line: int | None = column(INT, page="grid_page")
    grid_page: int | None = column(INT)
    # the grid starts at its heading (绩效指标, 一级指标) or a level-1 category: not a fragment cut from its top
    grid_starts_at_heading: bool | None = column(BOOL)
    footer_line: int | None = column(INT, page="footer_page")
    footer_page: int | None = column(INT)
    filled_date: dt.date | None = column(DATE)
    filled_date_precision: str | None = column(STRING)
    filled_date_text: str | None = column(STRING)
    grid_number_set: str | None = column(STRING)
    grid_lines: int = column(INT, required=True)
    grid_lines_indicator: int = column(INT, required=True)
    grid_lines_label: int = column(INT, required=True)
    grid_lines_placeholder: int = column(INT, required=True)
    grid_lines_rejected: int = column(INT, required=True)


@record
class Indicator:
    indicator_id: str = column(STRING, required=True)
    project_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    period: str = column(STRING, required=True)
    position: int = column(INT, required=True)
    level1: str | None = column(STRING)
    level1_printed: str | None = column(STRING)
    level2: str | None = column(STRING)
    level2_printed: str | None = column(STRING)
    indicator_name: str | None = column(STRING)
    indicator_name_as_printed: str | None = column(STRING)
    target_text: str | None = column(STRING)
    comparator: str | None = column(STRING)
    target_value: Decimal | None = column(decimal(24, 6))
    target_unit: str | None = column(STRING)
    value_kind: str | None = column(STRING)
    target_value_yuan: Decimal | None = column(decimal(24, 2))
    weight: Decimal | None = column(decimal(12, 4))  # 分值 / 权重 column of the grid, where it prints one
    is_placeholder: bool = column(BOOL, required=True)
    source_line: int = column(INT, required=True, page="source_page")
    source_page: int | None = column(INT)


@record
class ProjectFunding:
    project_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    period: str = column(STRING, required=True)
    fund_source: str = column(STRING, required=True)
    fund_source_label: str = column(STRING, required=True)
    amount_as_printed: str = column(STRING, required=True)
    amount_value: Decimal | None = column(decimal(24, 6))
    unit: str | None = column(STRING)
    amount_yuan: Decimal | None = column(decimal(20, 2))
    unit_conflict: bool = column(BOOL, required=True)
    source_line: int | None = column(INT, page="source_page")
    source_page: int | None = column(INT)


@record
class BudgetTable:
    table_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    table_type: str = column(STRING, required=True)
    table_title: str = column(STRING, required=True)
    title_line: int = column(INT, required=True, page="title_page")
    title_page: int | None = column(INT)
    end_line: int = column(INT, required=True, page="end_page")
    end_page: int | None = column(INT)
    is_declared_empty: bool = column(BOOL, required=True)
    empty_note_line: int | None = column(INT, page="empty_note_page")
    empty_note_page: int | None = column(INT)
    amount_cells: int = column(INT, required=True)
    layout: str = column(STRING, required=True)  # tab | text (text dumps) | grid (a table of the grid model)
    columns_from: str | None = column(STRING)  # layout (the Shanxi layout of its type) | header (its own headings)
    unit_stated: str | None = column(STRING)  # 元 | 万元, as the table states it (单位：…)
    phase: str | None = column(STRING)  # budget | adjusted_budget | executed, from the title
    year_printed: int | None = column(INT32)  # the year of the title
    header_rows: int | None = column(INT)  # rows of column headings read (header tables)


@record
class BudgetColumn:
    """One column of a budget table as its headings describe it: what it holds and which total it adds into."""

    table_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    column_index: int = column(INT, required=True)  # 1-based, in print order
    column_label: str = column(STRING, required=True)  # the lowest heading (合计, 基本支出, 预算数, 类 …)
    column_path: str = column(STRING, required=True)  # every heading above it, top down, joined by ' > '
    role: str = column(STRING, required=True)  # code | label | amount
    side: str | None = column(STRING)  # income | expenditure, in two-sided tables
    is_total_column: bool = column(BOOL, required=True)  # the total of its side (no bigger total above it)
    sums_into: int | None = column(INT)  # column_index of the total this column is one part of
    phase: str | None = column(STRING)  # budget | adjusted_budget | executed, as the heading or title says
    amount_year: int | None = column(INT32)  # the year the heading or the title prints
    heading_line: int | None = column(INT, page="heading_page")  # where its lowest heading is printed
    heading_page: int | None = column(INT)


@record
class BudgetLine:
    budget_line_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    table_id: str = column(STRING, required=True)
    table_type: str = column(STRING, required=True)
    table_title: str = column(STRING, required=True)
    row_number: int = column(INT, required=True)
    row_label: str | None = column(STRING)
    row_label_2: str | None = column(STRING)
    row_role: str | None = column(STRING)  # grammar.budget_grid.row_role
    classification_code: str | None = column(STRING)
    classification_level: int | None = column(INT32)  # 1 类, 2 款, 3 项
    column_label: str = column(STRING, required=True)
    column_index: int | None = column(INT)  # 1-based (BudgetColumn.column_index)
    column_path: str | None = column(STRING)
    is_total_column: bool = column(BOOL, required=True)
    side: str | None = column(STRING)
    block: str = column(STRING, required=True)
    is_total_row: bool = column(BOOL, required=True)
    is_aggregate_row: bool = column(BOOL, required=True)
    indent_level: int = column(INT, required=True)
    unit: str | None = column(STRING)  # the unit the table states (元 | 万元); the Shanxi layouts are in 万元
    amount_value: Decimal | None = column(decimal(22, 4))  # the amount as printed, in `unit`
    amount_as_printed: str = column(STRING, required=True)
    phase: str | None = column(STRING)  # budget | adjusted_budget | executed
    amount_year: int | None = column(INT32)
    is_undoubled: bool = column(BOOL, required=True)
    source_line: int = column(INT, required=True, page="source_page")
    source_page: int | None = column(INT)


@record
class NarrativeFigure:
    narrative_figure_id: str = column(STRING, required=True)
    part_of_figure_id: str | None = column(STRING)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    source_line: int = column(INT, required=True, page="source_page")
    source_page: int | None = column(INT)
    section: str | None = column(STRING)
    label: str | None = column(STRING)
    refers_to_label: str | None = column(STRING)
    topic: str | None = column(STRING)
    value: Decimal = column(decimal(18, 4), required=True)
    unit: str = column(STRING, required=True)
    figure_text: str = column(STRING, required=True)
    refers_to_figure_id: str | None = column(STRING)  # a share `占 Y%`: the amount before it


@record
class NarrativeClassification:
    """An amount the narrative states for a classification it names (类, 款, 项 by name, code or both)."""

    narrative_item_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    source_line: int = column(INT, required=True, page="source_page")
    source_page: int | None = column(INT)
    class_name: str | None = column(STRING)
    class_code: str | None = column(STRING)
    kuan_name: str | None = column(STRING)
    kuan_code: str | None = column(STRING)
    xiang_name: str | None = column(STRING)
    xiang_code: str | None = column(STRING)
    level: int = column(INT, required=True)  # the deepest level named: 1 类, 2 款, 3 项
    classification_code: str | None = column(STRING)  # the whole code, where every level prints its code
    amount_role: str = column(STRING, required=True)  # stated | budget | adjusted_budget | executed | previous_executed
    amount_year: int | None = column(INT32)
    value: Decimal = column(decimal(18, 4), required=True)
    decimals: int = column(INT, required=True)
    unit: str = column(STRING, required=True)
    quote: str = column(STRING, required=True)


@record
class NarrativeChange:
    """A comparison the narrative draws between two figures: a direction word, and the change it states."""

    narrative_change_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    source_line: int = column(INT, required=True, page="source_page")
    source_page: int | None = column(INT)
    pattern: str = column(STRING, required=True)  # prior_year_execution | budget_outturn | year_on_year
    subject: str | None = column(STRING)
    previous_value: Decimal | None = column(decimal(18, 4))  # null when only the change is printed
    previous_decimals: int | None = column(INT)
    current_value: Decimal = column(decimal(18, 4), required=True)
    current_decimals: int = column(INT, required=True)
    direction: str | None = column(STRING)  # up | down | flat; null when no direction word is printed
    direction_word: str | None = column(STRING)
    change_amount: Decimal | None = column(decimal(18, 4))
    change_amount_decimals: int | None = column(INT)
    change_percent: Decimal | None = column(decimal(18, 4))
    change_percent_decimals: int | None = column(INT)
    completion_percent: Decimal | None = column(decimal(18, 4))  # `完成年初预算的98.20%`
    completion_percent_decimals: int | None = column(INT)
    unit: str = column(STRING, required=True)
    quote: str = column(STRING, required=True)


@record
class TextFinding:
    """Something in a document's text a reviewer would send back: a template placeholder left in, a sentence cut
    off, doubled punctuation, unbalanced quotation marks, a year or a name that disagrees with the document, a
    table the contents promise but the document lacks. One row per finding, at the line it quotes."""

    text_finding_id: str = column(STRING, required=True)
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    source_line: int | None = column(INT, page="source_page")
    source_page: int | None = column(INT)
    check: str = column(STRING, required=True)  # see ingest.forms.text_checks.CHECKS
    found: str = column(STRING, required=True)  # what was found (the placeholder, the year, the name …)
    expected: str | None = column(STRING)  # what the document says elsewhere (its year, its name …)
    quote: str = column(STRING, required=True)  # the line (or sentence) as printed, shortened around the find


@record
class Reject:
    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    source_line: int | None = column(INT, page="source_page")
    source_page: int | None = column(INT)
    source_line_end: int | None = column(INT, page="source_page_end")
    source_page_end: int | None = column(INT)
    stage: str = column(STRING, required=True)
    reason: str = column(STRING, required=True)
    detail: str = column(STRING, required=True)


@record
class TableLines:
    """Line accounting: one row per recognised table (project or budget) and line status, with how many non-blank
    lines of the table have that status. Every non-blank line of a table has exactly one status."""

    document_id: str = column(STRING, required=True)
    source_file: str = column(STRING, required=True)
    table_id: str = column(STRING, required=True)
    table_kind: str = column(STRING, required=True)  # project | budget
    first_line: int = column(INT, required=True, page="first_page")
    first_page: int | None = column(INT)
    last_line: int = column(INT, required=True, page="last_page")
    last_page: int | None = column(INT)
    status: str = column(STRING, required=True)
    line_role: str = column(STRING, required=True)  # loaded | structure | rejected
    reason: str | None = column(STRING)  # for rejected lines: the reject reason
    line_count: int = column(INT, required=True)
    first_line_with_status: int = column(INT, required=True, page="first_page_with_status")
    first_page_with_status: int | None = column(INT)


# Output table name -> record type, in the order the tables are written.
TABLES: dict[str, type] = {
    "files": FileRecord,
    "documents": DocumentRecord,
    "source_tables": SourceTable,
    "project_tables": ProjectTable,
    "project_funding": ProjectFunding,
    "indicators": Indicator,
    "budget_tables": BudgetTable,
    "budget_columns": BudgetColumn,
    "budget_lines": BudgetLine,
    "narrative_figures": NarrativeFigure,
    "narrative_classifications": NarrativeClassification,
    "narrative_changes": NarrativeChange,
    "text_findings": TextFinding,
    "rejects": Reject,
    "table_lines": TableLines,
}

SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(f.name, f.metadata["arrow"]) for f in fields(cls)]) for name, cls in TABLES.items()
}
_LINE_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {
    cls: tuple((f.name, f.metadata["page"]) for f in fields(cls) if f.metadata["page"]) for cls in TABLES.values()
}


def locate_records(document: Document, rows: list) -> None:
    """Positions of the document's line view -> (page, line on the page), for every line field of the records.
    Text files need nothing: a position is the line number and there are no pages."""
    if not document.is_paged:
        return
    for row in rows:
        for line_field, page_field in _LINE_FIELDS[type(row)]:
            position = getattr(row, line_field)
            if position is None:
                continue  # nothing to locate (a page-level reject keeps the page it was given)
            page, line = document.locate(position)
            setattr(row, line_field, line)
            setattr(row, page_field, page)


def to_arrow(name: str, rows: list) -> pa.Table:
    schema = SCHEMAS[name]
    return pa.table([pa.array([getattr(row, f.name) for row in rows], type=f.type) for f in schema], schema=schema)


def empty_tables() -> dict[str, pa.Table]:
    return {name: schema.empty_table() for name, schema in SCHEMAS.items()}


def concat(name: str, tables: list[pa.Table]) -> pa.Table:
    return pa.concat_tables(tables) if tables else SCHEMAS[name].empty_table()
