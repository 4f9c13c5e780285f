with source as (
    select * from {{ source('ingest', 'indicators') }}
)

select
    indicator_id,
    project_id,
    document_id,
    source_file,
    period,
    position,
    level1,
    level1_printed,
    level2,
    level2_printed,
    indicator_name,
    indicator_name_as_printed,
    target_text,
    comparator,
    target_value::decimal(24, 6) as target_value,
    target_unit,
    value_kind,
    target_value_yuan::decimal(24, 2) as target_value_yuan,
    weight::decimal(12, 4) as weight,
    is_placeholder,
    source_line,
    source_page
from source
