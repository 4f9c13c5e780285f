"""Where one build reads and writes. Everything a build makes sits beside its DuckDB file."""

from __future__ import annotations

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
        """Scratch folder of this warehouse's builds (Parquet, dbt target and logs, the file being built)."""
        return self.duckdb.parent / f".{self.duckdb.name}.build"

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
        """Validation reports (GX Data Docs and results) of the served warehouse."""
        return self.duckdb.parent / f"{self.duckdb.stem}_reports"
