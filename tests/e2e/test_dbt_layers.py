"""The dbt project as built (its manifest): data flows one way through the layers, the findings table is assembled
from the rule catalog, marts are grouped by subject, and the public tables stay in schema marts."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.dbt_project import LAYERS, layer_of, layer_violations, rule_catalog


@pytest.fixture(scope="module")
def manifest(seed_warehouse) -> dict:
    path = seed_warehouse.parent / f".{seed_warehouse.name}.build" / "dbt-target" / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _models(manifest: dict) -> dict[str, dict]:
    return {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}


def test_no_model_reads_a_model_of_a_later_layer(manifest):
    assert layer_violations(manifest) == []
    assert {LAYERS[layer_of(node) - 1] for node in _models(manifest).values()} == set(LAYERS)


def test_the_findings_table_unites_exactly_the_models_of_the_rule_catalog(manifest):
    models = _models(manifest)
    catalog = {row["model"] for row in rule_catalog(REPO)}
    unites = {parent.split(".")[-1] for parent in models["fct_dq_finding"]["depends_on"]["nodes"]}
    assert catalog <= unites and unites - catalog == {"dim_validation_rule"}
    for name in catalog:
        assert models[name]["config"]["materialized"] == "ephemeral"
        assert models[name]["original_file_path"].startswith("models/marts/quality/rules/")


def test_marts_are_grouped_by_subject_in_schema_marts(manifest):
    marts = [n for n in _models(manifest).values() if layer_of(n) == 3 and n["config"]["materialized"] != "ephemeral"]
    assert {n["original_file_path"].split("/")[2] for n in marts} == {"projects", "budgets", "quality", "reference"}
    assert {n["schema"] for n in marts} == {"marts"}
    for folder in ("projects", "budgets", "quality", "reference"):
        assert (REPO / "models" / "marts" / folder / f"_{folder}__models.yml").exists()
