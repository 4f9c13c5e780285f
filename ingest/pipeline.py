"""Ingest a folder of raw documents into Parquet tables, one per record type.

Documents are read and segmented in the main process; the project tables are then parsed in parallel (forked
workers, in chunks, so that one large document is spread over all cores) and merged back in document order.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest import records
from ingest.budget_tables import find_budget_tables, parse_budget_table
from ingest.document import describe_document
from ingest.header import parse_project_name
from ingest.indicators import indicator_records, parse_indicator_grid
from ingest.narrative import narrative_figures
from ingest.project_table import parse_project_table
from ingest.reader import RawDocument, UnreadableDocument, read_document
from ingest.segment import TableSegment, find_project_tables

_CHUNK = 64  # project tables per parallel task
_PARALLEL_MIN_TABLES = 150  # below this, forking costs more than it saves


@dataclass
class ParsedDocument:
    documents: list[dict] = field(default_factory=list)
    project_tables: list[dict] = field(default_factory=list)
    project_funding: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    budget_tables: list[dict] = field(default_factory=list)
    budget_lines: list[dict] = field(default_factory=list)
    narrative_figures: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)

    def extend(self, other: ParsedDocument) -> None:
        for name in records.TABLES:
            getattr(self, name).extend(getattr(other, name))


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


def parse_project(doc: RawDocument, seg: TableSegment, out: ParsedDocument) -> None:
    """Header, funding and indicator grid of one segmented table."""
    if seg.name_line is None:
        out.rejects.append(_reject(doc.document_id, doc.source_file, seg.title_line, seg.end_line, "segment",
                                   "truncated_table", "project table title without a 项目名称 row"))
        return
    project_id = f"{doc.document_id}:{seg.name_line}"
    parsed = parse_project_table(doc.lines, seg)
    out.project_funding += [
        {"project_id": project_id, "document_id": doc.document_id, "source_file": doc.source_file, **vars(amount)}
        for amount in parsed.funding
    ]
    out.rejects += [
        _reject(doc.document_id, doc.source_file, line, line, "project_table", reason, f"{project_id}: {detail}")
        for line, reason, detail in parsed.issues
    ]
    grid_counts = dict.fromkeys(("grid_lines", "grid_lines_indicator", "grid_lines_label", "grid_lines_placeholder",
                                 "grid_lines_rejected"), 0)
    grid_line = parsed.fields.get("grid_line")
    if grid_line:
        last = seg.end_line - 1 - (1 if seg.end_reason == "footer" else 0)
        grid = parse_indicator_grid(doc.lines, grid_line - 1, last)
        out.indicators += indicator_records(project_id, doc.document_id, doc.source_file, grid)
        grid_counts["grid_lines"] = sum(1 for line in doc.lines[grid_line - 1: last + 1] if line.strip())
        for status in grid.line_status.values():
            grid_counts["grid_lines_rejected" if status == "reject" else f"grid_lines_{status}"] += 1
        out.rejects += [
            _reject(doc.document_id, doc.source_file, line, line, "indicator_grid", reason, f"{project_id}: {detail}")
            for line, reason, detail in grid.rejects
        ]
    else:
        out.rejects.append(_reject(doc.document_id, doc.source_file, seg.name_line, seg.end_line, "indicator_grid",
                                   "truncated_table", f"{project_id}: no indicator grid in the table"))
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
            **grid_counts,
        }
    )


def parse_segments(doc: RawDocument, segments: list[TableSegment]) -> ParsedDocument:
    out = ParsedDocument()
    for seg in segments:
        parse_project(doc, seg, out)
    return out


def parse_budget_tables(doc: RawDocument, out: ParsedDocument) -> None:
    """The department budget tables of a document (none in a project-table compilation) and its narrative."""
    out.narrative_figures += narrative_figures(doc.lines, doc.document_id, doc.source_file)
    for table in find_budget_tables(doc.lines):
        parsed = parse_budget_table(doc.lines, table, doc.document_id, doc.source_file)
        out.budget_tables.append(parsed.table)
        out.budget_lines += parsed.lines
        out.rejects += [_reject(doc.document_id, doc.source_file, line, line, "budget_table", reason, detail)
                        for line, reason, detail in parsed.issues]


def document_row(doc: RawDocument, segments: list[TableSegment], loaded: int) -> tuple[dict, list[dict]]:
    info = describe_document(doc.lines, segments)
    rejects = []
    if info.doc_kind == "unknown":
        rejects.append(_reject(doc.document_id, doc.source_file, None, None, "classify", "unknown_document_kind",
                               "no project performance table and no budget-disclosure cover found"))
    row = {
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
    return row, rejects


def parse_document(doc: RawDocument) -> ParsedDocument:
    """One document, sequentially (the parallel path in ingest_directory gives the same rows)."""
    segments = find_project_tables(doc.lines)
    out = parse_segments(doc, segments)
    parse_budget_tables(doc, out)
    row, rejects = document_row(doc, segments, len(out.project_tables))
    out.documents.append(row)
    out.rejects += rejects
    return out


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))


# Worker state: forked workers inherit the documents instead of receiving them pickled.
_DOCS: list[RawDocument] = []
_SEGMENTS: list[list[TableSegment]] = []


def _frames(parsed: ParsedDocument) -> dict[str, pl.DataFrame]:
    return {name: pl.DataFrame(getattr(parsed, name), schema=schema) for name, schema in records.TABLES.items()}


def _parse_chunk(task: tuple[int, int, int]) -> dict[str, pl.DataFrame]:
    """Parse some tables of one document; frames travel back to the parent cheaply (Arrow), dicts do not."""
    doc_index, start, stop = task
    return _frames(parse_segments(_DOCS[doc_index], _SEGMENTS[doc_index][start:stop]))


def ingest_directory(raw_dir: Path, workers: int | None = None) -> IngestResult:
    started = time.perf_counter()
    unreadable = ParsedDocument()
    docs: list[RawDocument] = []
    seen: dict[str, str] = {}  # content hash -> first file with it
    for path in raw_files(raw_dir):
        try:
            doc = read_document(path)
        except UnreadableDocument as exc:
            unreadable.rejects.append(_reject(path.stem, path.name, None, None, "read", "unreadable_document",
                                              str(exc)))
            continue
        if doc.sha256 in seen:
            # The same bytes under another name: loading them twice would double every figure.
            unreadable.rejects.append(_reject(doc.document_id, doc.source_file, None, None, "read",
                                              "duplicate_document", f"same content as {seen[doc.sha256]}"))
            continue
        seen[doc.sha256] = doc.source_file
        docs.append(doc)
    segments = [find_project_tables(doc.lines) for doc in docs]
    tasks = [(i, start, start + _CHUNK) for i, segs in enumerate(segments) for start in range(0, len(segs), _CHUNK)]
    workers = workers or os.cpu_count() or 1
    global _DOCS, _SEGMENTS
    _DOCS, _SEGMENTS = docs, segments
    wholes = [ParsedDocument() for _ in docs]
    try:
        if workers > 1 and sum(len(s) for s in segments) >= _PARALLEL_MIN_TABLES and "fork" in \
                multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                pending = pool.map_async(_parse_chunk, tasks, chunksize=1)
                for doc, whole in zip(docs, wholes, strict=True):  # meanwhile, the budget tables here
                    parse_budget_tables(doc, whole)
                parts = pending.get()
        else:
            parts = [_parse_chunk(task) for task in tasks]
            for doc, whole in zip(docs, wholes, strict=True):
                parse_budget_tables(doc, whole)
    finally:
        _DOCS, _SEGMENTS = [], []
    frames: list[dict[str, pl.DataFrame]] = []
    for i, doc in enumerate(docs):
        doc_parts = [part for (j, _, _), part in zip(tasks, parts, strict=True) if j == i]
        whole = wholes[i]
        loaded = sum(part["project_tables"].height for part in doc_parts)
        row, rejects = document_row(doc, segments[i], loaded)
        whole.documents.append(row)
        whole.rejects += rejects
        frames += doc_parts + [_frames(whole)]
    frames.append(_frames(unreadable))
    tables = {name: pl.concat([f[name] for f in frames], how="vertical") for name in records.TABLES}
    return IngestResult(tables, time.perf_counter() - started)


def write_parquet(result: IngestResult, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, df in result.tables.items():
        tmp = out_dir / f".{name}.parquet.tmp"
        df.write_parquet(tmp)
        tmp.replace(out_dir / f"{name}.parquet")
