"""PDF reading speed: pages per second, against bare pdfplumber table extraction of the same pages.

- **floor**: pdfplumber alone, `page.extract_tables()` on every page of every PDF, in one process. Whatever the
  reader does beyond this (cell spans, text lines outside the tables, continuation of tables, the line view) shows
  in the ratio, which is the figure to keep near 1.
- **reader**: `ingest.readers.read_bytes` on the same files, in one process (grid model included, no form parsing).
- **ingest**: `python -m ingest` over a folder holding only the PDFs: a fresh process, every document parsed by the
  worker pool (one document per worker task), written to Parquet.
Both in-process figures are the best of `repeat` runs, measured in the same run of the benchmark.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PdfResult:
    files: int
    pages: int
    floor_s: float  # pdfplumber extract_tables on every page
    reader_s: float  # ingest.readers on every file
    ingest_s: float  # python -m ingest (wall, fresh process, worker pool)
    ingest_internal_s: float
    workers: int

    @property
    def ratio(self) -> float:
        return self.reader_s / self.floor_s if self.floor_s else math.nan

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.reader_s if self.reader_s else math.nan

    @property
    def ingest_pages_per_second(self) -> float:
        return self.pages / self.ingest_internal_s if self.ingest_internal_s else math.nan


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def bare_extraction(blobs: list[bytes]) -> int:
    import pdfplumber

    pages = 0
    for data in blobs:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                pages += 1
    return pages


def read_all(blobs: list[tuple[str, bytes]]) -> None:
    from ingest.readers import read_bytes

    for name, data in blobs:
        read_bytes(name, data)


def measure_pdfs(pdfs: list[Path], work: Path, run_measured, env: dict[str, str], repeat: int = 2,
                 say=print) -> PdfResult | None:
    if not pdfs:
        return None
    blobs = [(p.name, p.read_bytes()) for p in pdfs]
    bare_extraction([data for _, data in blobs[:1]])  # imports warmed for both
    read_all(blobs[:1])
    pages = bare_extraction([data for _, data in blobs])
    floor = _best(lambda: bare_extraction([data for _, data in blobs]), repeat)
    reader = _best(lambda: read_all(blobs), repeat)
    folder = work / "pdf-corpus"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in pdfs:
        (folder / path.name).symlink_to(path.resolve())
    out = work / "pdf-ingest"
    shutil.rmtree(out, ignore_errors=True)
    run = run_measured([sys.executable, "-m", "ingest", "--raw-dir", str(folder), "--out-dir", str(out)], env)
    internal = float(run.stdout.rsplit(" in ", 1)[1].split(" s")[0])
    result = PdfResult(len(pdfs), pages, floor, reader, run.seconds, internal, os.cpu_count() or 1)
    say(f"PDF: {result.files} files, {pages} pages; pdfplumber extract_tables {floor:.2f} s, reader {reader:.2f} s "
        f"({result.pages_per_second:.1f} pages/s, {result.ratio:.2f}x the floor); python -m ingest {run.seconds:.2f} s "
        f"({internal:.2f} s inside, {result.ingest_pages_per_second:.1f} pages/s with {result.workers} workers)")
    return result


def render_pdf_table(result: PdfResult) -> str:
    return "\n".join([
        "| PDF files | pages | pdfplumber extract_tables s | reader s | reader / pdfplumber "
        "| pages/s (reader, 1 process) | ingest s (inside) | pages/s (ingest, workers) |",
        "|---|---|---|---|---|---|---|---|",
        f"| {result.files} | {result.pages} | {result.floor_s:.2f} | {result.reader_s:.2f} | {result.ratio:.2f}x | "
        f"{result.pages_per_second:.1f} | {result.ingest_s:.2f} ({result.ingest_internal_s:.2f}) | "
        f"{result.ingest_pages_per_second:.1f} ({result.workers}) |",
    ])
