"""One warehouse build: ingest -> Parquet -> dbt build -> validation -> swap the new file into place.

The served file is replaced only after every stage succeeded (os.replace is atomic on one filesystem), so readers
holding the old file keep working and a failed build leaves the previous warehouse untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ingest.corpus import IngestSummary, ingest_to_parquet
from pipeline.dbt import run_dbt
from pipeline.guard import check_not_empty, guard_refresh
from pipeline.paths import REPO_ROOT, BuildPaths
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


def create_database_file(path: Path, storage_version: str) -> None:
    """An empty database file in the given storage version. DuckDB keeps a file's storage version when it opens it
    later, so dbt builds straight into the served format and publishing is a rename, not a copy."""
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"attach '{path}' as fresh (storage_version '{storage_version}')")


# Besides the raw files, what a warehouse is built from: a change to any of these rebuilds it.
_PROJECT_INPUTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/dbt", "expectations",
                   "pipeline", "requirements.txt")


def _files_digest(files: list[Path], seed: bytes = b"") -> str:
    digest = hashlib.sha256(seed)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ingest_fingerprint(paths: BuildPaths) -> str:
    """Hash of the ingested Parquet (itself keyed on the raw bytes and the parsers)."""
    return _files_digest(sorted(paths.ingest_dir.glob("*.parquet")))


def inputs_fingerprint(paths: BuildPaths, storage_version: str) -> str:
    """Hash of everything the marts are computed from: the ingested Parquet, the dbt project, the checks, the
    pipeline code and the storage version."""
    files = sorted(paths.ingest_dir.glob("*.parquet"))
    for rel in _PROJECT_INPUTS:
        root = REPO_ROOT / rel
        files += [root] if root.is_file() else sorted(
            p for p in root.rglob("*") if p.is_file() and not {"__pycache__", "uncommitted"} & set(p.parts))
    return _files_digest(files, storage_version.encode())


def _served_stamp(paths: BuildPaths) -> Path:
    """What the served file was built from. Written when a build publishes, and only then: a build that fails or is
    refused leaves it describing the file still served."""
    return paths.work_dir / "served.json"


def _served_state(paths: BuildPaths) -> dict:
    stat = paths.duckdb.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _read_served_stamp(paths: BuildPaths) -> dict:
    stamp = _served_stamp(paths)
    return json.loads(stamp.read_text(encoding="utf-8")) if stamp.exists() else {}


def served_is_current(paths: BuildPaths, fingerprint: str) -> bool:
    """The served file was built by this pipeline from exactly these inputs, and has not been replaced since."""
    recorded = _read_served_stamp(paths)
    return (paths.duckdb.exists() and recorded.get("fingerprint") == fingerprint
            and recorded.get("served") == _served_state(paths))


def ingest_is_served(paths: BuildPaths) -> bool:
    """The Parquet in the scratch folder is what the served file was built from, not that of a build that was
    refused or failed since (dbt by hand must not slip a refused corpus into the served file). True when the served
    file predates the record."""
    recorded = _read_served_stamp(paths).get("ingest")
    return recorded is None or recorded == ingest_fingerprint(paths)


def build_warehouse(paths: BuildPaths, say: Callable[[str], None] = print,
                    storage_version: str = DEFAULT_STORAGE_VERSION, force: bool = False,
                    allow_shrink: bool = False) -> BuildResult:
    """Raises PublishRefused (pipeline.guard) when the new warehouse would lose what the served one has (unless
    allow_shrink) or has no documents at all; the served file is then left as it was."""
    if not paths.raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {paths.raw_dir}")
    paths.work_dir.mkdir(parents=True, exist_ok=True)
    clock = Stopwatch()

    ingested = clock.run("ingest", lambda: ingest_to_parquet(paths.raw_dir, paths.ingest_dir, paths.ingest_cache_dir))
    say(f"[1/3] ingest: {ingested.line()} ({clock.seconds['ingest']:.2f} s) -> {paths.ingest_dir}")
    for line in problem_lines(paths.ingest_dir):
        say(line)
    # Before the skip test and before dbt: an empty corpus is refused at once, whatever is served.
    check_not_empty(ingested.counts.get("documents", 0), ingested.files, paths.raw_dir, paths.duckdb,
                    paths.ingest_dir)

    fingerprint = inputs_fingerprint(paths, storage_version)
    if not force and served_is_current(paths, fingerprint):
        # Nothing the marts depend on has changed: the served file stays (readers are not disturbed); it is still
        # validated, so the reports and the exit status are those of this run.
        say("[2/3] dbt build: skipped, the served warehouse was built from exactly these inputs (raw files, parsers, "
            "models, seeds, checks); FORCE=1 rebuilds")
        report = _validate(paths.duckdb, paths, clock, say)
        return _finish(paths, ingested, report, clock)

    create_database_file(paths.new_duckdb, storage_version)
    # Great Expectations takes seconds to import: do it while dbt (a subprocess) runs.
    preload = threading.Thread(target=preload_validation, daemon=True)
    preload.start()
    dbt_summary = clock.run("dbt", lambda: run_dbt(paths, paths.new_duckdb))
    preload.join()
    say(f"[2/3] dbt build: {dbt_summary.line} ({clock.seconds['dbt']:.1f} s)")
    # Before validation, so that a refused build leaves the reports of the served warehouse as they are.
    for line in guard_refresh(paths.duckdb, paths.new_duckdb, allow_shrink):
        say(line)

    report = _validate(paths.new_duckdb, paths, clock, say)

    paths.duckdb.parent.mkdir(parents=True, exist_ok=True)
    clock.run("publish", lambda: os.replace(paths.new_duckdb, paths.duckdb))
    _served_stamp(paths).write_text(json.dumps({"fingerprint": fingerprint, "ingest": ingest_fingerprint(paths),
                                                "served": _served_state(paths)}), encoding="utf-8")
    return _finish(paths, ingested, report, clock)


def _validate(db_file: Path, paths: BuildPaths, clock: Stopwatch, say: Callable[[str], None]) -> ValidationReport:
    report = clock.run("validation", lambda: run_validation(db_file, paths.gx_dir))
    for line in report.summary_lines():
        say(line if line.startswith("  ") else f"[3/3] {line} ({clock.seconds['validation']:.1f} s)")
    return report


def _finish(paths: BuildPaths, ingested: IngestSummary, report: ValidationReport, clock: Stopwatch) -> BuildResult:
    """Reports beside the served warehouse, and the build summary."""
    report.data_docs_index = publish_reports(paths.gx_dir, paths.reports_dir, raw_dir=paths.raw_dir,
                                             db_file=paths.duckdb)
    write_build_summary(paths, ingested, clock.seconds)
    return BuildResult(report, clock.seconds)


# Problems that concern a whole file or table: each is named in the build output (the rest are counted).
_NAMED_REASONS = ("unreadable_document", "empty_document", "duplicate_document", "unknown_document_kind",
                  "truncated_table", "unaccounted_line", "unsupported_format", "encrypted", "damaged", "needs_ocr")


def problem_lines(ingest_dir: Path, limit: int = 20) -> list[str]:
    """One line per file-level problem (`file[:line]: reason (detail)`), then the other rejects counted by reason."""
    rejects = duckdb.sql(f"select source_file, source_page, source_line, reason, detail from "
                         f"read_parquet('{ingest_dir / 'rejects.parquet'}') "
                         "order by source_file, source_page nulls first, source_line nulls first")
    rows = rejects.fetchall()
    named = [r for r in rows if r[3] in _NAMED_REASONS]
    out = [f"  ! {file}{f' p.{page}' if page else ''}{f':{line}' if line else ''}: {reason} ({detail})"
           for file, page, line, reason, detail in named[:limit]]
    if len(named) > limit:
        out.append(f"  ! … and {len(named) - limit} more (marts.fct_parse_reject)")
    others: dict[str, int] = {}
    for _, _, _, reason, _ in rows:
        if reason not in _NAMED_REASONS:
            others[reason] = others.get(reason, 0) + 1
    if others:
        counted = ", ".join(f"{reason} {n}" for reason, n in sorted(others.items()))
        out.append(f"  rejects: {counted} (marts.fct_parse_reject)")
    return out


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
