"""Polars schemas of the Parquet tables that ingest writes (the dbt sources)."""

from __future__ import annotations

import polars as pl

DOCUMENTS = {
    "document_id": pl.String,
    "source_file": pl.String,
    "size_bytes": pl.Int64,
    "sha256": pl.String,
    "encoding": pl.String,
    "line_count": pl.Int64,
    "region_name": pl.String,
    "admin_level": pl.String,
    "fiscal_year": pl.Int32,
    "doc_kind": pl.String,
    "publisher_name": pl.String,
    "cover_line": pl.Int64,
    "project_table_count": pl.Int64,
}

PROJECT_TABLES = {
    "project_id": pl.String,
    "document_id": pl.String,
    "source_file": pl.String,
    "title_line": pl.Int64,
    "source_line": pl.Int64,
    "source_line_end": pl.Int64,
    "title": pl.String,
    "year_printed": pl.Int32,
    "end_reason": pl.String,
    "project_name": pl.String,
    "department_as_printed": pl.String,
    "department_code": pl.String,
    "department_name": pl.String,
    "department_credit_code": pl.String,
    "implementing_unit": pl.String,
    "project_attribute": pl.String,
    "project_period": pl.String,
    "project_category": pl.String,
    "project_category_items": pl.String,
    "funds_unit_stated": pl.String,
    "funds_line": pl.Int64,
    "overview": pl.String,
    "basis": pl.String,
    "necessity": pl.String,
    "measures": pl.String,
    "plan": pl.String,
    "overall_goal_text": pl.String,
    "overall_goal_implementation": pl.String,
    "overall_goal_annual": pl.String,
    "goal_split": pl.String,
    "grid_line": pl.Int64,
    "footer_line": pl.Int64,
    "filled_date": pl.Date,
    "filled_date_precision": pl.String,
    "filled_date_text": pl.String,
    "grid_number_set": pl.String,
    "grid_lines": pl.Int64,
    "grid_lines_indicator": pl.Int64,
    "grid_lines_label": pl.Int64,
    "grid_lines_placeholder": pl.Int64,
    "grid_lines_rejected": pl.Int64,
}

INDICATORS = {
    "indicator_id": pl.String,
    "project_id": pl.String,
    "document_id": pl.String,
    "source_file": pl.String,
    "period": pl.String,
    "position": pl.Int64,
    "level1": pl.String,
    "level1_printed": pl.String,
    "level2": pl.String,
    "level2_printed": pl.String,
    "indicator_name": pl.String,
    "indicator_name_as_printed": pl.String,
    "target_text": pl.String,
    "comparator": pl.String,
    "target_value": pl.Decimal(24, 6),
    "target_unit": pl.String,
    "value_kind": pl.String,
    "target_value_yuan": pl.Decimal(24, 2),
    "is_placeholder": pl.Boolean,
    "source_line": pl.Int64,
}

PROJECT_FUNDING = {
    "project_id": pl.String,
    "document_id": pl.String,
    "source_file": pl.String,
    "period": pl.String,
    "fund_source": pl.String,
    "fund_source_label": pl.String,
    "amount_as_printed": pl.String,
    "amount_value": pl.Decimal(24, 6),
    "unit": pl.String,
    "amount_yuan": pl.Decimal(20, 2),
    "unit_conflict": pl.Boolean,
    "source_line": pl.Int64,
}

BUDGET_TABLES = {
    "table_id": pl.String,
    "document_id": pl.String,
    "source_file": pl.String,
    "table_type": pl.String,
    "table_title": pl.String,
    "title_line": pl.Int64,
    "end_line": pl.Int64,
    "is_declared_empty": pl.Boolean,
    "empty_note_line": pl.Int64,
    "amount_cells": pl.Int64,
    "layout": pl.String,
}

BUDGET_LINES = {
    "budget_line_id": pl.String,
    "document_id": pl.String,
    "source_file": pl.String,
    "table_id": pl.String,
    "table_type": pl.String,
    "table_title": pl.String,
    "row_number": pl.Int64,
    "row_label": pl.String,
    "row_label_2": pl.String,
    "classification_code": pl.String,
    "column_label": pl.String,
    "side": pl.String,
    "block": pl.String,
    "is_total_row": pl.Boolean,
    "is_aggregate_row": pl.Boolean,
    "indent_level": pl.Int64,
    "amount_wan_yuan": pl.Decimal(18, 2),
    "amount_as_printed": pl.String,
    "is_undoubled": pl.Boolean,
    "source_line": pl.Int64,
}

NARRATIVE_FIGURES = {
    "narrative_figure_id": pl.String,
    "part_of_figure_id": pl.String,
    "document_id": pl.String,
    "source_file": pl.String,
    "source_line": pl.Int64,
    "section": pl.String,
    "label": pl.String,
    "refers_to_label": pl.String,
    "topic": pl.String,
    "value": pl.Decimal(18, 4),
    "unit": pl.String,
    "figure_text": pl.String,
}

REJECTS = {
    "document_id": pl.String,
    "source_file": pl.String,
    "source_line": pl.Int64,
    "source_line_end": pl.Int64,
    "stage": pl.String,
    "reason": pl.String,
    "detail": pl.String,
}

# One row per raw file seen, loaded or not: the base of the manifest.
FILES = {
    "source_file": pl.String,
    "document_id": pl.String,
    "size_bytes": pl.Int64,
    "sha256": pl.String,
    "encoding": pl.String,  # null when the file could not be decoded
    "line_count": pl.Int64,
    "status": pl.String,  # loaded | empty | unreadable | duplicate
    "duplicate_of": pl.String,
    "detail": pl.String,
}

# Line accounting: one row per recognised table (project or budget) and line status, with how many non-blank lines
# of the table have that status. Every non-blank line of a table has exactly one status.
TABLE_LINES = {
    "document_id": pl.String,
    "source_file": pl.String,
    "table_id": pl.String,
    "table_kind": pl.String,  # project | budget
    "first_line": pl.Int64,
    "last_line": pl.Int64,
    "status": pl.String,
    "line_role": pl.String,  # loaded | structure | rejected
    "reason": pl.String,  # for rejected lines: the reject reason
    "line_count": pl.Int64,
    "first_line_with_status": pl.Int64,
}

TABLES = {
    "files": FILES,
    "documents": DOCUMENTS,
    "project_tables": PROJECT_TABLES,
    "project_funding": PROJECT_FUNDING,
    "indicators": INDICATORS,
    "budget_tables": BUDGET_TABLES,
    "budget_lines": BUDGET_LINES,
    "narrative_figures": NARRATIVE_FIGURES,
    "rejects": REJECTS,
    "table_lines": TABLE_LINES,
}

