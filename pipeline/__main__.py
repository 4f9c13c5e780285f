"""`python -m pipeline build|validate|docs|dbt`: the stages behind `make build`, `make validate`, `make docs` and
`make dbt`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb

from pipeline.build import DEFAULT_STORAGE_VERSION, build_warehouse
from pipeline.dbt import DbtFailed, run_dbt_interactive
from pipeline.docs import build_docs
from pipeline.paths import DEFAULT_DUCKDB, DEFAULT_RAW_DIR, BuildPaths
from pipeline.validate import publish_reports, run_validation


def _strict_exit(report, strict: bool) -> int:
    """Findings are facts about the documents: reported, exit 0. Strict mode stops on error-severity ones."""
    errors = report.failed("error")
    if strict and errors:
        print(f"strict mode: {len(errors)} error-severity check(s) failed "
              f"({report.error_findings()} error findings in marts.fct_dq_finding)", file=sys.stderr)
        return 3
    return 0


def _run_dbt(paths: BuildPaths, dbt_args: list[str]) -> int:
    """dbt by hand on the served warehouse and the Parquet of its last build (`make dbt ARGS="build -s …"`): models
    are rebuilt in the served file itself, so readers must let go of it (no atomic swap here: use `make build`)."""
    if not paths.ingest_dir.is_dir():
        print(f"dbt: no ingest output at {paths.ingest_dir}; run `make build` first", file=sys.stderr)
        return 2
    print(f"dbt {' '.join(dbt_args)} on {paths.duckdb} (sources: {paths.ingest_dir})")
    return run_dbt_interactive(paths, paths.duckdb, dbt_args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("command", choices=["build", "validate", "docs", "dbt"])
    parser.add_argument("--raw-dir", type=Path, default=DEFAULT_RAW_DIR)
    parser.add_argument("--duckdb", type=Path, default=DEFAULT_DUCKDB)
    parser.add_argument("--strict", action="store_true", help="exit non-zero when error-severity checks fail")
    parser.add_argument("--force", action="store_true",
                        help="rebuild even when nothing the warehouse is built from has changed")
    parser.add_argument("--storage-version", default=DEFAULT_STORAGE_VERSION,
                        help="DuckDB storage version of the served file (default %(default)s, readable by DuckDB 1.x)")
    argv = sys.argv[1:] if argv is None else argv
    # `dbt`: what follows `--` is dbt's own arguments (e.g. -- build -s fct_indicator; default: build).
    dbt_args = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    paths = BuildPaths.resolve(args.raw_dir, args.duckdb)
    started = time.perf_counter()

    if args.command == "docs":
        try:
            sites = build_docs(paths)
        except (DbtFailed, FileNotFoundError) as exc:
            print(f"docs FAILED: {exc}", file=sys.stderr)
            return 1
        print(f"dbt docs: {sites['dbt']}\nGX Data Docs: {sites['gx']}")
        return 0

    if args.command == "dbt":
        return _run_dbt(paths, dbt_args or ["build"])

    if args.command == "validate":
        if not paths.duckdb.exists():
            print(f"validate: no warehouse at {paths.duckdb}; run `make build` first", file=sys.stderr)
            return 2
        report = run_validation(paths.duckdb, paths.gx_dir)
        print("\n".join(report.summary_lines()))
        print(f"reports: {publish_reports(paths.gx_dir, paths.reports_dir)}")
        return _strict_exit(report, args.strict)

    previous = "the previous warehouse is still served" if paths.duckdb.exists() else "no warehouse was written"
    try:
        result = build_warehouse(paths, storage_version=args.storage_version, force=args.force)
    except (DbtFailed, FileNotFoundError, OSError, ValueError, duckdb.Error) as exc:
        print(f"build FAILED: {exc}\n{previous}: {paths.duckdb}", file=sys.stderr)
        return 1
    print(f"warehouse: {paths.duckdb} (built in {time.perf_counter() - started:.1f} s)")
    print(f"validation report: {result.report.data_docs_index}")
    return _strict_exit(result.report, args.strict)


if __name__ == "__main__":
    sys.exit(main())
