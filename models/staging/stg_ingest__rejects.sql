with source as (
    select * from {{ source('ingest', 'rejects') }}
)

select
    document_id,
    source_file,
    source_line,
    source_page,
    source_line_end,
    source_page_end,
    stage,
    reason,
    detail
from source
