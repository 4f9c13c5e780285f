"""Every rule of the validation catalog fires on a document crafted to break it and stays quiet on clean ones."""

import csv

import duckdb
import pytest

from tests.conftest import REPO, run_pipeline_build
from tests.dq_corpus import clean_corpus, dirty_corpus, dirty_documents

with open(REPO / "seeds" / "validation_rules.csv", encoding="utf-8") as _fh:
    CATALOG = [row["rule_id"] for row in csv.DictReader(_fh)]
# the rules a crafted text document breaks (the others break in edited samples: test_sample_fault_injection.py)
RULES = [rule_id for rule_id in CATALOG if rule_id in dirty_documents()]


@pytest.fixture(scope="module")
def clean_findings(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dq_clean")
    clean_corpus(tmp / "raw")
    proc = run_pipeline_build(tmp / "raw", tmp / "w.duckdb")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        return con.execute("select rule_id, source_file, source_line, message from marts.fct_dq_finding").fetchall()


@pytest.fixture(scope="module")
def dirty(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dq_dirty")
    files = dirty_corpus(tmp / "raw")
    proc = run_pipeline_build(tmp / "raw", tmp / "w.duckdb")
    assert proc.returncode == 0, proc.stdout + proc.stderr  # findings are facts, not a failed build
    with duckdb.connect(str(tmp / "w.duckdb"), read_only=True) as con:
        rows = con.execute("select rule_id, source_file, source_line from marts.fct_dq_finding").fetchall()
    return files, rows, proc.stdout


def test_the_clean_corpus_has_no_findings(clean_findings):
    assert clean_findings == []


@pytest.mark.parametrize("rule_id", RULES)
def test_each_rule_fires_on_its_crafted_document(dirty, rule_id):
    files, rows, _ = dirty
    hits = [r for r in rows if r[0] == rule_id and r[1] == files[rule_id]]
    assert hits, f"{rule_id} did not fire on {files[rule_id]}"


@pytest.mark.parametrize("rule_id", [r for r in RULES if r not in {"S05", "I10"}])
def test_each_rule_stays_quiet_on_documents_crafted_for_other_rules_of_another_kind(dirty, rule_id):
    # A rule fires on its own document; on the clean half of the corpus it never does (see the clean test), and
    # it does not leak onto unrelated crafted documents of the other rule families.
    files, rows, _ = dirty
    family = rule_id[0]
    leaked = {r[1] for r in rows if r[0] == rule_id} - {f for rid, f in files.items() if rid[0] == family}
    assert not leaked, (rule_id, leaked)


def test_build_prints_the_per_rule_summary(dirty):
    _, _, stdout = dirty
    assert "findings:" in stdout and "A04 [error]" in stdout


def test_a_document_of_unknown_kind_is_a_parser_reject_not_a_defect_of_its_own(dirty):
    # No kind, no claim about what it lacks: S05 (a warning) reports it, S04 (an error) stays quiet.
    files, rows, _ = dirty
    assert {r[0] for r in rows if r[1] == files["S05"]} == {"S05"}
