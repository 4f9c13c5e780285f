with budget_tables as (
    select * from {{ ref('stg_ingest__budget_tables') }}
)

select
    table_id,
    document_id,
    source_file,
    table_type,
    table_title,
    phase,
    year_printed,
    unit_stated,
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
    header_rows
from budget_tables
