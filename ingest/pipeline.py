"""Ingest a folder of raw documents into Parquet tables, one per record type."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest import records
from ingest.document import describe_document
from ingest.header import parse_project_name
from ingest.project_table import parse_project_table
from ingest.reader import RawDocument, UnreadableDocument, read_document
from ingest.segment import find_project_tables


@dataclass
class ParsedDocument:
    documents: list[dict] = field(default_factory=list)
    project_tables: list[dict] = field(default_factory=list)
    project_funding: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)


@dataclass
class IngestResult:
    tables: dict[str, pl.DataFrame]
    seconds: float

    def count(self, table: str) -> int:
        return self.tables[table].height


def _reject(doc_id: str, source_file: str, line: int | None, end: int | None, stage: str, reason: str, detail: str):
    return {
        "document_id": doc_id,
        "source_file": source_file,
        "source_line": line,
        "source_line_end": end,
        "stage": stage,
        "reason": reason,
        "detail": detail,
    }


def parse_document(doc: RawDocument) -> ParsedDocument:
    out = ParsedDocument()
    segments = find_project_tables(doc.lines)
    info = describe_document(doc.lines, segments)
    loaded = 0
    for seg in segments:
        if seg.name_line is None:
            out.rejects.append(
                _reject(doc.document_id, doc.source_file, seg.title_line, seg.end_line, "segment", "truncated_table",
                        "project table title without a 项目名称 row")
            )
            continue
        loaded += 1
        project_id = f"{doc.document_id}:{seg.name_line}"
        parsed = parse_project_table(doc.lines, seg)
        out.project_tables.append(
            {
                "project_id": project_id,
                "document_id": doc.document_id,
                "source_file": doc.source_file,
                "title_line": seg.title_line,
                "source_line": seg.name_line,
                "source_line_end": seg.end_line,
                "title": seg.title,
                "year_printed": seg.year_printed,
                "end_reason": seg.end_reason,
                "project_name": parse_project_name(doc.lines[seg.name_line - 1]),
                **parsed.fields,
            }
        )
        out.project_funding += [
            {"project_id": project_id, "document_id": doc.document_id, "source_file": doc.source_file,
             **vars(amount)}
            for amount in parsed.funding
        ]
        out.rejects += [
            _reject(doc.document_id, doc.source_file, line, line, "project_table", reason, f"{project_id}: {detail}")
            for line, reason, detail in parsed.issues
        ]
    if info.doc_kind == "unknown":
        out.rejects.append(
            _reject(doc.document_id, doc.source_file, None, None, "classify", "unknown_document_kind",
                    "no project performance table and no budget-disclosure cover found")
        )
    out.documents.append(
        {
            "document_id": doc.document_id,
            "source_file": doc.source_file,
            "size_bytes": doc.size_bytes,
            "sha256": doc.sha256,
            "encoding": doc.encoding,
            "line_count": len(doc.lines),
            "region_name": info.region_name,
            "admin_level": info.admin_level,
            "fiscal_year": info.fiscal_year,
            "doc_kind": info.doc_kind,
            "publisher_name": info.publisher_name,
            "cover_line": info.cover_line,
            "project_table_count": loaded,
        }
    )
    return out


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))


def ingest_directory(raw_dir: Path) -> IngestResult:
    started = time.perf_counter()
    rows: dict[str, list[dict]] = {name: [] for name in records.TABLES}
    for path in raw_files(raw_dir):
        try:
            parsed = parse_document(read_document(path))
        except UnreadableDocument as exc:
            rows["rejects"].append(_reject(path.stem, path.name, None, None, "read", "unreadable_document", str(exc)))
            continue
        rows["documents"] += parsed.documents
        for name in ("project_tables", "project_funding", "rejects"):
            rows[name] += getattr(parsed, name)
    tables = {name: pl.DataFrame(rows[name], schema=schema) for name, schema in records.TABLES.items()}
    return IngestResult(tables, time.perf_counter() - started)


def write_parquet(result: IngestResult, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, df in result.tables.items():
        tmp = out_dir / f".{name}.parquet.tmp"
        df.write_parquet(tmp)
        tmp.replace(out_dir / f"{name}.parquet")
