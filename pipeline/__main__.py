"""`python -m pipeline build|validate|docs|dbt|sql`: the stages behind `make build`, `make validate`, `make docs`,
`make dbt` and `make sql`.

Exit status: 0 done (findings in the data are not failures), 1 the pipeline failed, 2 a missing or unwritable input
or target, 3 strict mode and error-severity checks failed, 4 the refresh guard refused to publish, 5 another run
holds the warehouse's lock.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipeline.build import DEFAULT_STORAGE_VERSION, build_warehouse, ingest_is_served
from pipeline.dbt import DbtFailed, run_dbt_interactive
from pipeline.docs import build_docs
from pipeline.guard import PublishRefused
from pipeline.lock import LockError, TargetBusy, target_lock
from pipeline.paths import DEFAULT_DUCKDB, DEFAULT_RAW_DIR, BuildPaths, input_problem, target_problem
from pipeline.sql import run_sql_shell
from pipeline.validate import publish_reports, run_validation

EXIT_FAILED, EXIT_MISSING, EXIT_STRICT, EXIT_REFUSED, EXIT_BUSY = 1, 2, 3, 4, 5


def _strict_exit(report, strict: bool) -> int:
    """Findings are facts about the documents: reported, exit 0. Strict mode stops on error-severity ones."""
    errors = report.failed("error")
    if strict and errors:
        print(f"strict mode: {len(errors)} error-severity check(s) failed "
              f"({report.error_findings()} error findings in marts.fct_dq_finding)", file=sys.stderr)
        return EXIT_STRICT
    return 0


def _precondition(command: str, paths: BuildPaths) -> str | None:
    """What stops the command before it starts (and before it takes the lock), said plainly."""
    if command == "build":
        return input_problem(paths) or target_problem(paths)
    if command == "dbt" and not paths.ingest_dir.is_dir():
        return f"dbt: no ingest output at {paths.ingest_dir}; run `make build` first"
    if not paths.duckdb.is_file():
        return f"{command}: no warehouse at {paths.duckdb}; run `make build` first"
    return None


def _build(paths: BuildPaths, args: argparse.Namespace) -> int:
    previous = "the previous warehouse is still served" if paths.duckdb.exists() else "no warehouse was written"
    started = time.perf_counter()
    try:
        result = build_warehouse(paths, storage_version=args.storage_version, force=args.force,
                                 allow_shrink=args.allow_shrink)
    except PublishRefused as exc:
        print("\n".join(exc.lines), file=sys.stderr)
        return EXIT_REFUSED
    except (DbtFailed, FileNotFoundError, OSError, ValueError, duckdb.Error) as exc:
        print(f"build FAILED: {exc}\n{previous}: {paths.duckdb}", file=sys.stderr)
        return EXIT_FAILED
    print(f"warehouse: {paths.duckdb} (built in {time.perf_counter() - started:.1f} s)")
    print(f"overview page: {paths.reports_dir / 'index.html'}")
    print(f"validation report: {result.report.data_docs_index}")
    return _strict_exit(result.report, args.strict)


def _validate(paths: BuildPaths, args: argparse.Namespace) -> int:
    report = run_validation(paths.duckdb, paths.gx_dir)
    print("\n".join(report.summary_lines()))
    print(f"reports: {publish_reports(paths.gx_dir, paths.reports_dir, db_file=paths.duckdb)}")
    print(f"overview page: {paths.reports_dir / 'index.html'}")
    return _strict_exit(report, args.strict)


def _docs(paths: BuildPaths, args: argparse.Namespace) -> int:
    try:
        sites = build_docs(paths)
    except (DbtFailed, FileNotFoundError) as exc:
        print(f"docs FAILED: {exc}", file=sys.stderr)
        return EXIT_FAILED
    labels = {"overview": "overview page", "dbt": "dbt docs", "gx": "GX Data Docs"}
    for site, index in sites.items():
        print(f"{labels.get(site, site)}: {index}")
    return 0


def _dbt(paths: BuildPaths, args: argparse.Namespace) -> int:
    """dbt by hand on the served warehouse and the Parquet of its last build (`make dbt ARGS="build -s …"`): models
    are rebuilt in the served file itself, so readers must let go of it (no atomic swap here: use `make build`)."""
    if not ingest_is_served(paths):
        print(f"dbt: the Parquet in {paths.ingest_dir} is not what the served warehouse was built from (the last "
              "build was refused or failed); run `make build` first (ALLOW_SHRINK=1 if its smaller corpus is "
              "intended)", file=sys.stderr)
        return EXIT_MISSING
    print(f"dbt {' '.join(args.dbt_args)} on {paths.duckdb} (sources: {paths.ingest_dir})")
    return run_dbt_interactive(paths, paths.duckdb, args.dbt_args)


# Every command that writes into the warehouse's scratch folder or file runs under its lock.
_LOCKED_COMMANDS: dict[str, Callable[[BuildPaths, argparse.Namespace], int]] = {
    "build": _build, "validate": _validate, "docs": _docs, "dbt": _dbt}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=[*_LOCKED_COMMANDS, "sql"])
    parser.add_argument("--raw-dir", type=Path, default=DEFAULT_RAW_DIR)
    parser.add_argument("--duckdb", type=Path, default=DEFAULT_DUCKDB)
    parser.add_argument("--strict", action="store_true", help="exit non-zero when error-severity checks fail")
    parser.add_argument("--force", action="store_true",
                        help="rebuild even when nothing the warehouse is built from has changed")
    parser.add_argument("--allow-shrink", action="store_true",
                        help="publish even when the new warehouse lost documents or most rows of a mart "
                             "(never when it has no documents)")
    parser.add_argument("--wait", action="store_true",
                        help="when another run holds this warehouse, wait for it instead of exiting")
    parser.add_argument("--storage-version", default=DEFAULT_STORAGE_VERSION,
                        help="DuckDB storage version of the served file (default %(default)s, readable by DuckDB 1.x)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # `dbt`: what follows `--` is dbt's own arguments (e.g. -- build -s fct_indicator; default: build).
    own, dbt_args = (argv[: argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    args = _parser().parse_args(own)
    args.dbt_args = dbt_args or ["build"]
    paths = BuildPaths.resolve(args.raw_dir, args.duckdb)

    if args.command == "sql":
        return run_sql_shell(paths.duckdb)
    problem = _precondition(args.command, paths)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_MISSING
    try:
        with target_lock(paths, args.command, wait=args.wait):
            return _LOCKED_COMMANDS[args.command](paths, args)
    except TargetBusy as exc:
        print(exc, file=sys.stderr)
        return EXIT_BUSY
    except LockError as exc:
        print(exc, file=sys.stderr)
        return EXIT_MISSING


if __name__ == "__main__":
    sys.exit(main())
