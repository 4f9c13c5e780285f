with rejects as (
    select * from {{ ref('stg_ingest__rejects') }}
)

select
    row_number() over (order by source_file, source_page nulls first, source_line nulls first, stage, reason, detail)
        as reject_id,
    document_id,
    source_file,
    source_line,
    source_page,
    source_line_end,
    source_page_end,
    stage,
    reason,
    detail
from rejects
