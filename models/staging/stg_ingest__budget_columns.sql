with source as (
    select * from {{ source('ingest', 'budget_columns') }}
)

select
    table_id || ':' || column_index::varchar as budget_column_id,
    table_id,
    document_id,
    source_file,
    column_index,
    column_label,
    column_path,
    role,
    side,
    is_total_column,
    sums_into,
    phase,
    amount_year,
    heading_line,
    heading_page
from source
