"""Where one build reads and writes. Everything a build makes sits beside its DuckDB file."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = REPO_ROOT / "data" / "raw"
DEFAULT_DUCKDB = REPO_ROOT / "warehouse" / "budget.duckdb"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"


@dataclass(frozen=True)
class BuildPaths:
    raw_dir: Path
    duckdb: Path  # the served warehouse file

    @classmethod
    def resolve(cls, raw_dir: Path, duckdb: Path) -> BuildPaths:
        return cls(raw_dir.resolve(), duckdb.resolve())

    @property
    def work_dir(self) -> Path:
        """Scratch folder of this warehouse's builds (Parquet, dbt target and logs, GX, the file being built, the
        lock). Named after the whole file name, so two warehouses never share scratch."""
        return self.duckdb.parent / f".{self.duckdb.name}.build"

    @property
    def lock_file(self) -> Path:
        """Held (flock) by the one build, validate, docs or dbt run of this warehouse; holds that run's PID."""
        return self.work_dir / "lock"

    @property
    def ingest_dir(self) -> Path:
        return self.work_dir / "ingest"

    @property
    def ingest_cache_dir(self) -> Path:
        """Parsed tables of each raw document by content hash: unchanged files are not parsed again."""
        return self.work_dir / "ingest-cache"

    @property
    def new_duckdb(self) -> Path:
        return self.work_dir / f"next-{self.duckdb.name}"

    @property
    def gx_dir(self) -> Path:
        return self.work_dir / "gx"

    @property
    def reports_dir(self) -> Path:
        """Validation reports (GX Data Docs and results) of the served warehouse: `budget.duckdb` ->
        `budget_reports`. Another suffix keeps the whole name (`budget.db` -> `budget.db_reports`), so that
        `budget.duckdb` and `budget.db` in one folder do not share their reports."""
        name = self.duckdb.stem if self.duckdb.suffix == ".duckdb" else self.duckdb.name
        return self.duckdb.parent / f"{name}_reports"


def _write_problem(folder: Path) -> str | None:
    """Why files cannot be made in folder (created first if missing), as the end of a sentence about it; None when
    they can. Tried for real: permission bits say nothing for root, a read-only mount or /proc."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot be created ({exc.strerror or exc})"
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as exc:
        return f"is not writable (creating a file in it fails: {exc.strerror or exc})"
    return None


def input_problem(paths: BuildPaths) -> str | None:
    """What stops a build from reading its raw folder, said plainly; None when nothing does."""
    if not paths.raw_dir.exists():
        return f"cannot build the warehouse: the raw folder {paths.raw_dir} does not exist"
    if not paths.raw_dir.is_dir():
        return f"cannot build the warehouse: the raw folder {paths.raw_dir} is a file, not a folder"
    return None


def target_problem(paths: BuildPaths) -> str | None:
    """What stops a build from writing its warehouse file and scratch, said plainly before anything is ingested;
    None when nothing does. Creates the target's folder and scratch folder when missing."""
    target = f"cannot build the warehouse at {paths.duckdb}"
    if paths.duckdb.is_dir():
        return f"{target}: that path is a folder; name a file in it, e.g. {paths.duckdb / 'budget.duckdb'}"
    folder = paths.duckdb.parent
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not existing.is_dir():
        return f"{target}: its folder {folder} cannot be created ({existing} is a file)"
    problem = _write_problem(folder)
    if problem:
        return f"{target}: its folder {folder} {problem}"
    if paths.work_dir.exists() and not paths.work_dir.is_dir():
        return f"{target}: its build folder {paths.work_dir} is a file"
    problem = _write_problem(paths.work_dir)
    if problem:
        return f"{target}: its build folder {paths.work_dir} {problem}"
    return None
