"""The dbt project's structure, checked without building: a rule is one model plus one catalog row, and the layer
check catches a model that reads a later layer."""

from __future__ import annotations

import re

from tests.conftest import REPO
from tests.dbt_project import layer_violations, rule_catalog

RULES_DIR = REPO / "models" / "marts" / "quality" / "rules"


def _node(name: str, path: str, parents: list[str]) -> dict:
    return {"resource_type": "model", "name": name, "original_file_path": path, "depends_on": {"nodes": parents}}


def test_the_layer_check_finds_a_model_that_reads_a_later_layer():
    manifest = {"nodes": {
        "model.p.stg_a": _node("stg_a", "models/staging/stg_a.sql", ["source.p.ingest.a"]),
        "model.p.int_b": _node("int_b", "models/intermediate/x/int_b.sql", ["model.p.stg_a", "model.p.dim_c"]),
        "model.p.dim_c": _node("dim_c", "models/marts/x/dim_c.sql", ["model.p.stg_a"]),
        "model.p.fct_d": _node("fct_d", "models/marts/y/fct_d.sql", ["model.p.dim_c", "model.p.int_b"]),
    }, "sources": {"source.p.ingest.a": {"resource_type": "source", "name": "a"}}}
    assert layer_violations(manifest) == ["int_b (intermediate) reads dim_c (marts)"]


def test_every_catalog_rule_has_exactly_one_model_and_every_rule_model_a_catalog_row():
    catalog = rule_catalog(REPO)
    files = {path.stem: path for path in RULES_DIR.glob("*.sql")}
    assert sorted(row["model"] for row in catalog) == sorted(files)
    assert len({row["rule_id"] for row in catalog}) == len(catalog)
    for row in catalog:
        sql = files[row["model"]].read_text(encoding="utf-8")
        # The model reports its own rule id (and no other), and says nothing of severity or meaning: those live in the
        # catalog only.
        assert set(re.findall(r"'([A-Z]\d\d)'", sql)) == {row["rule_id"]}, row["model"]
        assert f"'{row['rule_id']}' as rule_id" in sql, row["model"]
        assert not re.search(r"\bseverity\b", sql), row["model"]
        assert row["model"].startswith(f"fct_dq_finding__{row['rule_id'].lower()}_"), row["model"]
