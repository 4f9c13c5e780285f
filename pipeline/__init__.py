"""Build the warehouse: ingest -> Parquet -> dbt build -> validation -> atomic swap of the DuckDB file."""
