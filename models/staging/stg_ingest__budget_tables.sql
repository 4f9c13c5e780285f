with source as (
    select * from {{ source('ingest', 'budget_tables') }}
)

select
    table_id,
    document_id,
    source_file,
    table_type,
    table_title,
    title_line,
    end_line,
    is_declared_empty,
    empty_note_line,
    amount_cells,
    layout
from source
