"""Parse raw budget-disclosure documents into flat, typed Parquet tables."""
