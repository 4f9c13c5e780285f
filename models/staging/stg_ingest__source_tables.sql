with source as (
    select * from {{ source('ingest', 'source_tables') }}
)

select
    table_id,
    document_id,
    source_file,
    table_index,
    first_line,
    first_page,
    last_line,
    last_page,
    page_count,
    row_count,
    column_count,
    merged_cell_count,
    header_rows_dropped,
    recognised_as
from source
