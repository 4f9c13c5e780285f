with source as (
    select * from {{ source('ingest', 'rejects') }}
)

select
    document_id,
    source_file,
    source_line,
    source_line_end,
    stage,
    reason,
    detail
from source
