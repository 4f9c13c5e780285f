"""`python -m ingest --raw-dir DIR --out-dir DIR [--cache-dir DIR]`: raw documents -> Parquet, with a short report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.corpus import ingest_to_parquet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("--raw-dir", type=Path, required=True, help="folder of raw documents")
    parser.add_argument("--out-dir", type=Path, required=True, help="folder for the Parquet tables")
    parser.add_argument("--cache-dir", type=Path, help="keep each document's parsed tables here and reuse them "
                        "while the file and the parsers are unchanged")
    parser.add_argument("--workers", type=int, help="parallel parser processes (default: one per core)")
    args = parser.parse_args(argv)
    if not args.raw_dir.is_dir():
        print(f"ingest: raw folder not found: {args.raw_dir}", file=sys.stderr)
        return 2
    summary = ingest_to_parquet(args.raw_dir, args.out_dir, args.cache_dir, args.workers)
    print(f"ingest: {summary.line()} in {summary.seconds:.3f} s -> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
