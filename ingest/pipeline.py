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
from functools import lru_cache
from pathlib import Path

import polars as pl
import pyarrow as pa
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
        cache = f"; {self.parsed} parsed, {self.cached} unchanged (cache)"
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
    """Every table of one document, sequentially (the parallel path in ingest_directory gives the same rows)."""
    segments = find_project_tables(doc.lines)
    out = parse_segments(doc, segments)
    parse_budget_tables(doc, out)
    _document_rows(doc, segments, len(out.project_tables), out)
    return out


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))


# Arrow schemas of the tables: workers build Arrow tables with pyarrow only (see parse_whole_document).
ARROW_SCHEMAS = {name: pl.DataFrame(schema=schema).to_arrow().schema for name, schema in records.TABLES.items()}


def _arrow_tables(parsed: ParsedDocument) -> dict[str, pa.Table]:
    return {name: pa.table({f.name: pa.array([row.get(f.name) for row in getattr(parsed, name)], type=f.type)
                            for f in schema}, schema=schema)
            for name, schema in ARROW_SCHEMAS.items()}


def _as_frames(tables: dict) -> Tables:
    """Worker output (Arrow tables) as polars frames (zero-copy); cache file paths are left as they are."""
    return {name: pl.from_arrow(t) if isinstance(t, pa.Table) else t for name, t in tables.items()}


