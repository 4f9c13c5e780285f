"""Shared fixtures. The end-to-end fixtures run the real pipeline (ingest -> dbt -> GX) into temp folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_RAW = REPO / "data" / "raw"


def run_pipeline_build(raw_dir: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--raw-dir", str(raw_dir), "--duckdb", str(db)],
        cwd=REPO, capture_output=True, text=True, env=dict(os.environ),
    )


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """The whole seed corpus built into a temp DuckDB file."""
    db = tmp_path_factory.mktemp("seed") / "budget.duckdb"
    proc = run_pipeline_build(SEED_RAW, db)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return db


@pytest.fixture
def seed_con(seed_warehouse):
    with duckdb.connect(str(seed_warehouse), read_only=True) as con:
        yield con
