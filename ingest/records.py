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

TABLES = {"documents": DOCUMENTS, "project_tables": PROJECT_TABLES, "rejects": REJECTS}

