"""Damaged and unknown input: each problem is named (file and line) in the build output, lands in the rejects and
the manifest, and the rest of the corpus is still built."""

from __future__ import annotations

import duckdb
import pytest

from ingest.forms.project.segment import find_project_tables
from ingest.readers import read_path
from tests.conftest import SEED_RAW, run_pipeline_build

SEED_000 = next(SEED_RAW.glob("000_*.txt"))
SEED_001 = next(SEED_RAW.glob("001_*.txt"))
SEED_003 = next(SEED_RAW.glob("003_*.txt"))


def _lines(path):
    return path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    raw = tmp_path_factory.mktemp("damaged_raw")
    (raw / SEED_001.name).write_bytes(SEED_001.read_bytes())
    (raw / "copy_of_001.txt").write_bytes(SEED_001.read_bytes())
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b"  \n\n\t\n")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02\xff binary stream")
    (raw / "minutes.txt").write_text("会议纪要\n与会人员讨论了下一年度工作安排。\n", encoding="utf-8")

    # 003 cut off in the middle of the header of its 10th project table.
    seg_003 = find_project_tables(read_path(SEED_003).lines)[9]
    cut_at = seg_003.name_line + 3
    (raw / "truncated.txt").write_text("\n".join(_lines(SEED_003)[:cut_at]), encoding="utf-8")

    # 000 with the 项目名称 row of its 3rd table deleted.
    seg_000 = find_project_tables(read_path(SEED_000).lines)[2]
    lines = _lines(SEED_000)
    del lines[seg_000.name_line - 1]
    (raw / "missing_header.txt").write_text("\n".join(lines), encoding="utf-8")

    db = tmp_path_factory.mktemp("damaged_db") / "budget.duckdb"
    proc = run_pipeline_build(raw, db)
    return {"proc": proc, "db": db, "cut_table": seg_003, "headless_table": seg_000}


def test_the_build_succeeds_and_names_every_problem_file_and_line(damaged):
    proc = damaged["proc"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    cut, headless = damaged["cut_table"], damaged["headless_table"]
    for expected in (
        "empty.txt: empty_document",
        "blank.txt: empty_document",
        "scan.pdf: damaged (a damaged PDF that cannot be parsed",
        f"copy_of_001.txt: duplicate_document (same content as {SEED_001.name})",
        "minutes.txt: unknown_document_kind",
        f"truncated.txt:{cut.name_line}: truncated_table",
        f"missing_header.txt:{headless.title_line}: truncated_table (project table title without a 项目名称 row)",
    ):
        assert expected in out, (expected, out)


def test_the_manifest_lists_every_file_with_what_was_loaded(damaged, seed_con):
    with duckdb.connect(str(damaged["db"]), read_only=True) as con:
        manifest = {row[0]: row[1:] for row in con.execute(
            "select source_file, status, encoding, doc_kind, project_tables, rows_loaded, rejects, duplicate_of "
            "from marts.dim_file_manifest").fetchall()}
    assert set(manifest) == {SEED_001.name, "copy_of_001.txt", "empty.txt", "blank.txt", "scan.pdf", "minutes.txt",
                             "truncated.txt", "missing_header.txt"}
    assert manifest["empty.txt"][:2] == ("empty", "utf-8")
    assert manifest["scan.pdf"][0] == "unreadable" and manifest["scan.pdf"][1] is None
    assert manifest["copy_of_001.txt"][0] == "duplicate" and manifest["copy_of_001.txt"][6] == SEED_001.name
    assert all(manifest[f][4] == 0 for f in ("copy_of_001.txt", "empty.txt", "blank.txt", "scan.pdf"))
    assert manifest["minutes.txt"][:3] == ("loaded", "utf-8", "unknown")

    # The intact document is loaded exactly as in a clean build of the seeds.
    seed_001 = seed_con.execute("select project_tables, rows_loaded from marts.dim_file_manifest "
                                "where source_file = ?", [SEED_001.name]).fetchone()
    assert manifest[SEED_001.name][3:5] == seed_001
    # The damaged documents keep everything before the damage.
    assert manifest["truncated.txt"][3] == 10  # nine whole tables and the header of the tenth
    assert manifest["missing_header.txt"][3] == 17  # 18 tables, one without 项目名称


def test_the_damaged_tables_are_accounted_line_by_line(damaged):
    headless = damaged["headless_table"]
    with duckdb.connect(str(damaged["db"]), read_only=True) as con:
        row = con.execute("""
            select lines_in_table, lines_loaded, lines_rejected, reject_reasons
            from marts.fct_table_line_accounting where source_file = 'missing_header.txt' and first_line = ?""",
                          [headless.title_line]).fetchone()
        assert row[1] == 0 and row[2] == row[0] - 1 and row[3] == "truncated_table"  # all but the title
        rejects = con.execute("select source_file, reason from marts.fct_parse_reject order by 1, 2").fetchall()
        assert ("truncated.txt", "truncated_table") in rejects
        findings = con.execute("select count(*) from marts.fct_dq_finding where rule_id = 'S05' "
                               "and source_file in ('scan.pdf', 'empty.txt', 'copy_of_001.txt')").fetchone()[0]
        assert findings == 3
