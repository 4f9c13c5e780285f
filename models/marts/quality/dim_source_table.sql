-- What the readers saw: one row per table found in a document, whatever its format, and whether a form parser
-- read it. A table a reader found that no form parser recognised (recognised_as null) is not loaded: dim_file_manifest
-- counts them per file.
with source_tables as (
    select * from {{ ref('stg_ingest__source_tables') }}
)

select
    table_id,
    document_id,
    source_file,
    table_index,
    first_page,
    first_line,
    last_page,
    last_line,
    page_count,
    row_count,
    column_count,
    merged_cell_count,
    header_rows_dropped,
    recognised_as
from source_tables
