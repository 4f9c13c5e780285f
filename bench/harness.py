"""Benchmark of the whole pipeline at several corpus sizes: each stage's wall time and peak memory.

Every measured stage runs in a fresh process, as a user would run it, so interpreter start-up and imports count.
Peak memory is the peak resident set of the largest process of the stage (the stage's process or one of its children:
forked parsers, dbt), as the kernel reports it to wait4().
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.generate import source_files
from bench.pdf import PdfResult, measure_pdfs, render_pdf_table
from ingest.corpus import raw_files
from ingest.readers.sniff import detect_format
from pipeline.dbt import OFFLINE_ENV
from pipeline.paths import DEFAULT_RAW_DIR, REPO_ROOT


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    stdout: str = ""


@dataclass
class ScaleResult:
    factor: int
    files: int
    raw_mb: float
    project_tables: int = 0
    indicators: int = 0
    floor_s: float = 0.0
    ingest_s: float = 0.0  # `python -m ingest` wall time, cold (no cache)
    ingest_internal_s: float = 0.0  # the same run's own parse-and-write time, imports excluded
    ingest_peak_mb: float = 0.0
    build_cold_s: float = 0.0
    build_cold_peak_mb: float = 0.0
    build_warm_s: float = 0.0  # nothing changed: ingest from the cache, dbt skipped, validation run
    build_warm_peak_mb: float = 0.0
    build_forced_s: float = 0.0  # FORCE=1: ingest from the cache, then dbt and validation in full
    build_forced_peak_mb: float = 0.0
    cold_stages: dict[str, float] = field(default_factory=dict)
    warm_stages: dict[str, float] = field(default_factory=dict)
    forced_stages: dict[str, float] = field(default_factory=dict)

    @property
    def ingest_vs_floor(self) -> float:
        return self.ingest_internal_s / self.floor_s if self.floor_s else math.nan


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run a command to completion; wall time and the peak RSS of its largest process (itself or a descendant)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{stdout[-2000:]}\n{stderr[-2000:]}")
    return Measured(seconds, usage.ru_maxrss / 1024, stdout)  # ru_maxrss is in KiB on Linux


def line_split_floor(files: list[Path]) -> float:
    """The least any parser must do: read every file and split it into lines, in Python (best of three)."""
    best = math.inf
    for _ in range(3):
        started = time.perf_counter()
        for path in files:
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("gb18030", errors="replace")
            text.split("\n")
        best = min(best, time.perf_counter() - started)
    return best


def corpus_for(factor: int, seed: int, work: Path) -> Path:
    """Factor 1 is the shipped text corpus itself (linked into a folder of its own: the PDFs are measured apart);
    larger factors are generated from it once per (factor, seed) and reused."""
    if factor == 1:
        target = work / "corpus-x1"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for path in source_files(DEFAULT_RAW_DIR):
            (target / path.name).symlink_to(path.resolve())
        return target
    target = work / f"corpus-x{factor}-seed{seed}"
    stamp = target / ".complete"
    if not stamp.exists():
        from bench.generate import generate_corpus

        shutil.rmtree(target, ignore_errors=True)
        started = time.perf_counter()
        generate_corpus(DEFAULT_RAW_DIR, target, factor, seed)
        stamp.write_text(f"{time.perf_counter() - started:.1f}\n")
    return target


def measure_scale(factor: int, seed: int, work: Path, say=print) -> ScaleResult:
    env = dict(os.environ, **OFFLINE_ENV)
    python = sys.executable
    corpus = corpus_for(factor, seed, work)
    files = raw_files(corpus)
    result = ScaleResult(factor, len(files), sum(p.stat().st_size for p in files) / 2**20)
    say(f"x{factor}: {result.files} files, {result.raw_mb:.1f} MB in {corpus}")

    result.floor_s = line_split_floor(files)

    ingest_out = work / f"ingest-x{factor}"
    shutil.rmtree(ingest_out, ignore_errors=True)
    ingest = run_measured([python, "-m", "ingest", "--raw-dir", str(corpus), "--out-dir", str(ingest_out)], env)
    result.ingest_s, result.ingest_peak_mb = ingest.seconds, ingest.peak_mb
    result.ingest_internal_s = float(ingest.stdout.rsplit(" in ", 1)[1].split(" s")[0])
    say(f"  ingest {result.ingest_s:.2f} s ({result.ingest_internal_s:.2f} s inside), floor {result.floor_s:.3f} s")

    duckdb_file = work / f"bench-x{factor}.duckdb"
    for stale in (duckdb_file, duckdb_file.with_name(f".{duckdb_file.name}.build")):
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    build = [python, "-m", "pipeline", "build", "--raw-dir", str(corpus), "--duckdb", str(duckdb_file)]
    summary_file = work / f"bench-x{factor}_reports" / "build_summary.json"
    # cold: empty ingest cache; warm: nothing changed; forced: a full rebuild with the ingest cache.
    for label, extra in (("cold", []), ("warm", []), ("forced", ["--force"])):
        run = run_measured(build + extra, env)
        summary = json.loads(summary_file.read_text(encoding="utf-8"))
        setattr(result, f"build_{label}_s", run.seconds)
        setattr(result, f"build_{label}_peak_mb", run.peak_mb)
        setattr(result, f"{label}_stages", summary["stage_seconds"])
        result.project_tables = summary["rows"]["project_tables"]
        result.indicators = summary["rows"]["indicators"]
        say(f"  build ({label}) {run.seconds:.1f} s, peak {run.peak_mb:.0f} MB, stages {summary['stage_seconds']}")
    return result


def _format(path: Path) -> str | None:
    try:
        return detect_format(path.read_bytes())
    except ValueError:  # recognised and refused (UnreadableDocument)
        return None


def measure_pdf_corpus(work: Path, say=print) -> PdfResult | None:
    """The PDFs shipped in data/raw (told from their bytes), read alone."""
    pdfs = [p for p in raw_files(DEFAULT_RAW_DIR) if _format(p) == "pdf"]
    return measure_pdfs(pdfs, work, run_measured, dict(os.environ, **OFFLINE_ENV), say=say)


def growth_exponents(results: list[ScaleResult], attribute: str) -> list[float]:
    """How a stage grows between consecutive scales: 1.0 is linear in N, 2.0 quadratic (below 1: fixed costs)."""
    out = []
    for small, large in zip(results, results[1:], strict=False):
        t0, t1 = getattr(small, attribute), getattr(large, attribute)
        out.append(math.log(t1 / t0) / math.log(large.factor / small.factor) if t0 > 0 and t1 > 0 else math.nan)
    return out


def render_table(results: list[ScaleResult]) -> str:
    header = ("| N | files | MB | project tables | indicators | floor s | ingest s (inside) | ingest / floor | "
              "ingest peak MB | build cold s | dbt s | validation s | peak MB | rebuild, nothing changed s | "
              "rebuild forced s (dbt s) |")
    rows = [header, "|" + "---|" * (header.count("|") - 1)]
    for r in results:
        rows.append(
            f"| {r.factor} | {r.files} | {r.raw_mb:.1f} | {r.project_tables} | {r.indicators} | {r.floor_s:.3f} | "
            f"{r.ingest_s:.2f} ({r.ingest_internal_s:.2f}) | {r.ingest_vs_floor:.0f}x | {r.ingest_peak_mb:.0f} | "
            f"{r.build_cold_s:.1f} | {r.cold_stages.get('dbt', 0):.1f} | {r.cold_stages.get('validation', 0):.1f} | "
            f"{r.build_cold_peak_mb:.0f} | {r.build_warm_s:.1f} | {r.build_forced_s:.1f} "
            f"({r.forced_stages.get('dbt', 0):.1f}) |")
    if len(results) > 1:
        rows.append("")
        rows.append("Growth between consecutive scales (exponent of N; 1 = linear):")
        for label, attribute in (("ingest", "ingest_internal_s"), ("build cold", "build_cold_s"),
                                 ("build forced", "build_forced_s")):
            exps = ", ".join(f"{e:.2f}" for e in growth_exponents(results, attribute))
            rows.append(f"- {label}: {exps}")
    return "\n".join(rows)


def write_results(results: list[ScaleResult], out_dir: Path, pdf: PdfResult | None = None) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    md = out_dir / f"bench-{stamp}.md"
    pdf_md = f"\n## PDF\n\n{render_pdf_table(pdf)}\n" if pdf else ""
    md.write_text(f"# Benchmark {stamp} ({machine})\n\n{render_table(results)}\n{pdf_md}", encoding="utf-8")
    js = out_dir / f"bench-{stamp}.json"
    pdf_js = asdict(pdf) | {"reader_vs_floor": pdf.ratio, "pages_per_second": pdf.pages_per_second} if pdf else None
    js.write_text(json.dumps({"machine": machine, "results": [asdict(r) | {"ingest_vs_floor": r.ingest_vs_floor}
                                                               for r in results], "pdf": pdf_js}, indent=2) + "\n")
    return md, js
