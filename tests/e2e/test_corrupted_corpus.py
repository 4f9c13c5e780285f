"""A corrupted copy of the seed corpus: each corruption yields new findings at the corrupted place."""

import shutil

import duckdb
import pytest

from tests.conftest import SEED_RAW, run_pipeline_build

CITY = "000_8145450653f6c2a2.txt"
HR = "003_ab1a38b56cc10efc.txt"


def _edit(path, line_no, old, new):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line_no - 1], (path.name, line_no, lines[line_no - 1])
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def corrupted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corrupted")
    raw = tmp / "raw"
    shutil.copytree(SEED_RAW, raw)
    _edit(raw / CITY, 10, "实施期资金总额：\t5,072,219", "实施期资金总额：\t5,072,000")  # change a total
    _edit(raw / CITY, 24, "\t1项\t", "\t\t")  # blank a target
    _edit(raw / HR, 2598, "工作人员满意度（%）", "")  # delete a project's satisfaction row (line kept)
    _edit(raw / HR, 2598, "≥95%", "")
    _edit(raw / HR, 2598, "服务对象满意度指标", "")
    _edit(raw / HR, 2598, "满意度指标", "")
    _edit(raw / HR, 159, "2,250.84", "2,350.84")  # break a budget row
    proc = run_pipeline_build(raw, tmp / "w.duckdb")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        return set(con.execute("select rule_id, source_file, source_line from marts.fct_dq_finding").fetchall())


@pytest.fixture(scope="module")
def seed_findings(seed_warehouse):
    with duckdb.connect(str(seed_warehouse), read_only=True) as con:
        return set(con.execute("select rule_id, source_file, source_line from marts.fct_dq_finding").fetchall())


def test_each_corruption_is_a_new_finding_at_its_place(corrupted, seed_findings):
    new = corrupted - seed_findings
    assert ("A04", CITY, 10) in new  # sources no longer add up to the changed total
    assert ("A03", CITY, 10) in new  # and the annual total now exceeds it
    assert ("I04", CITY, 24) in new  # the blanked target
    assert any(rule == "I03" and f == HR for rule, f, _ in new)  # the project lost its only satisfaction row
    assert ("A10", HR, 159) in new  # 教育支出 合计 no longer equals 基本 + 项目


def test_nothing_else_changes(corrupted, seed_findings):
    gone = seed_findings - corrupted
    assert gone == set()
