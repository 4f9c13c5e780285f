"""Ingest a folder of raw documents into Parquet tables, one per record type.

Raw files are taken in name order; each is hashed, looked up in the content-hash cache (ingest.cache), and otherwise
read and parsed by the worker pool (ingest.pool): every format through its reader into the grid model, then every
form parser (ingest.forms). A file repeated under another name is loaded once. The tables stream into the Parquet
writers (ingest.writers) document by document, so memory stays bounded at any corpus size.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ingest import records
from ingest.cache import DocumentCache, entry_key
from ingest.forms.document import document_records
from ingest.forms.project.segment import TableSegment, find_project_tables
from ingest.grid.model import Document
from ingest.manifest import empty_file, is_empty, rejected_file, unreadable_file
from ingest.pool import BudgetPart, ProjectChunk, Task, WholeDocument, WorkerPool
from ingest.readers import UnreadableDocument, read_bytes
from ingest.readers.sniff import detect_format
from ingest.settings import POOL
from ingest.writers import Tables, TableWriters, arrow_table, result_tables


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
    pages: int = 0  # pages of the paged documents read (PDF, DOCX) and sheets of workbooks

    def line(self) -> str:
        counts = ", ".join(f"{name} {n}" for name, n in self.counts.items())
        cache = f"; {self.parsed} parsed, {self.cached} unchanged (cache)"
        return f"{counts}{cache}"


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith("."))


@dataclass
class _Item:
    """One raw file's place in the output: its tables when known now, else the tasks that make them."""

    name: str
    key: str
    tables: Tables | None = None
    tasks: int = 0  # number of consecutive tasks (whole: 1; big: chunks + rest)
    doc: Document | None = None  # a big text document (its segments decide the chunks)
    segments: list[TableSegment] = field(default_factory=list)


def _sniff(data: bytes) -> str | None:
    try:
        return detect_format(data)
    except UnreadableDocument:
        return None  # the worker reads it and rejects it with its reason


def iter_documents(raw_dir: Path, workers: int | None = None, cache: DocumentCache | None = None,
                   stats: IngestSummary | None = None) -> Iterator[Tables]:
    """The tables of every raw file, in file order: Arrow tables parsed now, or the Parquet files of a cache entry.

    Unreadable, empty and repeated files yield their rejects and manifest rows."""
    workers = workers or os.cpu_count() or 1
    stats = stats or IngestSummary({}, 0.0)
    seen: dict[str, str] = {}  # content hash -> first file with it
    items: list[_Item] = []
    tasks: list[Task] = []
    text_to_parse = 0
    formats: set[str] = set()
    for path in raw_files(raw_dir):
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        stats.files += 1
        key = entry_key(sha256, path.name)
        if sha256 in seen:
            # The same bytes under another name: loading them twice would double every figure.
            items.append(_Item(path.name, key, result_tables(rejected_file(
                path.name, len(data), sha256, "duplicate", "duplicate_document", f"same content as {seen[sha256]}",
                duplicate_of=seen[sha256]))))
            continue
        seen[sha256] = path.name
        if cache and cache.has(key):
            stats.cached += 1
            items.append(_Item(path.name, key, cache.files(key)))
            continue
        file_format = _sniff(data)
        formats.add(file_format or "unknown")
        if file_format != "text" or len(data) < POOL.big_document_bytes:
            items.append(_Item(path.name, key, tasks=1))
            tasks.append(WholeDocument(str(path), sha256, key))
            text_to_parse += len(data) if file_format == "text" else 0
            continue
        # A large text document: read here to cut it into chunks of project tables, parsed in parallel.
        try:
            doc = read_bytes(path.name, data, sha256)
        except UnreadableDocument as exc:
            items.append(_Item(path.name, key, result_tables(unreadable_file(path.name, data, sha256, exc))))
            continue
        text_to_parse += len(data)
        if is_empty(doc):
            items.append(_Item(path.name, key, result_tables(empty_file(doc))))
            continue
        segments = find_project_tables(doc.lines)
        chunk = POOL.chunk_project_tables
        chunks = [ProjectChunk(str(path), sha256, start, start + chunk) for start in range(0, len(segments), chunk)]
        tasks += [*chunks, BudgetPart(str(path), sha256)]
        # Keep the document for its own rows; the workers read the file themselves.
        items.append(_Item(path.name, key, tasks=len(chunks) + 1, doc=doc, segments=segments))

    parallel = text_to_parse >= POOL.parallel_min_bytes or bool(formats - {"text", "unknown"})
    with WorkerPool(workers, parallel, cache, formats) as pool:
        results = pool.results(tasks)
        for item in items:
            if item.tables is not None:
                yield item.tables
                continue
            outputs = [next(results) for _ in range(item.tasks)]
            stats.parsed += outputs[0][0]
            if item.doc is None:  # a whole document, parsed (and cached) by a worker
                if cache and outputs[0][0]:
                    cache.used.add(item.key)  # the worker stored it; its own record of that stays in the worker
                yield outputs[0][1]
                continue
            parts = [tables for _, tables in outputs]
            project_tables = sum(arrow_table(part["project_tables"]).num_rows for part in parts)
            own = result_tables(document_records(item.doc, item.segments, project_tables))
            tables = {name: records.concat(name, [arrow_table(part[name]) for part in [*parts, own] if name in part])
                      for name in records.TABLES}
            item.doc, item.segments = None, []
            yield cache.store(item.key, tables) if cache else tables


