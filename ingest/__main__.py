"""`python -m ingest --raw-dir DIR --out-dir DIR`: raw documents -> Parquet, with a short report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.pipeline import ingest_directory, write_parquet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("--raw-dir", type=Path, required=True, help="folder of raw documents")
    parser.add_argument("--out-dir", type=Path, required=True, help="folder for the Parquet tables")
    args = parser.parse_args(argv)
    if not args.raw_dir.is_dir():
        print(f"ingest: raw folder not found: {args.raw_dir}", file=sys.stderr)
        return 2
    result = ingest_directory(args.raw_dir)
    write_parquet(result, args.out_dir)
    counts = ", ".join(f"{name} {df.height}" for name, df in result.tables.items())
    print(f"ingest: {counts} in {result.seconds:.3f} s -> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
