with source as (
    select * from {{ source('ingest', 'project_tables') }}
)

select
    project_id,
    document_id,
    source_file,
    title_line,
    source_line,
    source_line_end,
    title as table_title,
    cast(year_printed as integer) as year_printed,
    end_reason,
    project_name
from source
