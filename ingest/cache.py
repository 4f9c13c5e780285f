"""Content-hash cache of parsed documents: a rebuild with unchanged raw files does not parse them again.

An entry holds the Parquet tables of one document. Its key covers everything the rows depend on: the file's bytes
(sha256), its name (rows carry `source_file` and `document_id`) and the parser itself (the source of `ingest/` and
the seeds the grammar reads), so editing a parser or a vocabulary seed invalidates every entry at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest import records

_INGEST_DIR = Path(__file__).resolve().parent
_SEED_DIR = _INGEST_DIR.parent / "seeds"


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Hash of the parser's code and the vocabulary seeds it reads."""
    digest = hashlib.sha256()
    files = sorted(_INGEST_DIR.rglob("*.py")) + sorted(_SEED_DIR.glob("*.csv"))
    for path in files:
        digest.update(str(path.relative_to(_INGEST_DIR.parent)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_key(sha256: str, source_file: str) -> str:
    name = hashlib.sha256(source_file.encode()).hexdigest()[:12]
    return f"{sha256[:40]}-{name}-{parser_fingerprint()}"


class DocumentCache:
    """A folder of entries `<key>/<table>.parquet`; a table with no rows has no file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.used: set[str] = set()

    def _entry(self, key: str) -> Path:
        return self.root / key

    def has(self, key: str) -> bool:
        return (self._entry(key) / "complete").exists()

    def files(self, key: str) -> dict[str, Path]:
        """The table files of a stored entry (marks it used by this run)."""
        self.used.add(key)
        entry = self._entry(key)
        return {name: entry / f"{name}.parquet" for name in records.TABLES if (entry / f"{name}.parquet").exists()}

    def store(self, key: str, tables: dict[str, pa.Table]) -> dict[str, Path]:
        """Write an entry atomically (a half-written entry is never visible) and return its table files."""
        self.root.mkdir(parents=True, exist_ok=True)
        staging = self.root / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
        staging.mkdir()
        for name, table in tables.items():
            if table.num_rows:
                # pyarrow, not polars: workers store entries, and polars' thread pool is not safe after a fork.
                # Uncompressed: entries are small and read back once per build, so speed matters more than size.
                pq.write_table(table, staging / f"{name}.parquet", compression="none")
        (staging / "complete").touch()
        target = self._entry(key)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
        return self.files(key)

    def prune(self) -> int:
        """Remove entries this run did not use (documents removed or changed, parsers changed)."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for entry in self.root.iterdir():
            if entry.name not in self.used:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed
