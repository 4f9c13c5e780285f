"""Shared fixtures. The end-to-end fixtures run the real pipeline (ingest -> dbt -> GX) into temp folders."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
# What `make build` reads: the five Shanxi text documents (the seed corpus) and the sample PDFs.
SHIPPED_RAW = REPO / "data" / "raw"
SAMPLE_PDFS = tuple(sorted(SHIPPED_RAW.glob("*.pdf")))


def _seed_folder() -> Path:
    """The seed corpus alone (the text documents of data/raw, linked into a folder of their own): the figures the
    seed tests assert are those of these five documents."""
    folder = Path(tempfile.mkdtemp(prefix="seed-corpus-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for path in sorted(SHIPPED_RAW.glob("*.txt")):
        (folder / path.name).symlink_to(path)
    return folder


SEED_RAW = _seed_folder()


def run_pipeline_build(raw_dir: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--raw-dir", str(raw_dir), "--duckdb", str(db)],
        cwd=REPO, capture_output=True, text=True, env=dict(os.environ),
    )


def build_into_temp(tmp_path_factory, raw_dir: Path, name: str) -> Path:
    """A real build into a temp folder: the slow part of the suite, so it says what it is doing (on the terminal,
    past pytest's capture) while the tests that share it wait."""
    db = tmp_path_factory.mktemp(name) / "budget.duckdb"
    started = time.perf_counter()
    sys.__stderr__.write(f"\n  [building the {name} warehouse from {raw_dir.name} for the end-to-end tests …]")
    sys.__stderr__.flush()
    proc = run_pipeline_build(raw_dir, db)
    sys.__stderr__.write(f" [{time.perf_counter() - started:.0f} s]\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return db


@contextmanager
def read_only(db: Path):
    with duckdb.connect(str(db), read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """The whole seed corpus built into a temp DuckDB file."""
    return build_into_temp(tmp_path_factory, SEED_RAW, "seed")


@pytest.fixture
def seed_con(seed_warehouse):
    with read_only(seed_warehouse) as con:
        yield con


@pytest.fixture(scope="session")
def shipped_warehouse(tmp_path_factory) -> Path:
    """Everything data/raw ships (the seed corpus and the sample PDFs) built into a temp DuckDB file."""
    return build_into_temp(tmp_path_factory, SHIPPED_RAW, "shipped")


@pytest.fixture
def shipped_con(shipped_warehouse):
    with read_only(shipped_warehouse) as con:
        yield con


def run_pipeline(command: str, db: Path, *extra: str, raw_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m pipeline <command> --duckdb db [--raw-dir raw_dir] [extra…]`, as a user runs it."""
    raw = ["--raw-dir", str(raw_dir)] if raw_dir else []
    return subprocess.run([sys.executable, "-m", "pipeline", command, "--duckdb", str(db), *raw, *extra],
                          cwd=REPO, capture_output=True, text=True, env=dict(os.environ))


@pytest.fixture(scope="session")
def clean_warehouse(tmp_path_factory) -> Path:
    """The two documents of tests/dq_corpus.py's clean corpus built into a temp DuckDB file: a small good warehouse
    to serve. Copy it before building over it."""
    from tests.dq_corpus import clean_corpus

    raw = tmp_path_factory.mktemp("clean-raw")
    clean_corpus(raw)
    return build_into_temp(tmp_path_factory, raw, "clean")
