"""Ingest a folder of raw documents into Parquet tables, one per record type.

Documents are read in batches (bounded memory at any corpus size) and segmented in the main process; the project
tables of a batch are then parsed in parallel (forked workers, in chunks, so that one large document is spread over
all cores) while the main process parses the budget tables, and merged back per document. Each document's tables can
be stored in a content-hash cache (ingest/cache.py), so an unchanged file is not parsed again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from ingest import records
from ingest.budget_tables import find_budget_tables, parse_budget_table
from ingest.cache import DocumentCache, entry_key
from ingest.document import describe_document
from ingest.grammar.indicators import text_label_pattern, vocabulary
from ingest.header import parse_project_name
from ingest.indicators import indicator_records, parse_indicator_grid
from ingest.line_accounting import account_lines
from ingest.narrative import narrative_figures
from ingest.project_table import parse_project_table
from ingest.reader import RawDocument, UnreadableDocument, document_from_bytes
from ingest.segment import TableSegment, find_project_tables

_CHUNK = 64  # project tables per parallel task
_PARALLEL_MIN_TABLES = 150  # below this, forking costs more than it saves
_BATCH_BYTES = 48 * 2**20  # raw bytes parsed per batch: bounds memory, keeps both cores busy


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
    files: list[dict] = field(default_factory=list)
    table_lines: list[dict] = field(default_factory=list)

    def extend(self, other: ParsedDocument) -> None:
        for name in records.TABLES:
            getattr(self, name).extend(getattr(other, name))


@dataclass
class IngestResult:
    tables: dict[str, pl.DataFrame]
    seconds: float

    def count(self, table: str) -> int:
        return self.tables[table].height


@dataclass
class IngestSummary:
    """What `ingest_to_parquet` wrote: row counts per table, documents parsed or taken from the cache."""

    counts: dict[str, int]
    seconds: float
    files: int = 0
    parsed: int = 0
    cached: int = 0

    def line(self) -> str:
        counts = ", ".join(f"{name} {n}" for name, n in self.counts.items())
        cache = f"; {self.parsed} parsed, {self.cached} unchanged (cache)" if self.cached else ""
        return f"{counts}{cache}"


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


def _account_table(doc: RawDocument, out: ParsedDocument, table_id: str, kind: str, first: int, last: int,
                   statuses: dict[int, str], reasons: dict[int, str]) -> None:
    """Line accounting rows of one table; a non-blank line no parser claimed becomes a reject too."""
    counts, unaccounted = account_lines(doc.lines, first, last, statuses, reasons)
    out.table_lines += [
        {"document_id": doc.document_id, "source_file": doc.source_file, "table_id": table_id, "table_kind": kind,
         "first_line": first, "last_line": last, "status": c.status, "line_role": c.role, "reason": c.reason,
         "line_count": c.line_count, "first_line_with_status": c.first_line}
        for c in counts
    ]
    out.rejects += [_reject(doc.document_id, doc.source_file, line, line, "line_accounting", "unaccounted_line",
                            f"{table_id}: no parser read this line: {doc.lines[line - 1].strip()[:60]}")
                    for line in unaccounted]


def parse_project(doc: RawDocument, seg: TableSegment, out: ParsedDocument) -> None:
    """Header, funding and indicator grid of one segmented table."""
    statuses = dict.fromkeys(range(seg.title_line, (seg.name_line or seg.end_line + 1)), "title")
    if seg.name_line is None:
        out.rejects.append(_reject(doc.document_id, doc.source_file, seg.title_line, seg.end_line, "segment",
                                   "truncated_table", "project table title without a 项目名称 row"))
        statuses.update(dict.fromkeys(range(seg.title_line + 1, seg.end_line + 1), "truncated_table"))
        _account_table(doc, out, f"{doc.document_id}:{seg.title_line}", "project", seg.title_line, seg.end_line,
                       statuses, dict.fromkeys(statuses, "truncated_table"))
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
    has_footer = seg.end_reason == "footer"
    header_end = (grid_line - 1) if grid_line else seg.end_line - (1 if has_footer else 0)
    statuses.update(dict.fromkeys(range(seg.name_line, header_end + 1), "header"))
    if has_footer:
        statuses[seg.end_line] = "footer"
    reasons: dict[int, str] = {}
    if grid_line:
        last = seg.end_line - 1 - (1 if has_footer else 0)
        grid = parse_indicator_grid(doc.lines, grid_line - 1, last)
        out.indicators += indicator_records(project_id, doc.document_id, doc.source_file, grid)
        grid_counts["grid_lines"] = sum(1 for line in doc.lines[grid_line - 1: last + 1] if line.strip())
        for status in grid.line_status.values():
            grid_counts["grid_lines_rejected" if status == "reject" else f"grid_lines_{status}"] += 1
        statuses.update(grid.line_status)
        reasons.update({line: reason for line, reason, _ in grid.rejects})
        out.rejects += [
            _reject(doc.document_id, doc.source_file, line, line, "indicator_grid", reason, f"{project_id}: {detail}")
            for line, reason, detail in grid.rejects
        ]
    else:
        out.rejects.append(_reject(doc.document_id, doc.source_file, seg.name_line, seg.end_line, "indicator_grid",
                                   "truncated_table", f"{project_id}: no indicator grid in the table"))
    _account_table(doc, out, project_id, "project", seg.title_line, seg.end_line, statuses, reasons)
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
        _account_table(doc, out, parsed.table["table_id"], "budget", table.title_line, table.end_line,
                       parsed.line_status, {line: reason for line, reason, _ in parsed.issues})


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
    """Typed frames, built column by column (several times faster than from row dicts)."""
    frames = {}
    for name, schema in records.TABLES.items():
        rows = getattr(parsed, name)
        frames[name] = pl.DataFrame({col: [row.get(col) for row in rows] for col in schema}, schema=schema)
    return frames


def _parse_chunk(task: tuple[int, int, int]) -> dict[str, pl.DataFrame]:
    """Parse some tables of one document; frames travel back to the parent cheaply (Arrow), dicts do not."""
    doc_index, start, stop = task
    return _frames(parse_segments(_DOCS[doc_index], _SEGMENTS[doc_index][start:stop]))


def _warm_up() -> None:
    """Load what the parsers build lazily once, before forking, instead of once in every worker."""
    vocabulary()
    text_label_pattern()


def parse_batch(docs: list[RawDocument], workers: int) -> list[dict[str, pl.DataFrame]]:
    """The tables of each document of a batch, in order."""
    segments = [find_project_tables(doc.lines) for doc in docs]
    tasks = [(i, start, start + _CHUNK) for i, segs in enumerate(segments) for start in range(0, len(segs), _CHUNK)]
    # Largest tasks first, so that the last one to finish is short.
    order = sorted(range(len(tasks)), key=lambda t: -min(_CHUNK, len(segments[tasks[t][0]]) - tasks[t][1]))
    global _DOCS, _SEGMENTS
    _DOCS, _SEGMENTS = docs, segments
    wholes = [ParsedDocument() for _ in docs]
    try:
        if workers > 1 and sum(len(s) for s in segments) >= _PARALLEL_MIN_TABLES and "fork" in \
                multiprocessing.get_all_start_methods():
            _warm_up()
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                pending = pool.map_async(_parse_chunk, [tasks[t] for t in order], chunksize=1)
                for doc, whole in zip(docs, wholes, strict=True):  # meanwhile, the budget tables here
                    parse_budget_tables(doc, whole)
                parts = dict(zip(order, pending.get(), strict=True))
        else:
            parts = {t: _parse_chunk(task) for t, task in enumerate(tasks)}
            for doc, whole in zip(docs, wholes, strict=True):
                parse_budget_tables(doc, whole)
    finally:
        _DOCS, _SEGMENTS = [], []
    out = []
    for i, doc in enumerate(docs):
        doc_parts = [parts[t] for t, task in enumerate(tasks) if task[0] == i]
        whole = wholes[i]
        loaded = sum(part["project_tables"].height for part in doc_parts)
        row, rejects = document_row(doc, segments[i], loaded)
        whole.documents.append(row)
        whole.rejects += rejects
        whole.files.append(file_row(doc.source_file, doc.size_bytes, doc.sha256, "loaded", encoding=doc.encoding,
                                    line_count=len(doc.lines)))
        frames = doc_parts + [_frames(whole)]
        out.append({name: pl.concat([f[name] for f in frames], how="vertical") for name in records.TABLES})
    return out


def file_row(source_file: str, size: int, sha256: str, status: str, encoding: str | None = None,
             line_count: int | None = None, duplicate_of: str | None = None, detail: str | None = None) -> dict:
    return {"source_file": source_file, "document_id": Path(source_file).stem, "size_bytes": size,
            "sha256": sha256, "encoding": encoding, "line_count": line_count, "status": status,
            "duplicate_of": duplicate_of, "detail": detail}


@dataclass
class _Pending:
    key: str
    doc: RawDocument | None = None  # to parse
    tables: dict[str, pl.DataFrame] | dict[str, Path] | None = None  # known already: cached files, rejects


Tables = dict[str, pl.DataFrame] | dict[str, Path]


def iter_documents(raw_dir: Path, workers: int | None = None, cache: DocumentCache | None = None,
                   stats: IngestSummary | None = None) -> Iterator[Tables]:
    """The tables of every raw file, in file order: frames parsed now, or the Parquet files of a cache entry.

    Unreadable files and repeated contents yield their rejects."""
    workers = workers or os.cpu_count() or 1
    seen: dict[str, str] = {}  # content hash -> first file with it
    batch: list[_Pending] = []
    batch_bytes = 0

    def flush() -> Iterator[Tables]:
        to_parse = [p for p in batch if p.doc is not None]
        for pending, frames in zip(to_parse, parse_batch([p.doc for p in to_parse], workers), strict=True):
            pending.tables = cache.store(pending.key, frames) if cache else frames
        for pending in batch:
            yield pending.tables

    def rejected(path: Path, data: bytes, sha256: str, status: str, reason: str, detail: str,
                 duplicate_of: str | None = None, doc: RawDocument | None = None) -> _Pending:
        out = ParsedDocument()
        out.rejects.append(_reject(path.stem, path.name, None, None, "read", reason, detail))
        out.files.append(file_row(path.name, len(data), sha256, status, duplicate_of=duplicate_of, detail=detail,
                                  encoding=doc.encoding if doc else None,
                                  line_count=len(doc.lines) if doc else None))
        return _Pending("", tables=_frames(out))

    for path in raw_files(raw_dir):
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        if stats:
            stats.files += 1
        key = entry_key(sha256, path.name)
        if sha256 in seen:
            # The same bytes under another name: loading them twice would double every figure.
            batch.append(rejected(path, data, sha256, "duplicate", "duplicate_document",
                                  f"same content as {seen[sha256]}", duplicate_of=seen[sha256]))
        elif cache and cache.has(key):
            seen[sha256] = path.name
            if stats:
                stats.cached += 1
            batch.append(_Pending(key, tables=cache.files(key)))
        else:
            seen[sha256] = path.name
            try:
                doc = document_from_bytes(path.name, data, sha256)
            except UnreadableDocument as exc:
                batch.append(rejected(path, data, sha256, "unreadable", "unreadable_document", str(exc)))
                continue
            if not any(line.strip() for line in doc.lines):
                batch.append(rejected(path, data, sha256, "empty", "empty_document",
                                      f"no text ({len(data)} bytes)", doc=doc))
                continue
            batch.append(_Pending(key, doc=doc))
            if stats:
                stats.parsed += 1
            batch_bytes += len(data)
            if batch_bytes >= _BATCH_BYTES:
                yield from flush()
                batch, batch_bytes = [], 0
    yield from flush()


def _empty_frames() -> dict[str, pl.DataFrame]:
    return {name: pl.DataFrame(schema=schema) for name, schema in records.TABLES.items()}


def ingest_directory(raw_dir: Path, workers: int | None = None) -> IngestResult:
    """Every raw file of a folder, parsed into in-memory frames (no cache)."""
    started = time.perf_counter()
    frames = list(iter_documents(raw_dir, workers)) or [_empty_frames()]
    tables = {name: pl.concat([f[name] for f in frames], how="vertical") for name in records.TABLES}
    return IngestResult(tables, time.perf_counter() - started)


def write_parquet(result: IngestResult, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, df in result.tables.items():
        tmp = out_dir / f".{name}.parquet.tmp"
        df.write_parquet(tmp)
        tmp.replace(out_dir / f"{name}.parquet")


class _TableWriters:
    """One Parquet file per table, appended document by document (a row group each): memory stays bounded."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.schemas = {name: pl.DataFrame(schema=schema).to_arrow().schema for name, schema in records.TABLES.items()}
        self.writers = {name: pq.ParquetWriter(out_dir / f".{name}.parquet.tmp", arrow_schema)
                        for name, arrow_schema in self.schemas.items()}
        self.counts = dict.fromkeys(records.TABLES, 0)

    def append(self, tables: Tables) -> None:
        for name, item in tables.items():
            frame = item if isinstance(item, pl.DataFrame) else pl.read_parquet(item)
            if frame.height:
                # Both kinds go through polars, so their Arrow types match the writer's schema exactly.
                self.writers[name].write_table(frame.to_arrow())
                self.counts[name] += frame.height

    def close(self) -> dict[str, int]:
        for name, writer in self.writers.items():
            writer.close()
            (self.out_dir / f".{name}.parquet.tmp").replace(self.out_dir / f"{name}.parquet")
        return self.counts


def ingest_to_parquet(raw_dir: Path, out_dir: Path, cache_dir: Path | None = None,
                      workers: int | None = None) -> IngestSummary:
    """Every raw file of a folder -> one Parquet file per table in out_dir, streaming (memory bounded by a batch).

    With cache_dir, each document's tables are kept under their content hash and reused while the file, its name
    and the parsers are unchanged; entries no longer used are removed at the end."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = DocumentCache(cache_dir) if cache_dir else None
    stats = IngestSummary({}, 0.0)
    writers = _TableWriters(out_dir)
    for tables in iter_documents(raw_dir, workers, cache, stats):
        writers.append(tables)
    stats.counts = writers.close()
    if cache:
        cache.prune()
    stats.seconds = time.perf_counter() - started
    return stats
