"""`make docs`: dbt docs (lineage, every model and column) and the GX Data Docs of the served warehouse, as
static files beside it, viewable offline."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.dbt import run_dbt
from pipeline.paths import BuildPaths
from pipeline.validate import publish_reports, run_validation


def build_docs(paths: BuildPaths) -> dict[str, Path]:
    if not paths.duckdb.exists():
        raise FileNotFoundError(f"no warehouse at {paths.duckdb}; run `make build` first")
    paths.work_dir.mkdir(parents=True, exist_ok=True)
    # dbt opens its database read-write: document a copy, so that readers of the served file are not disturbed.
    copy = paths.work_dir / f"docs-{paths.duckdb.name}"
    shutil.copy2(paths.duckdb, copy)
    run_dbt(paths, copy, "docs", "generate", "--static")
    copy.unlink(missing_ok=True)
    run_validation(paths.duckdb, paths.gx_dir)
    gx_index = publish_reports(paths.gx_dir, paths.reports_dir)
    site = paths.reports_dir / "dbt_docs"
    site.mkdir(parents=True, exist_ok=True)
    target = paths.work_dir / "dbt-target"
    for name in ("static_index.html", "index.html", "manifest.json", "catalog.json"):
        shutil.copy2(target / name, site / name)
    return {"dbt": site / "static_index.html", "gx": gx_index}
