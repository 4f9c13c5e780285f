"""`make sql`: a small SQL shell on the served warehouse, read-only, on the duckdb Python package (the venv has no
DuckDB CLI).

Statements end with `;` and may span lines; `.tables` lists the marts, `.help` says this, `.quit` leaves. Schema
`marts` is searched first, so `select * from dim_project` works as `marts.dim_project` does. SQL on stdin that is
not a terminal runs as a script (`echo "select count(*) from dim_project;" | make sql`); its exit status is 1 when a
statement failed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import duckdb

PROMPT, CONTINUATION = "sql> ", "...> "
HELP = """statements end with ; and may span lines (schema marts is searched first)
.tables   the marts, with their row and column counts
.help     this text
.quit     leave (also .exit or Ctrl-D)"""
MAX_ROWS = 200  # rows shown per result; DuckDB elides the middle ones past this

_TABLES = """select table_name as "table", estimated_size as "rows", column_count as "columns"
from duckdb_tables() where schema_name = 'marts' order by table_name"""


class SqlShell:
    """Takes input line by line: dot commands at the start of a statement, SQL run once a line ends with `;`."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.pending: list[str] = []
        self.failures = 0

    @property
    def prompt(self) -> str:
        return CONTINUATION if self.pending else PROMPT

    def feed(self, line: str) -> bool:
        """One line of input; False when the user asked to leave."""
        command = line.strip()
        if not self.pending and command.startswith("."):
            return self.dot_command(command)
        self.pending.append(line)
        if command.endswith(";"):
            self.flush()
        return True

    def flush(self) -> None:
        """Run what has been typed so far, `;` or not (the end of a script need not end with one)."""
        text, self.pending = "\n".join(self.pending).strip(), []
        if text:
            self.run(text)

    def cancel(self) -> None:
        self.pending = []

    def run(self, text: str) -> None:
        try:
            for statement in self.con.extract_statements(text):
                self.show(self.con.sql(statement.query))
        except duckdb.Error as exc:
            self.failures += 1
            print(f"Error: {exc}", file=sys.stderr)

    @staticmethod
    def show(relation: duckdb.DuckDBPyRelation | None) -> None:
        # A statement without a result (SET, CREATE TEMP …) answers with a one-column `Success` relation.
        if relation is not None and relation.columns != ["Success"]:
            relation.show(max_rows=MAX_ROWS)  # DuckDB's box rendering, printed through sys.stdout

    def dot_command(self, command: str) -> bool:
        name = command.split()[0].lower()
        if name in (".quit", ".exit", ".q"):
            return False
        if name == ".tables":
            self.show(self.con.sql(_TABLES))
        elif name == ".help":
            print(HELP)
        else:
            self.failures += 1
            print(f"unknown command {name}; .help lists them", file=sys.stderr)
        return True


def _interactive(shell: SqlShell, db: Path) -> int:
    import readline  # noqa: F401  line editing and history for input()

    print(f"{db} (read-only). .tables lists the marts, .help, .quit")
    while True:
        try:
            line = input(shell.prompt)
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:  # Ctrl-C drops the statement being typed, as in most shells
            print("^C")
            shell.cancel()
            continue
        try:
            if not shell.feed(line):
                return 0
        except KeyboardInterrupt:  # a long query interrupted
            print("interrupted", file=sys.stderr)
            shell.cancel()


def _script(shell: SqlShell, stdin: TextIO) -> int:
    for line in stdin:
        if not shell.feed(line.rstrip("\n")):
            break
    else:
        shell.flush()
    return 1 if shell.failures else 0


def run_sql_shell(db: Path, stdin: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    if not db.is_file():
        print(f"sql: no warehouse at {db}; run `make build` first", file=sys.stderr)
        return 2
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:  # e.g. `make dbt` writing into the file right now
        print(f"sql: cannot open {db} read-only: {exc}", file=sys.stderr)
        return 1
    with con:
        con.execute("set search_path = 'marts,main'")
        shell = SqlShell(con)
        return _interactive(shell, db) if stdin.isatty() else _script(shell, stdin)
