"""Reading the dbt project's manifest (target/manifest.json): the layers of its models and the rule catalog."""

from __future__ import annotations

import csv
from pathlib import Path

LAYERS = ("staging", "intermediate", "marts")  # in the order data flows; sources and seeds come before all


def layer_of(node: dict) -> int:
    """0 for sources and seeds, then 1, 2, 3 for the model folders in LAYERS."""
    if node["resource_type"] != "model":
        return 0
    folder = Path(node["original_file_path"]).parts[1]  # models/<layer>/…
    return LAYERS.index(folder) + 1


def layer_violations(manifest: dict) -> list[str]:
    """Every dependency of a model on a model of a later layer (staging reading intermediate, intermediate reading
    a mart …): data flows one way."""
    nodes = {**manifest["nodes"], **manifest.get("sources", {})}
    out = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        for parent in node["depends_on"]["nodes"]:
            if parent in nodes and layer_of(nodes[parent]) > layer_of(node):
                out.append(f"{node['name']} ({LAYERS[layer_of(node) - 1]}) reads {nodes[parent]['name']} "
                           f"({LAYERS[layer_of(nodes[parent]) - 1]})")
    return sorted(out)


def rule_catalog(repo: Path) -> list[dict]:
    with (repo / "seeds" / "validation_rules.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))
