"""The refresh guard: a build does not replace the served warehouse with one that lost documents or most of its rows,
unless told to (ALLOW_SHRINK=1, --allow-shrink); a warehouse without documents is never published.

A corpus folder that lost files (a failed download, a wrong RAW_DIR, a half-copied disk) parses without errors and
builds a perfectly valid, smaller warehouse; only the comparison with what is served tells that something went away.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

# The marts whose row counts are compared; a refresh keeping less than KEEP_AT_LEAST of any of them is refused.
GUARDED_TABLES = ("dim_document", "dim_project", "fct_budget_line", "fct_indicator")
KEEP_AT_LEAST = 0.5
NAMED_DOCUMENTS = 10  # documents named in a message; the rest are counted


class PublishRefused(RuntimeError):
    """The new warehouse is not published; lines say why and what to do."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class WarehouseContents:
    documents: dict[str, str | None]  # source_file -> sha256 of every document in marts.dim_document
    counts: dict[str, int]  # row counts of GUARDED_TABLES (0 when a table is missing)


def read_contents(db_file: Path) -> WarehouseContents:
    """The documents and guarded row counts of a warehouse file, opened read-only (readers are not disturbed)."""
    with duckdb.connect() as con:
        con.execute("attach ? as w (read_only)", [str(db_file)])
        present = {name for (name,) in con.execute(
            "select table_name from duckdb_tables() where database_name = 'w' and schema_name = 'marts'").fetchall()}
        documents = dict(con.execute("select source_file, sha256 from w.marts.dim_document").fetchall()
                         ) if "dim_document" in present else {}
        counts = {table: con.execute(f"select count(*) from w.marts.{table}").fetchone()[0] if table in present else 0
                  for table in GUARDED_TABLES}
    return WarehouseContents(documents, counts)


def lost_documents(served: WarehouseContents, new_documents: dict[str, str | None]) -> list[str]:
    """Served documents found in the new build neither by file name nor by content (a renamed file is not lost,
    nor is a corrected one)."""
    new_hashes = set(new_documents.values())
    return sorted(name for name, sha256 in served.documents.items()
                  if name not in new_documents and sha256 not in new_hashes)


def shrunk_tables(served: WarehouseContents, new: WarehouseContents) -> list[str]:
    return [t for t in GUARDED_TABLES if new.counts[t] < served.counts[t] * KEEP_AT_LEAST]


def document_lines(lost: list[str], served_total: int) -> list[str]:
    if not lost:
        return []
    lines = [f"  {len(lost)} of the {served_total} served documents would be lost:"]
    lines += [f"    {name}" for name in lost[:NAMED_DOCUMENTS]]
    if len(lost) > NAMED_DOCUMENTS:
        lines.append(f"    … and {len(lost) - NAMED_DOCUMENTS} more")
    return lines


def count_lines(served: WarehouseContents, new: WarehouseContents | None) -> list[str]:
    """`dim_project  1234 -> 300  less than half` per guarded table (served only when nothing new was built)."""
    shrunk = shrunk_tables(served, new) if new else []
    width = max(len(t) for t in GUARDED_TABLES)
    lines = ["  rows (served -> new):" if new else "  rows of the served warehouse:"]
    for table in GUARDED_TABLES:
        after = f" -> {new.counts[table]:>8}" if new else ""
        mark = "  less than half" if table in shrunk else ""
        lines.append(f"    {table:<{width}} {served.counts[table]:>8}{after}{mark}")
    return lines


HOW_TO_PROCEED = [
    "To publish it anyway (the documents really went away): make build ALLOW_SHRINK=1 "
    "(python -m pipeline build --allow-shrink).",
    "To try a corpus without touching the served warehouse: make build RAW_DIR=<folder> DUCKDB=/tmp/trial.duckdb",
]


def check_not_empty(documents: int, files: int, raw_dir: Path, served: Path, ingest_dir: Path) -> None:
    """Zero documents is never published, ALLOW_SHRINK or not: checked right after ingest, before dbt runs."""
    if documents:
        return
    read = (f"no document was loaded from {raw_dir} ({files} file{'s' if files > 1 else ''}: the lines above say why)"
            if files else f"the raw folder {raw_dir} has no files")
    lines = [f"build REFUSED: {read}; a warehouse without documents is never published, even with ALLOW_SHRINK=1."]
    if served.exists():
        try:
            contents = read_contents(served)
        except duckdb.Error:
            contents = None
        if contents:
            lines += document_lines(sorted(contents.documents), len(contents.documents))
            lines += count_lines(contents, None)
        lines.append(f"  served warehouse (unchanged): {served}")
    else:
        lines.append(f"  no warehouse was written: {served}")
    lines += [f"  ingest output, for inspection: {ingest_dir}",
              "Check RAW_DIR: make build RAW_DIR=<folder of the documents>."]
    raise PublishRefused(lines)


def guard_refresh(served: Path, new: Path, allow_shrink: bool) -> list[str]:
    """Refuse (PublishRefused) to replace served with new when new lost documents or most of a table's rows, unless
    allow_shrink; lines to report when a loss was allowed, else none."""
    new_contents = read_contents(new)
    if not new_contents.documents:
        raise PublishRefused(["build REFUSED: the new warehouse has no documents; it is never published.",
                              f"  new warehouse, for inspection: {new}"])
    if not served.exists():
        return []
    try:
        served_contents = read_contents(served)
    except duckdb.Error as exc:
        if allow_shrink:
            return [f"shrink allowed: the served file could not be read to compare ({exc}); replacing it"]
        raise PublishRefused([
            f"build REFUSED: the served file {served} could not be read to compare it with the new warehouse:",
            f"  {exc}", f"  new warehouse, for inspection: {new}",
            "Close any program writing to it, or publish anyway with make build ALLOW_SHRINK=1."]) from None
    lost = lost_documents(served_contents, new_contents.documents)
    shrunk = shrunk_tables(served_contents, new_contents)
    if not (lost or shrunk):
        return []
    losses = document_lines(lost, len(served_contents.documents)) + count_lines(served_contents, new_contents)
    if allow_shrink:
        return ["shrink allowed (ALLOW_SHRINK): the served warehouse is replaced by a smaller one", *losses]
    raise PublishRefused([
        "build REFUSED: the new warehouse has less than the served one, which stays as it was.", *losses,
        f"  served warehouse (unchanged): {served}",
        f"  new warehouse (kept for inspection until the next build): {new}",
        *HOW_TO_PROCEED])
