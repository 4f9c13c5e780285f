"""Run the Great Expectations checkpoints of `expectations/` against a built warehouse file.

Each checkpoint validates one mart table through the pandas datasource (GX's SQL datasource does not work on
DuckDB here, see docs). The asset name of a checkpoint's validation definition is the table name in `marts`.
GX runs in a scratch copy of the configuration so that a build never writes into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.dbt import OFFLINE_ENV
from pipeline.paths import EXPECTATIONS_DIR
from pipeline.report import OVERVIEW, publish_overview
from pipeline.vendor_assets import localize_site
from pipeline.wrap import wrap

_CONFIG_ITEMS = ("great_expectations.yml", "expectations", "validation_definitions", "checkpoints", "plugins")
# GX severities mapped onto the warehouse's two levels.
_SEVERITY = {"critical": "error", "warning": "warning", "info": "warning"}


@dataclass(frozen=True)
class ExpectationOutcome:
    suite: str
    expectation: str
    column: str | None
    severity: str  # error | warning
    success: bool
    unexpected_count: int | None
    sample: list


@dataclass
class ValidationReport:
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    data_docs_index: Path | None = None
    rules: dict[str, tuple[str, str]] = field(default_factory=dict)  # rule id -> (severity, description)
    rule_counts: dict[str, int] = field(default_factory=dict)  # rule id -> findings

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    def failed(self, severity: str) -> list[ExpectationOutcome]:
        return [o for o in self.failures if o.severity == severity]

    def summary_lines(self) -> list[str]:
        suites = sorted({o.suite for o in self.outcomes})
        lines = [
            f"validation: {len(self.outcomes)} expectations in {len(suites)} suites "
            f"({', '.join(suites)}): {len(self.outcomes) - len(self.failures)} passed, "
            f"{len(self.failed('error'))} failed (error), {len(self.failed('warning'))} failed (warning)"
        ]
        for o in self.failures:
            if o.suite == RULE_SUITE:
                continue  # reported per rule below
            where = f".{o.column}" if o.column else ""
            count = "" if o.unexpected_count is None else f": {o.unexpected_count} rows, e.g. {o.sample[:3]}"
            lines.append(f"  [{o.severity}] {o.suite}{where} {o.expectation}{count}")
        if self.rules:
            by_severity = {"error": 0, "warning": 0}
            for rule_id, n in self.rule_counts.items():
                by_severity[self.rules.get(rule_id, ("warning", ""))[0]] += n
            lines.append(f"  findings: {by_severity['error']} error, {by_severity['warning']} warning "
                         f"(rules with findings: {len(self.rule_counts)} of {len(self.rules)}; "
                         "query marts.fct_dq_finding for files and lines)")
            lines += self.rule_lines()
        return lines

    def rule_lines(self, width: int | None = None) -> list[str]:
        """One entry per rule with findings: id, severity, count and the whole description, wrapped at spaces onto
        indented lines (never cut) to fit `width` columns (the terminal's, 120 when not a terminal)."""
        width = width or shutil.get_terminal_size((120, 24)).columns
        id_width = max((len(rule_id) for rule_id in self.rule_counts), default=3)
        lines: list[str] = []
        for rule_id, n in sorted(self.rule_counts.items()):
            severity, description = self.rules.get(rule_id, ("?", ""))
            prefix = f"    {rule_id:<{id_width}} {f'[{severity}]':<9} {n:>5}  "
            text = wrap(description, max(width - len(prefix), 40))
            lines.append(prefix + text[0])
            lines += [" " * len(prefix) + more for more in text[1:]]
        return lines

    def error_findings(self) -> int:
        return sum(n for rule_id, n in self.rule_counts.items() if self.rules.get(rule_id, ("", ""))[0] == "error")


def prepare_context_dir(gx_dir: Path) -> Path:
    if gx_dir.exists():
        shutil.rmtree(gx_dir)
    gx_dir.mkdir(parents=True)
    for item in _CONFIG_ITEMS:
        src = EXPECTATIONS_DIR / item
        if src.is_dir():
            shutil.copytree(src, gx_dir / item)
        elif src.exists():
            shutil.copy2(src, gx_dir / item)
    return gx_dir


def _outcome(suite: str, result) -> ExpectationOutcome:
    cfg = result.expectation_config
    details = result.result or {}
    severity = getattr(cfg, "severity", None)
    severity = _SEVERITY.get(getattr(severity, "value", severity) or "critical", "error")
    return ExpectationOutcome(
        suite=suite,
        expectation=cfg.type,
        column=cfg.kwargs.get("column") or cfg.kwargs.get("column_A"),
        severity=severity,
        success=bool(result.success),
        unexpected_count=details.get("unexpected_count"),
        sample=list(details.get("partial_unexpected_list") or []),
    )


RULE_SUITE = "fct_dq_finding"


def install_rule_suite(context, rules: list[tuple[str, str, str]]) -> None:
    """One expectation per catalog rule on marts.fct_dq_finding: no finding of that rule. The catalog (seed
    validation_rules) is the only place a rule's severity and meaning are written."""
    import great_expectations as gx

    suite = context.suites.get(RULE_SUITE)
    for expectation in list(suite.expectations):
        suite.delete_expectation(expectation)
    for rule_id, severity, description in rules:
        suite.add_expectation(gx.expectations.ExpectColumnValuesToNotBeInSet(
            column="rule_id", value_set=[rule_id], severity="critical" if severity == "error" else "warning",
            meta={"rule_id": rule_id, "description": description}))
    suite.save()


def preload_validation() -> None:
    """Import Great Expectations (about 4 s) ahead of time, e.g. while dbt runs in its own process."""
    os.environ.update(OFFLINE_ENV)
    import great_expectations  # noqa: F401


def run_validation(db_file: Path, gx_dir: Path) -> ValidationReport:
    os.environ.update(OFFLINE_ENV)
    import great_expectations as gx  # slow import (~4 s): only when validating

    context = gx.get_context(mode="file", context_root_dir=str(prepare_context_dir(gx_dir)))
    report = ValidationReport()
    with duckdb.connect(str(db_file), read_only=True) as con:
        rules = con.execute(
            "select rule_id, severity, description from marts.dim_validation_rule order by 1").fetchall()
        install_rule_suite(context, rules)
        report.rule_counts = dict(con.execute(
            "select rule_id, count(*) from marts.fct_dq_finding group by rule_id").fetchall())
        report.rules = {rule_id: (severity, description) for rule_id, severity, description in rules}
        for checkpoint in sorted(context.checkpoints.all(), key=lambda c: c.name):
            # One mart table per checkpoint: a checkpoint passes the same batch parameters to all its definitions.
            tables = {d.data.data_asset.name for d in checkpoint.validation_definitions}
            if len(tables) != 1:
                raise ValueError(f"checkpoint {checkpoint.name} must validate exactly one table, not {sorted(tables)}")
            frame = con.execute(f'select * from marts."{tables.pop()}"').df()
            result = checkpoint.run(batch_parameters={"dataframe": frame})
            for run in result.run_results.values():
                suite = run.suite_name if hasattr(run, "suite_name") else checkpoint.name
                report.outcomes += [_outcome(suite, r) for r in run.results]
    # Once for all checkpoints (an update_data_docs action per checkpoint would rebuild the site each time).
    context.build_data_docs()
    report.data_docs_index = gx_dir / "uncommitted" / "data_docs" / "local_site" / "index.html"
    return report


def publish_reports(gx_dir: Path, reports_dir: Path, *, raw_dir: Path | None = None,
                    db_file: Path | None = None) -> Path:
    """Move the Data Docs and results of a finished validation beside the served warehouse, with the Data Docs'
    CSS, JS and fonts shipped locally and the overview page of the build (`<reports>/index.html`). Everything is
    written into a staged folder that replaces the previous one at once.

    `db_file` is the validated warehouse (default: the served file these folders belong to) and `raw_dir` the
    folder its build read (default: found, see pipeline/report_sources.py); the overview links the raw files."""
    staged = reports_dir.with_name(reports_dir.name + ".new")
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(gx_dir / "uncommitted", staged)
    summary = reports_dir / "build_summary.json"
    if summary.exists():  # the last build's summary stays until the next build writes its own
        shutil.copy2(summary, staged / summary.name)
    site = staged / "data_docs" / "local_site"
    for page in site.rglob("*.html"):
        strip_remote_tracking(page)
    localize_site(site, home=staged / OVERVIEW)
    publish_overview(gx_dir, reports_dir, staged, raw_dir=raw_dir, db_file=db_file)
    old = reports_dir.with_name(reports_dir.name + ".old")
    if reports_dir.exists():
        if old.exists():
            shutil.rmtree(old)
        reports_dir.rename(old)
    staged.rename(reports_dir)
    if old.exists():
        shutil.rmtree(old)
    return reports_dir / "data_docs" / "local_site" / "index.html"


_REMOTE_LOGO = re.compile(r"<img[^>]*great-expectations-web-assets[^>]*>|url\('https://great-expectations-web-assets[^']*'\)")


def strip_remote_tracking(page: Path) -> None:
    """GX pages load a logo from a remote host with the context id in its URL: drop it (the docs are read
    offline; the page keeps its content)."""
    html = page.read_text(encoding="utf-8")
    cleaned = _REMOTE_LOGO.sub(lambda m: "none" if m.group(0).startswith("url(") else "", html)
    if cleaned != html:
        page.write_text(cleaned, encoding="utf-8")
