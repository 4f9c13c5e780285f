"""`make sql`: a read-only SQL shell on the served warehouse, scriptable through stdin."""

import subprocess
import sys

from tests.conftest import REPO


def _sql(db, script: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "sql", "--duckdb", str(db)], input=script,
                          cwd=REPO, capture_output=True, text=True)


def test_sql_on_stdin_prints_results_and_the_marts(clean_warehouse):
    proc = _sql(clean_warehouse, "select 42 as answer;\n.tables\nselect count(*) as documents\n  from dim_document;\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "answer" in proc.stdout and "42" in proc.stdout
    assert "dim_document" in proc.stdout and "fct_dq_finding" in proc.stdout  # .tables
    assert "documents" in proc.stdout and "│         2 │" in proc.stdout  # multi-line, schema marts searched first


def test_the_shell_is_read_only_and_reports_errors(clean_warehouse):
    proc = _sql(clean_warehouse, "delete from marts.dim_document;\nselect 1 as still_here")  # no final ; needed
    assert proc.returncode == 1
    assert "read-only" in proc.stderr
    assert "still_here" in proc.stdout


def test_make_sql_reads_a_piped_script(clean_warehouse):
    proc = subprocess.run(["make", "-s", "sql", f"DUCKDB={clean_warehouse}"], input="select 42 as answer;",
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "42" in proc.stdout


def test_sql_without_a_warehouse_says_to_build_first(tmp_path):
    proc = _sql(tmp_path / "none.duckdb", "select 1;")
    assert proc.returncode == 2 and "run `make build` first" in proc.stderr
