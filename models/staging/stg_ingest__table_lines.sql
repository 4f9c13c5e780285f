with source as (
    select * from {{ source('ingest', 'table_lines') }}
)

select
    document_id,
    source_file,
    table_id,
    table_kind,
    first_line,
    first_page,
    last_line,
    last_page,
    status,
    line_role,
    reason,
    line_count,
    first_line_with_status,
    first_page_with_status
from source
