"""One warehouse build: ingest -> Parquet -> dbt build -> validation -> swap the new file into place.

The served file is replaced only after every stage succeeded (os.replace is atomic on one filesystem), so readers
holding the old file keep working and a failed build leaves the previous warehouse untouched.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from ingest.pipeline import ingest_directory, write_parquet
from pipeline.dbt import run_dbt
from pipeline.paths import BuildPaths
from pipeline.validate import ValidationReport, publish_reports, run_validation


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


def build_warehouse(paths: BuildPaths, say: Callable[[str], None] = print) -> BuildResult:
    if not paths.raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {paths.raw_dir}")
    paths.work_dir.mkdir(parents=True, exist_ok=True)
    clock = Stopwatch()

    ingested = clock.run("ingest", lambda: ingest_directory(paths.raw_dir))
    write_parquet(ingested, paths.ingest_dir)
    counts = ", ".join(f"{name} {df.height}" for name, df in ingested.tables.items())
    say(f"[1/3] ingest: {counts} ({clock.seconds['ingest']:.2f} s) -> {paths.ingest_dir}")

    for stale in (paths.new_duckdb, paths.new_duckdb.with_name(paths.new_duckdb.name + ".wal")):
        stale.unlink(missing_ok=True)
    dbt_summary = clock.run("dbt", lambda: run_dbt(paths, paths.new_duckdb))
    say(f"[2/3] dbt build: {dbt_summary.line} ({clock.seconds['dbt']:.1f} s)")

    report = clock.run("validation", lambda: run_validation(paths.new_duckdb, paths.gx_dir))
    for line in report.summary_lines():
        say(line if line.startswith("  ") else f"[3/3] {line} ({clock.seconds['validation']:.1f} s)")

    paths.duckdb.parent.mkdir(parents=True, exist_ok=True)
    os.replace(paths.new_duckdb, paths.duckdb)
    report.data_docs_index = publish_reports(paths.gx_dir, paths.reports_dir)
    return BuildResult(report, clock.seconds)