def _concat(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    return {name: pl.concat([part[name] for part in parts], how="vertical") for name in records.TABLES}


def file_row(source_file: str, size: int, sha256: str, status: str, encoding: str | None = None,
             line_count: int | None = None, duplicate_of: str | None = None, detail: str | None = None) -> dict:
    return {"source_file": source_file, "document_id": Path(source_file).stem, "size_bytes": size,
            "sha256": sha256, "encoding": encoding, "line_count": line_count, "status": status,
            "duplicate_of": duplicate_of, "detail": detail}


def _rejected_file(name: str, size: int, sha256: str, status: str, reason: str, detail: str,
                   duplicate_of: str | None = None, doc: RawDocument | None = None) -> dict[str, pa.Table]:
    """The rows of a file that is not loaded: its reject and its manifest entry."""
    out = ParsedDocument()
    out.rejects.append(_reject(Path(name).stem, name, None, None, "read", reason, detail))
    out.files.append(file_row(name, size, sha256, status, duplicate_of=duplicate_of, detail=detail,
                              encoding=doc.encoding if doc else None, line_count=len(doc.lines) if doc else None))
    return _arrow_tables(out)


def _decode(name: str, data: bytes, sha256: str) -> RawDocument | dict[str, pa.Table]:
    """The document, or the rows saying why it cannot be loaded (undecodable, or no text at all)."""
    try:
        doc = document_from_bytes(name, data, sha256)
    except UnreadableDocument as exc:
        return _rejected_file(name, len(data), sha256, "unreadable", "unreadable_document", str(exc))
    if not any(line.strip() for line in doc.lines):
        return _rejected_file(name, len(data), sha256, "empty", "empty_document", f"no text ({len(data)} bytes)",
                              doc=doc)
    return doc


def _document_rows(doc: RawDocument, segments: list[TableSegment], loaded: int, out: ParsedDocument) -> None:
    """The document's own rows (dim row, classification reject, manifest entry), once its tables are parsed."""
    row, rejects = document_row(doc, segments, loaded)
    out.documents.append(row)
    out.rejects += rejects
    out.files.append(file_row(doc.source_file, doc.size_bytes, doc.sha256, "loaded", encoding=doc.encoding,
                              line_count=len(doc.lines)))


def parse_whole_document(doc: RawDocument) -> dict[str, pa.Table]:
    """All tables of one document, as Arrow tables built with pyarrow alone: this runs in forked workers, where
    polars must not be used (its thread pool may have been forked while locked by the parent)."""
    return _arrow_tables(parse_document(doc))


# --- Parallel parsing -------------------------------------------------------------------------------------------
# A persistent pool of forked workers takes tasks in file order: a small document whole (parsed, and stored in the
# cache by the worker itself), or a large one split into chunks of project tables plus the rest (budget tables,
# narrative). Workers read the files themselves, so the main process only hashes files and writes the output.

_BIG_DOCUMENT_BYTES = 256 * 1024  # larger documents are split over the workers
_PARALLEL_MIN_BYTES = 256 * 1024  # less text than this to parse: forking costs more than it saves
_WORKER_CACHE: DocumentCache | None = None  # set before forking


@lru_cache(maxsize=2)  # the chunks of one large document follow each other: decode and segment it once per worker
def _load(path: str, sha256: str) -> tuple[RawDocument, list[TableSegment]]:
    doc = document_from_bytes(Path(path).name, Path(path).read_bytes(), sha256)
    return doc, find_project_tables(doc.lines)


def _run_task(task: tuple) -> tuple[bool, Tables]:
    """(whether a document was parsed, its tables or their cache files)."""
    kind, path, sha256 = task[:3]
    if kind == "chunk":
        doc, segments = _load(path, sha256)
        return True, _arrow_tables(parse_segments(doc, segments[task[3]:task[4]]))
    if kind == "rest":
        doc, _ = _load(path, sha256)
        rest = ParsedDocument()
        parse_budget_tables(doc, rest)
        return True, _arrow_tables(rest)
    key = task[3]  # a whole document
    decoded = _decode(Path(path).name, Path(path).read_bytes(), sha256)
    if not isinstance(decoded, RawDocument):
        return False, decoded
    frames = parse_whole_document(decoded)
    return True, _WORKER_CACHE.store(key, frames) if _WORKER_CACHE else frames


def _warm_up() -> None:
    """Load what the parsers build lazily once, before forking, instead of once in every worker (pyarrow imports
    pandas on its first array built from Python objects)."""
    vocabulary()
    text_label_pattern()
    _arrow_tables(ParsedDocument(documents=[{}]))


@dataclass
class _Item:
    """One raw file's place in the output: its tables when known now, else the tasks that make them."""

    name: str
    key: str
    tables: Tables | None = None
    tasks: int = 0  # number of consecutive tasks (whole: 1; big: chunks + rest)
    doc: RawDocument | None = None  # a big document (its segments decide the chunks)
    segments: list[TableSegment] = field(default_factory=list)


Tables = dict[str, pl.DataFrame] | dict[str, Path]


def iter_documents(raw_dir: Path, workers: int | None = None, cache: DocumentCache | None = None,
                   stats: IngestSummary | None = None) -> Iterator[Tables]:
    """The tables of every raw file, in file order: frames parsed now, or the Parquet files of a cache entry.

    Unreadable, empty and repeated files yield their rejects and manifest rows."""
    workers = workers or os.cpu_count() or 1
    stats = stats or IngestSummary({}, 0.0)
    seen: dict[str, str] = {}  # content hash -> first file with it
    items: list[_Item] = []
    tasks: list[tuple] = []
    to_parse = 0
    for path in raw_files(raw_dir):
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        stats.files += 1
        key = entry_key(sha256, path.name)
        if sha256 in seen:
            # The same bytes under another name: loading them twice would double every figure.
            items.append(_Item(path.name, key, _as_frames(_rejected_file(
                path.name, len(data), sha256, "duplicate", "duplicate_document", f"same content as {seen[sha256]}",
                duplicate_of=seen[sha256]))))
            continue
        seen[sha256] = path.name
        if cache and cache.has(key):
            stats.cached += 1
            items.append(_Item(path.name, key, cache.files(key)))
            continue
        if len(data) < _BIG_DOCUMENT_BYTES:
            items.append(_Item(path.name, key, tasks=1))
            tasks.append(("whole", str(path), sha256, key))
            to_parse += len(data)
            continue
        decoded = _decode(path.name, data, sha256)
        if not isinstance(decoded, RawDocument):
            items.append(_Item(path.name, key, _as_frames(decoded)))
            continue
        segments = find_project_tables(decoded.lines)
        chunks = [("chunk", str(path), sha256, start, start + _CHUNK) for start in range(0, len(segments), _CHUNK)]
        tasks += chunks + [("rest", str(path), sha256)]
        # Keep only the lines' owner for merging; the workers decode the file themselves.
        items.append(_Item(path.name, key, tasks=len(chunks) + 1, doc=decoded, segments=segments))
        to_parse += len(data)

    parallel = workers > 1 and to_parse >= _PARALLEL_MIN_BYTES and "fork" in multiprocessing.get_all_start_methods()
    global _WORKER_CACHE
    _WORKER_CACHE = cache
    pool = None
    try:
        if parallel:
            _warm_up()
            pool = multiprocessing.get_context("fork").Pool(workers)
            results = pool.imap(_run_task, tasks, chunksize=1)
        else:
            results = map(_run_task, tasks)
        for item in items:
            if item.tables is not None:
                yield item.tables
                continue
            outputs = [next(results) for _ in range(item.tasks)]
            stats.parsed += outputs[0][0]
            if item.doc is None:  # a whole document, parsed (and cached) by a worker
                if cache:
                    cache.used.add(item.key)  # the worker stored it; its own record of that stays in the worker
                yield _as_frames(outputs[0][1])
                continue
            parts = [_as_frames(tables) for _, tables in outputs]
            own = ParsedDocument()
            _document_rows(item.doc, item.segments, sum(part["project_tables"].height for part in parts), own)
            frames = _concat(parts + [_as_frames(_arrow_tables(own))])
            item.doc, item.segments = None, []
            yield cache.store(item.key, frames) if cache else frames
    finally:
        _WORKER_CACHE = None
        if pool is not None:
            pool.terminate()


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
