"""One run at a time per warehouse: a second build (or validate) of the same target is turned away at once, naming
the target and the PID that holds it, or waits with --wait; builds of other targets are not held up. Targets that
cannot be written are named plainly before anything runs."""

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb

from tests.conftest import REPO, run_pipeline
from tests.dq_corpus import clean_corpus, project_table, write


def _documents(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from marts.dim_document").fetchone()[0]


def _start_build(raw, db, *extra) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--raw-dir", str(raw), "--duckdb", str(db),
                             *extra], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_it_holds_the_lock(proc: subprocess.Popen, lock) -> None:
    """The lock file names its holder's PID once the lock is taken. Polled until then: a deadline, not a measure."""
    deadline = time.monotonic() + 300
    while not (lock.exists() and lock.read_text().startswith(f"{proc.pid}\t")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the build never took its lock"
        time.sleep(0.05)


def test_a_second_build_of_the_same_warehouse_is_turned_away_while_the_first_runs(tmp_path, clean_warehouse):
    folder = tmp_path / "w"
    folder.mkdir()
    db = shutil.copy2(clean_warehouse, folder / "budget.duckdb")  # served: the two documents of the clean corpus
    served_bytes = db.read_bytes()
    grown = tmp_path / "grown"
    clean_corpus(grown)
    write(grown, "county_projects.txt", project_table(name="印刷费", department="031-某县某局"))

    first = _start_build(grown, db)
    try:
        _wait_until_it_holds_the_lock(first, folder / ".budget.duckdb.build" / "lock")
        # Held still while it holds the lock, so that "while the first runs" does not depend on timing.
        os.kill(first.pid, signal.SIGSTOP)

        second = run_pipeline("build", db, raw_dir=grown)
        assert second.returncode == 5, second.stdout + second.stderr
        assert f"cannot build the warehouse at {db}: PID {first.pid} (build, started" in second.stderr
        assert "WAIT=1" in second.stderr and "Traceback" not in second.stderr
        assert "[1/3] ingest" not in second.stdout  # turned away before touching the shared scratch

        validate = run_pipeline("validate", db)
        assert validate.returncode == 5 and f"PID {first.pid}" in validate.stderr

        assert db.read_bytes() == served_bytes and _documents(db) == 2  # the served file is untouched

        other = run_pipeline("build", tmp_path / "other" / "budget.duckdb", raw_dir=grown)
        assert other.returncode == 0, other.stdout + other.stderr  # another target builds meanwhile
        assert _documents(tmp_path / "other" / "budget.duckdb") == 3

        queued = _start_build(grown, db, "--wait")
        assert f"waiting for PID {first.pid} (build, started" in queued.stderr.readline()
        os.kill(first.pid, signal.SIGCONT)
        out, err = first.communicate()
        assert first.returncode == 0, out + err
        assert _documents(db) == 3  # the first build published a good warehouse

        out, err = queued.communicate()
        assert queued.returncode == 0, out + err  # it ran once the first had finished
        assert _documents(db) == 3
    finally:
        if first.poll() is None:
            os.kill(first.pid, signal.SIGCONT)
            first.kill()
            first.wait()
    assert (folder / ".budget.duckdb.build" / "lock").read_text() == ""  # released: no stale PID left behind


def test_an_unwritable_target_is_named_plainly(tmp_path):
    raw = tmp_path / "raw"
    clean_corpus(raw)
    proc = run_pipeline("build", "/proc/x.duckdb", raw_dir=raw)
    assert proc.returncode == 2
    assert "cannot build the warehouse at /proc/x.duckdb: its folder /proc is not writable" in proc.stderr
    assert ".build" not in proc.stderr and "Traceback" not in proc.stderr

    proc = run_pipeline("build", tmp_path, raw_dir=raw)  # a folder, not a file
    assert proc.returncode == 2 and f"cannot build the warehouse at {tmp_path}: that path is a folder" in proc.stderr

    proc = run_pipeline("build", tmp_path / "w.duckdb", raw_dir=tmp_path / "missing")
    assert proc.returncode == 2 and f"the raw folder {tmp_path / 'missing'} does not exist" in proc.stderr
    assert not (tmp_path / ".w.duckdb.build").exists()  # nothing made for a build that cannot start


def test_make_build_names_an_unwritable_target(tmp_path):
    raw = tmp_path / "raw"
    clean_corpus(raw)
    proc = subprocess.run(["make", "-s", "build", f"RAW_DIR={raw}", "DUCKDB=/proc/x.duckdb"], cwd=REPO,
                          capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode != 0
    assert "cannot build the warehouse at /proc/x.duckdb: its folder /proc is not writable" in proc.stderr
