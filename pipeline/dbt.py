"""Run dbt as a subprocess (it must own the DuckDB file while it writes), offline and quiet."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.paths import REPO_ROOT, BuildPaths

RULE_CATALOG = REPO_ROOT / "seeds" / "validation_rules.csv"


def _read_env_file(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


# No usage tracking, no version checks: offline.env is the one place that says so (the Makefile and CI read it too).
OFFLINE_ENV = _read_env_file(REPO_ROOT / "offline.env")


def rule_models() -> list[str]:
    """The model of every rule of the catalog, in catalog order: fct_dq_finding unites them."""
    with RULE_CATALOG.open(encoding="utf-8") as fh:
        return [row["model"] for row in csv.DictReader(fh)]


def dbt_vars() -> str:
    return json.dumps({"dq_rule_models": rule_models()})


class DbtFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class DbtSummary:
    line: str  # dbt's own `Done. PASS=… WARN=… ERROR=…` line


def dbt_env(paths: BuildPaths, db_file: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OFFLINE_ENV)
    env.update(
        {
            "DBT_PROFILES_DIR": str(REPO_ROOT),
            "DBT_PROJECT_DIR": str(REPO_ROOT),
            "DBT_TARGET_PATH": str(paths.work_dir / "dbt-target"),
            "DBT_LOG_PATH": str(paths.work_dir / "dbt-logs"),
            "INGEST_DIR": str(paths.ingest_dir),
            "WAREHOUSE_BUILD_PATH": str(db_file),
        }
    )
    return env


def dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(paths: BuildPaths, db_file: Path, command: str = "build", *extra: str) -> DbtSummary:
    proc = subprocess.run(
        [dbt_executable(), "--no-version-check", "--no-use-colors", command, *extra, "--vars", dbt_vars()],
        cwd=REPO_ROOT,
        env=dbt_env(paths, db_file),
        capture_output=True,
        text=True,
    )
    done = [ln for ln in proc.stdout.splitlines() if re.search(r"Done\. PASS=", ln)]
    summary = re.sub(r"^\S+\s+", "", done[-1]).strip() if done else ""
    if proc.returncode != 0:
        tail = "\n".join(ln for ln in proc.stdout.splitlines() if re.search(r"ERROR|FAIL|Error|error", ln))
        raise DbtFailed(f"dbt {command} failed (exit {proc.returncode}). {summary}\n{tail or proc.stdout[-3000:]}"
                        f"\nFull log: {paths.work_dir / 'dbt-logs' / 'dbt.log'}")
    return DbtSummary(summary)


def run_dbt_interactive(paths: BuildPaths, db_file: Path, args: list[str]) -> int:
    """dbt with the user's arguments, its output shown as it runs (`make dbt ARGS=...`)."""
    if "--vars" not in args:
        args = [*args, "--vars", dbt_vars()]
    return subprocess.run([dbt_executable(), "--no-version-check", *args], cwd=REPO_ROOT,
                          env=dbt_env(paths, db_file)).returncode
