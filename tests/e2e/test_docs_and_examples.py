"""`make docs` sites, the documented example questions, and documentation/test coverage of the marts."""

import csv
import json
import os
import subprocess
from html.parser import HTMLParser

import pytest

from tests.conftest import REPO

EXAMPLES = sorted((REPO / "docs" / "examples").glob("*.sql"))


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


@pytest.fixture(scope="module")
def docs_sites(seed_warehouse):
    proc = subprocess.run(["make", "-s", "docs", f"DUCKDB={seed_warehouse}"], cwd=REPO, capture_output=True,
                          text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    reports = seed_warehouse.parent / f"{seed_warehouse.stem}_reports"
    return reports / "dbt_docs" / "static_index.html", reports / "data_docs" / "local_site" / "index.html"


def test_dbt_docs_site_describes_the_marts(docs_sites):
    dbt_index, _ = docs_sites
    html = dbt_index.read_text(encoding="utf-8")
    for model in ("dim_project", "fct_indicator", "fct_budget_line", "fct_dq_finding"):
        assert model in html
    assert "supervising department" in html  # column descriptions are embedded: the page works offline


def test_gx_data_docs_list_the_suites_without_remote_tracking(docs_sites):
    _, gx_index = docs_sites
    parser = _Text()
    parser.feed(gx_index.read_text(encoding="utf-8"))
    text = " ".join(parser.parts)
    for suite in ("dim_document", "dim_project", "fct_dq_finding"):
        assert suite in text
    assert "great-expectations-web-assets" not in gx_index.read_text(encoding="utf-8")


@pytest.mark.parametrize("query", EXAMPLES, ids=[q.stem for q in EXAMPLES])
def test_example_question_returns_its_recorded_answer(seed_con, query):
    cur = seed_con.execute(query.read_text(encoding="utf-8"))
    got = [[("" if v is None else str(v)) for v in row] for row in cur.fetchall()]
    with open(query.with_suffix(".csv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert [d[0] for d in cur.description] == rows[0]
    assert got == rows[1:]


def test_every_mart_model_and_column_is_documented_and_keys_are_tested(seed_warehouse):
    manifest = json.loads((seed_warehouse.parent / f".{seed_warehouse.name}.build" / "dbt-target" /
                           "manifest.json").read_text(encoding="utf-8"))
    # The rule models (ephemeral parts of fct_dq_finding) are described by the rule catalog, dim_validation_rule.
    marts = {n["name"]: n for n in manifest["nodes"].values()
             if n["resource_type"] == "model" and n["schema"] == "marts" and n["config"]["materialized"] != "ephemeral"}
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    tested = {(t["attached_node"].split(".")[-1] if t.get("attached_node") else None, t.get("column_name"),
               t["test_metadata"]["name"] if t.get("test_metadata") else None) for t in tests}
    undocumented = [f"{m}.{c}" for m, n in marts.items() for c, col in n["columns"].items() if not col["description"]]
    assert not [m for m, n in marts.items() if not n["description"]]
    assert undocumented == []
    # Every mart's first column is its key: unique and not null; every *_id column of another model is related.
    for name, node in marts.items():
        key = next(iter(node["columns"]))
        assert (name, key, "unique") in tested, (name, key)
        assert (name, key, "not_null") in tested, (name, key)
        for column in node["columns"]:
            # object_id points at several kinds of object; a reject may name a document that could not be read.
            exempt = {("fct_dq_finding", "object_id"), ("fct_parse_reject", "document_id")}
            if column.endswith("_id") and column != key and (name, column) not in exempt:
                assert (name, column, "relationships") in tested, (name, column)
