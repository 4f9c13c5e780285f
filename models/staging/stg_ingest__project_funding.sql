with source as (
    select * from {{ source('ingest', 'project_funding') }}
)

select
    project_id,
    document_id,
    source_file,
    period,
    fund_source,
    fund_source_label,
    amount_as_printed,
    amount_value::decimal(24, 6) as amount_value,
    unit as amount_unit,
    amount_yuan::decimal(20, 2) as amount_yuan,
    unit_conflict as is_unit_conflict,
    source_line,
    source_page
from source
