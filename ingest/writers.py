"""Parquet output: one file per record table (ingest.records.TABLES), the dbt sources."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingest import records
from ingest.forms.result import ParseResult

# A document's tables as Arrow tables, or the Parquet files of its cache entry.
Tables = dict[str, pa.Table] | dict[str, Path]


def result_tables(result: ParseResult) -> dict[str, pa.Table]:
    """A parse result as Arrow tables (pyarrow alone: this runs in forked workers, where polars must not be used,
    its thread pool may have been forked while locked by the parent)."""
    return {name: records.to_arrow(name, getattr(result, name)) for name in records.TABLES}


def arrow_table(item: pa.Table | Path) -> pa.Table:
    return item if isinstance(item, pa.Table) else pq.read_table(item, schema=records.SCHEMAS[item.stem])


def conform(name: str, table: pa.Table) -> pa.Table:
    """The table in its record schema exactly (frames that went through polars come back with its own types)."""
    schema = records.SCHEMAS[name]
    return table if table.schema == schema else table.select(schema.names).cast(schema)


class TableWriters:
    """One Parquet file per table, appended document by document (a row group each): memory stays bounded. Files
    are written under a temporary name and renamed when complete."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.writers = {name: pq.ParquetWriter(out_dir / f".{name}.parquet.tmp", schema)
                        for name, schema in records.SCHEMAS.items()}
        self.counts = dict.fromkeys(records.TABLES, 0)

    def append(self, tables: Tables) -> None:
        for name, item in tables.items():
            table = conform(name, arrow_table(item))
            if table.num_rows:
                self.writers[name].write_table(table)
                self.counts[name] += table.num_rows

    def close(self) -> dict[str, int]:
        for name, writer in self.writers.items():
            writer.close()
            (self.out_dir / f".{name}.parquet.tmp").replace(self.out_dir / f"{name}.parquet")
        return self.counts