def ingest_directory(raw_dir: Path, workers: int | None = None) -> IngestResult:
    """Every raw file of a folder, parsed into in-memory polars frames (no cache)."""
    started = time.perf_counter()
    parts = list(iter_documents(raw_dir, workers))
    tables = {name: pl.from_arrow(records.concat(name, [arrow_table(part[name]) for part in parts if name in part]))
              for name in records.TABLES}
    return IngestResult(tables, time.perf_counter() - started)


def write_parquet(result: IngestResult, out_dir: Path) -> None:
    writers = TableWriters(out_dir)
    writers.append({name: frame.to_arrow() for name, frame in result.tables.items()})
    writers.close()


class Progress:
    """`ingest: 120/900 files (13 %, 41 s)` on stderr every `every_files` files or `every_seconds`, whichever comes
    first, and once at the end; silent for corpora under `min_files` (they finish before anyone waits)."""

    def __init__(self, total: Callable[[], int], min_files: int = 50, every_files: int = 100,
                 every_seconds: float = 10.0, say: Callable[[str], None] | None = None) -> None:
        self.total, self.min_files = total, min_files
        self.every_files, self.every_seconds = every_files, every_seconds
        self.say = say or (lambda line: print(line, file=sys.stderr, flush=True))
        self.started = self.last_time = time.perf_counter()
        self.done = self.last_done = 0

    def tick(self) -> None:
        self.done += 1
        total, now = self.total(), time.perf_counter()
        due = (self.done - self.last_done >= self.every_files or now - self.last_time >= self.every_seconds
               or self.done == total)
        if total < self.min_files or not due:
            return
        self.say(f"ingest: {self.done}/{total} files ({100 * self.done // total} %, {now - self.started:.0f} s)")
        self.last_done, self.last_time = self.done, now


def ingest_to_parquet(raw_dir: Path, out_dir: Path, cache_dir: Path | None = None,
                      workers: int | None = None) -> IngestSummary:
    """Every raw file of a folder -> one Parquet file per table in out_dir, streaming (memory bounded by a batch).

    With cache_dir, each document's tables are kept under their content hash and reused while the file, its name
    and the parsers are unchanged; entries no longer used are removed at the end."""
    started = time.perf_counter()
    cache = DocumentCache(cache_dir) if cache_dir else None
    stats = IngestSummary({}, 0.0)
    writers = TableWriters(out_dir)
    # Every file is listed and hashed before the first one is yielded, so stats.files is the total by then.
    progress = Progress(lambda: stats.files)
    for tables in iter_documents(raw_dir, workers, cache, stats):
        progress.tick()
        tables = {name: arrow_table(item) for name, item in tables.items()}
        writers.append(tables)
        if "documents" in tables:
            stats.pages += sum(n or 0 for n in tables["documents"].column("page_count").to_pylist())
    stats.counts = writers.close()
    if cache:
        cache.prune()
    stats.seconds = time.perf_counter() - started
    return stats
