"""`make docs`: dbt docs (lineage, every model and column), the GX Data Docs and the overview page of the served
warehouse, as static files beside it, viewable offline. Each step is announced as it starts."""

from __future__ import annotations

import functools
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.dbt import run_dbt
from pipeline.paths import BuildPaths
from pipeline.report import OVERVIEW
from pipeline.validate import publish_reports, run_validation

# Flushed at once: `make docs` output is often piped (CI, tee), where print would hold it until the end.
announce = functools.partial(print, flush=True)

_DBT_SITE_FILES = ("static_index.html", "index.html", "manifest.json", "catalog.json")


# dbt's page head carries a canonical link to its server route and a favicon whose template was never expanded
# (`${require(...)}`): neither resolves to a file, and the favicon would be looked up beside the page.
_DEAD_HEAD_LINKS = re.compile(r'<link rel="canonical" href="/[^"]*"\s*/?>'
                              r'|<link rel="shortcut icon" href="\$\{[^"]*"\s*/?>')


def drop_dead_head_links(html: str) -> str:
    return _DEAD_HEAD_LINKS.sub("", html, count=2)


def build_docs(paths: BuildPaths, say: Callable[[str], None] = announce) -> dict[str, Path]:
    if not paths.duckdb.exists():
        raise FileNotFoundError(f"no warehouse at {paths.duckdb}; run `make build` first")
    started = time.perf_counter()

    def step(text: str) -> None:
        say(f"docs: {text} ({time.perf_counter() - started:.1f} s)")

    paths.work_dir.mkdir(parents=True, exist_ok=True)
    # dbt opens its database read-write: document a copy, so that readers of the served file are not disturbed.
    copy = paths.work_dir / f"docs-{paths.duckdb.name}"
    step(f"copying {paths.duckdb.name} for dbt")
    shutil.copy2(paths.duckdb, copy)
    step("dbt docs generate --static (models, columns, lineage, catalog) …")
    try:
        run_dbt(paths, copy, "docs", "generate", "--static")
    finally:
        copy.unlink(missing_ok=True)
    step("validating with Great Expectations (Data Docs) …")
    report = run_validation(paths.duckdb, paths.gx_dir)
    failed = len(report.failures)
    step(f"validation: {len(report.outcomes)} expectations, {failed} failed; writing the static pages "
         "(dbt docs, Data Docs with local CSS/JS/fonts, overview page) …")
    # The dbt site goes into the staged reports, so that the overview page links it and all appear at once.
    staged_site = paths.gx_dir / "uncommitted" / "dbt_docs"
    staged_site.mkdir(parents=True, exist_ok=True)
    target = paths.work_dir / "dbt-target"
    for name in _DBT_SITE_FILES:
        shutil.copy2(target / name, staged_site / name)
    for name in ("static_index.html", "index.html"):
        page = staged_site / name
        page.write_text(drop_dead_head_links(page.read_text(encoding="utf-8")), encoding="utf-8")
    gx_index = publish_reports(paths.gx_dir, paths.reports_dir, db_file=paths.duckdb)
    overview = paths.reports_dir / OVERVIEW
    say(f"docs: done in {time.perf_counter() - started:.1f} s -> {overview}")
    return {"overview": overview, "dbt": paths.reports_dir / "dbt_docs" / "static_index.html", "gx": gx_index}
