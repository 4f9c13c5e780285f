"""Fault injection on copies of the published samples (tests/sample_edits.py): each edit is caught by its rule, on
the page of the edit, and the unedited samples do not report it there."""

from __future__ import annotations

import csv

import duckdb
import pytest

from tests.conftest import REPO
from tests.dq_corpus import dirty_documents
from tests.sample_edits import SAMPLE_CASES, build_documents, edited_copy, read_sample


@pytest.fixture(scope="module")
def edited_findings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample_edits")
    docs = [edited_copy(case.sample, case.file_name.replace(".pdf", f"-{n}.pdf"), case.edits)
            for n, case in enumerate(SAMPLE_CASES)]
    # the unedited samples too: what the edits add must be told apart from what the samples already print
    docs += [read_sample(sample) for sample in sorted({case.sample for case in SAMPLE_CASES})]
    db = build_documents(docs, folder)
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select rule_id, source_file, source_page, source_line, message, quote "
                           "from marts.fct_dq_finding").fetchall()


@pytest.mark.parametrize("n", range(len(SAMPLE_CASES)), ids=[f"{c.rule_id}-{c.sample[15:25]}" for c in SAMPLE_CASES])
def test_each_edit_is_caught_by_its_rule_on_its_page(edited_findings, n):
    case = SAMPLE_CASES[n]
    file_name = case.file_name.replace(".pdf", f"-{n}.pdf")
    on_copy = {(page, line) for rule, f, page, line, *_ in edited_findings if rule == case.rule_id and f == file_name}
    on_sample = {(page, line) for rule, f, page, line, *_ in edited_findings
                 if rule == case.rule_id and f == case.sample}
    added = on_copy - on_sample
    assert added, f"{case.rule_id} did not catch: {case.why}"
    assert {page for page, _ in added} == {case.page}, (case.why, added)


def test_every_rule_of_the_catalog_has_a_failing_case():
    with (REPO / "seeds" / "validation_rules.csv").open(encoding="utf-8") as fh:
        catalog = {row["rule_id"] for row in csv.DictReader(fh)}
    assert catalog - set(dirty_documents()) - {case.rule_id for case in SAMPLE_CASES} == set()
