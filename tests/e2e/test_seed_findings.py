"""The validation catalog on the seed corpus: the survey's known defects appear at their source lines."""

import os
import subprocess

import pytest

from tests.conftest import REPO

SURVEY_FINDINGS = {
    # §5.4 value anomalies
    ("I06", "004", 4239), ("I06", "004", 4364), ("I06", "004", 36742), ("I06", "004", 36854), ("I06", "004", 36965),
    ("I07", "004", 42423), ("I07", "004", 42426),
    ("I08", "003", 1824), ("I08", "003", 2054), ("I08", "002", 1428),
    ("A07", "004", 40079),
    ("A06", "004", 47192), ("A06", "001", 1471), ("A06", "004", 36121), ("A06", "004", 39465),
    # §6.7 failures
    ("A09", "001", 341), ("A09", "001", 364), ("A09", "001", 600), ("A09", "002", 145), ("A09", "002", 216),
    ("A09", "002", 249), ("A09", "002", 338), ("A09", "002", 483), ("A09", "002", 1456), ("A09", "003", 134),
    ("A09", "003", 275), ("A09", "003", 276), ("A09", "003", 319),
    ("A11", "002", 281), ("T01", "002", 483),
    ("A08", "002", 491), ("A08", "002", 551), ("A08", "002", 611), ("A08", "002", 673), ("A08", "002", 708),
    ("A05", "002", 714),
    ("A04", "004", 11852), ("A04", "004", 20576), ("A01", "004", 31363), ("A03", "004", 42311),
    ("A12", "004", 24764),
}


def test_survey_defects_are_findings_at_their_lines(seed_con):
    found = {(r, f[:3], line) for r, f, line in seed_con.execute(
        "select rule_id, source_file, source_line from marts.fct_dq_finding").fetchall()}
    assert SURVEY_FINDINGS - found == set()


def test_every_finding_points_at_a_line_except_document_level_ones(seed_con):
    assert seed_con.execute("""
        select count(*) from marts.fct_dq_finding f join marts.dim_validation_rule r using (rule_id)
        where f.source_line is null and r.object_type <> 'document'""").fetchone() == (0,)


@pytest.mark.parametrize("strict", [False, True])
def test_validate_exits_zero_on_findings_and_nonzero_in_strict_mode(seed_warehouse, strict):
    args = ["make", "-s", "validate", f"DUCKDB={seed_warehouse}"] + (["STRICT=1"] if strict else [])
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, env=dict(os.environ))
    assert (proc.returncode != 0) is strict, proc.stdout + proc.stderr
    if strict:
        assert "strict mode" in proc.stderr
    assert "findings:" in proc.stdout
