"""`make build RAW_DIR=… DUCKDB=…` on a small corpus in a temp folder, through the Makefile as a user runs it."""

import os
import subprocess

import duckdb

from tests.conftest import REPO
from tests.forms import pdftotext_table, tab_table

DEFAULT_WAREHOUSE = REPO / "warehouse" / "budget.duckdb"


def _fingerprint(path):
    return (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None


def test_make_build_into_another_file_leaves_the_default_warehouse_untouched(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "city.txt").write_text("\n".join(tab_table("甲项目") + tab_table("乙项目")), encoding="utf-8")
    (raw / "county.txt").write_text("\n".join(pdftotext_table("丙项目")), encoding="utf-8")
    db = tmp_path / "out" / "small.duckdb"
    before = _fingerprint(DEFAULT_WAREHOUSE)

    proc = subprocess.run(
        ["make", "-s", "build", f"RAW_DIR={raw}", f"DUCKDB={db}"],
        cwd=REPO, capture_output=True, text=True, env=dict(os.environ),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _fingerprint(DEFAULT_WAREHOUSE) == before
    assert str(db) in proc.stdout  # the build says where the warehouse is

    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select source_file, project_name from marts.dim_project order by source_file, source_line"
        ).fetchall()
        docs = con.execute("select source_file, region_name, admin_level from marts.dim_document "
                           "order by source_file").fetchall()
    assert rows == [("city.txt", "甲项目"), ("city.txt", "乙项目"), ("county.txt", "丙项目")]
    assert docs == [("city.txt", "某某市", "city"), ("county.txt", "某某县", "county")]
    # Everything the build made sits beside the requested file.
    assert (tmp_path / "out" / "small_reports" / "data_docs" / "local_site" / "index.html").exists()

    # dbt by hand on that warehouse: one model rebuilt in place, the others as they were.
    proc = subprocess.run(["make", "-s", "dbt", f"DUCKDB={db}", "ARGS=build -s fct_indicator"],
                          cwd=REPO, capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "fct_indicator" in proc.stdout and "PASS=" in proc.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_indicator").fetchone()[0] > 0
    # fct_dq_finding is assembled from the rule catalog, which `make dbt` passes on.
    proc = subprocess.run(["make", "-s", "dbt", f"DUCKDB={db}", "ARGS=build -s fct_dq_finding"],
                          cwd=REPO, capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_make_dbt_without_a_build_says_to_build_first(tmp_path):
    proc = subprocess.run(["make", "-s", "dbt", f"DUCKDB={tmp_path / 'none.duckdb'}"],
                          cwd=REPO, capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode != 0 and "run `make build` first" in proc.stderr
