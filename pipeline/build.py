"""One warehouse build: ingest -> Parquet -> dbt build -> validation -> swap the new file into place.

The served file is replaced only after every stage succeeded (os.replace is atomic on one filesystem), so readers
holding the old file keep working and a failed build leaves the previous warehouse untouched.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ingest.pipeline import IngestSummary, ingest_to_parquet
from pipeline.dbt import run_dbt
from pipeline.paths import BuildPaths
from pipeline.validate import ValidationReport, preload_validation, publish_reports, run_validation


@dataclass
class BuildResult:
    report: ValidationReport
    stage_seconds: dict[str, float]


class Stopwatch:
    """Runs stages and keeps each one's wall time."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, stage: str, fn):
        started = time.perf_counter()
        out = fn()
        self.seconds[stage] = time.perf_counter() - started
        return out


# DuckDB 2.0 writes storage version 69, which DuckDB 1.x (the JDBC drivers of DBeaver, Metabase …) cannot open.
# The served file is written in the v1.0.0 format, readable by DuckDB 1.0 and later.
DEFAULT_STORAGE_VERSION = "v1.0.0"


def write_served_copy(built: Path, work_dir: Path, storage_version: str) -> Path:
    """Copy the built database into a file of the given storage version (all schemas, tables and views)."""
    served = work_dir / f"served-{built.name}"
    served.unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"attach '{built}' as built (read_only)")
        con.execute(f"attach '{served}' as served (storage_version '{storage_version}')")
        con.execute("copy from database built to served")
    return served


def build_warehouse(paths: BuildPaths, say: Callable[[str], None] = print,
                    storage_version: str = DEFAULT_STORAGE_VERSION) -> BuildResult:
    if not paths.raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {paths.raw_dir}")
    paths.work_dir.mkdir(parents=True, exist_ok=True)
    clock = Stopwatch()

    ingested = clock.run("ingest", lambda: ingest_to_parquet(paths.raw_dir, paths.ingest_dir, paths.ingest_cache_dir))
    say(f"[1/3] ingest: {ingested.line()} ({clock.seconds['ingest']:.2f} s) -> {paths.ingest_dir}")

    for stale in (paths.new_duckdb, paths.new_duckdb.with_name(paths.new_duckdb.name + ".wal")):
        stale.unlink(missing_ok=True)
    # Great Expectations takes seconds to import: do it while dbt (a subprocess) runs.
    preload = threading.Thread(target=preload_validation, daemon=True)
    preload.start()
    dbt_summary = clock.run("dbt", lambda: run_dbt(paths, paths.new_duckdb))
    preload.join()
    say(f"[2/3] dbt build: {dbt_summary.line} ({clock.seconds['dbt']:.1f} s)")

    report = clock.run("validation", lambda: run_validation(paths.new_duckdb, paths.gx_dir))
    for line in report.summary_lines():
        say(line if line.startswith("  ") else f"[3/3] {line} ({clock.seconds['validation']:.1f} s)")

    paths.duckdb.parent.mkdir(parents=True, exist_ok=True)
    served = clock.run("publish", lambda: write_served_copy(paths.new_duckdb, paths.work_dir, storage_version))
    os.replace(served, paths.duckdb)
    report.data_docs_index = publish_reports(paths.gx_dir, paths.reports_dir)
    write_build_summary(paths, ingested, clock.seconds)
    return BuildResult(report, clock.seconds)


def write_build_summary(paths: BuildPaths, ingested: IngestSummary, seconds: dict[str, float]) -> Path:
    """`<stem>_reports/build_summary.json`: what the last successful build read and how long each stage took."""
    out = paths.reports_dir / "build_summary.json"
    out.write_text(json.dumps({
        "raw_dir": str(paths.raw_dir),
        "duckdb": str(paths.duckdb),
        "files": ingested.files,
        "documents_parsed": ingested.parsed,
        "documents_from_cache": ingested.cached,
        "rows": ingested.counts,
        "stage_seconds": {stage: round(s, 3) for stage, s in seconds.items()},
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
