"""Run dbt as a subprocess (it must own the DuckDB file while it writes), offline and quiet."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.paths import REPO_ROOT, BuildPaths

OFFLINE_ENV = {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "DO_NOT_TRACK": "1",
    "DBT_VERSION_CHECK": "false",
    "GX_ANALYTICS_ENABLED": "false",
}


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
        [dbt_executable(), "--no-version-check", "--no-use-colors", command, *extra],
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
