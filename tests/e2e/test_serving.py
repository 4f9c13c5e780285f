"""Serving readers: the warehouse is swapped in atomically, readers keep working, a failed build changes nothing."""

import shutil
import subprocess
import sys

import duckdb

from tests.conftest import REPO, run_pipeline_build
from tests.forms import tab_table


def _corpus(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    lines = [line for name in names for line in tab_table(name)]
    (folder / "city.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def _count(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from marts.dim_project").fetchone()[0]


def test_a_reader_holding_the_file_open_does_not_block_a_refresh(tmp_path):
    db = tmp_path / "w.duckdb"
    assert run_pipeline_build(_corpus(tmp_path / "v1", ["甲项目"]), db).returncode == 0
    reader = duckdb.connect(str(db), read_only=True)  # a BI tool holding the old file
    try:
        proc = run_pipeline_build(_corpus(tmp_path / "v2", ["甲项目", "乙项目"]), db)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert reader.execute("select count(*) from marts.dim_project").fetchone() == (1,)  # still the old data
    finally:
        reader.close()
    assert _count(db) == 2  # a new connection sees the new warehouse


def test_a_build_failing_midway_leaves_the_previous_warehouse_served(tmp_path):
    db = tmp_path / "w.duckdb"
    assert run_pipeline_build(_corpus(tmp_path / "v1", ["甲项目"]), db).returncode == 0
    before = db.read_bytes()
    work = tmp_path / ".w.duckdb.build"
    target = work / "dbt-target"
    if target.is_dir():
        shutil.rmtree(target)
    target.write_text("not a folder: dbt cannot write its target here")  # dbt fails after ingest
    proc = run_pipeline_build(_corpus(tmp_path / "v2", ["甲项目", "乙项目"]), db)
    assert proc.returncode != 0
    assert "the previous warehouse is still served" in proc.stderr
    assert db.read_bytes() == before and _count(db) == 1


def test_the_served_file_uses_an_old_storage_version(tmp_path):
    db = tmp_path / "w.duckdb"
    assert run_pipeline_build(_corpus(tmp_path / "v1", ["甲项目"]), db).returncode == 0
    with duckdb.connect() as con:
        con.execute(f"attach '{db}' as w (read_only)")
        tags = con.execute("select tags from duckdb_databases() where database_name = 'w'").fetchone()[0]
    assert tags["storage_version"].startswith("v1.0.0")  # readable by DuckDB 1.x (BI drivers)


def test_a_rebuild_with_nothing_changed_keeps_the_served_file_and_force_rebuilds(tmp_path):
    db = tmp_path / "w" / "budget.duckdb"
    raw = _corpus(tmp_path / "v1", ["甲项目"])
    assert run_pipeline_build(raw, db).returncode == 0
    before = db.stat().st_mtime_ns

    again = run_pipeline_build(raw, db)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 parsed, 1 unchanged (cache)" in again.stdout
    assert "dbt build: skipped" in again.stdout and "validation:" in again.stdout
    assert db.stat().st_mtime_ns == before  # not replaced: readers are not disturbed

    forced = subprocess.run([sys.executable, "-m", "pipeline", "build", "--raw-dir", str(raw), "--duckdb", str(db),
                             "--force"], cwd=REPO, capture_output=True, text=True)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "dbt build: Done." in forced.stdout
    assert db.stat().st_mtime_ns != before and _count(db) == 1

    changed = run_pipeline_build(_corpus(raw, ["甲项目", "乙项目"]), db)  # one raw file changed
    assert "1 parsed" in changed.stdout and "dbt build: Done." in changed.stdout
    assert _count(db) == 2
