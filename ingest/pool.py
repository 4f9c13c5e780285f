"""Parallel parsing: a persistent pool of forked workers takes tasks in file order and returns their results in
that order. A task is a whole document (read, parsed, and stored in the cache by the worker itself: PDFs, DOCX,
workbooks and small text files), or, for a large text document, a chunk of its project tables or the rest of it
(budget tables, narrative), so that one large document is spread over all cores. Workers read the files
themselves; the main process only hashes files and writes the output."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from ingest.cache import DocumentCache
from ingest.forms.document import parse_budget_part, parse_document, parse_project_tables
from ingest.forms.project.segment import TableSegment, find_project_tables
from ingest.grammar.indicators import text_label_pattern, vocabulary
from ingest.grid.model import Document
from ingest.manifest import empty_file, is_empty, unreadable_file
from ingest.readers import UnreadableDocument, read_bytes
from ingest.records import empty_tables
from ingest.writers import Tables, result_tables


@dataclass(frozen=True)
class WholeDocument:
    path: str
    sha256: str
    key: str  # its cache key


@dataclass(frozen=True)
class ProjectChunk:
    path: str
    sha256: str
    start: int  # segments[start:stop] of the document
    stop: int


@dataclass(frozen=True)
class BudgetPart:
    path: str
    sha256: str


Task = WholeDocument | ProjectChunk | BudgetPart
TaskResult = tuple[bool, Tables]  # (whether a document was parsed, its tables or their cache files)

_WORKER_CACHE: DocumentCache | None = None  # set before forking


@lru_cache(maxsize=2)  # the chunks of one large document follow each other: read and segment it once per worker
def _load(path: str, sha256: str) -> tuple[Document, list[TableSegment]]:
    doc = read_bytes(Path(path).name, Path(path).read_bytes(), sha256)
    return doc, find_project_tables(doc.lines)


def run_task(task: Task) -> TaskResult:
    if isinstance(task, ProjectChunk):
        doc, segments = _load(task.path, task.sha256)
        return True, result_tables(parse_project_tables(doc, segments[task.start:task.stop]))
    if isinstance(task, BudgetPart):
        doc, _ = _load(task.path, task.sha256)
        return True, result_tables(parse_budget_part(doc))
    data = Path(task.path).read_bytes()
    try:
        doc = read_bytes(Path(task.path).name, data, task.sha256)
    except UnreadableDocument as exc:
        return False, result_tables(unreadable_file(Path(task.path).name, data, task.sha256, exc))
    if is_empty(doc):
        return False, result_tables(empty_file(doc))
    tables = result_tables(parse_document(doc))
    return True, _WORKER_CACHE.store(task.key, tables) if _WORKER_CACHE else tables


def _warm_up(formats: set[str]) -> None:
    """Load what the parsers build lazily once, before forking, instead of once in every worker (pyarrow imports
    pandas on its first array built from Python objects; the PDF and Office readers import their libraries)."""
    vocabulary()
    text_label_pattern()
    pa.array(["warm"], type=pa.large_string())
    empty_tables()
    if "pdf" in formats:
        import ingest.readers.pdf  # noqa: F401
    if "docx" in formats:
        import ingest.readers.docx  # noqa: F401
    if formats & {"xlsx", "xls", "xlsb", "ods"}:
        import ingest.readers.workbook  # noqa: F401


class WorkerPool:
    """Runs tasks in order, in forked workers when `parallel`, else in this process."""

    def __init__(self, workers: int, parallel: bool, cache: DocumentCache | None, formats: set[str]) -> None:
        self.parallel = parallel and workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        self.workers, self.cache, self.formats = workers, cache, formats
        self.pool = None

    def __enter__(self) -> WorkerPool:
        global _WORKER_CACHE
        _WORKER_CACHE = self.cache
        if self.parallel:
            _warm_up(self.formats)
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self

    def results(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        if self.pool is not None:
            return self.pool.imap(run_task, tasks, chunksize=1)
        return map(run_task, tasks)

    def __exit__(self, *exc) -> None:
        global _WORKER_CACHE
        _WORKER_CACHE = None
        if self.pool is not None:
            self.pool.terminate()
