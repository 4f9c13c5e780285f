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
    title_page,
    end_line,
    end_page,
    is_declared_empty,
    empty_note_line,
    empty_note_page,
    amount_cells,
    layout,
    columns_from,
    unit_stated,
    phase,
    year_printed,
    header_rows
from source
