with indicators as (
    select * from {{ ref('stg_ingest__indicators') }}
),

framework as (
    select * from {{ ref('indicator_framework') }}
)

select
    indicators.indicator_id,
    indicators.project_id,
    indicators.document_id,
    indicators.source_file,
    indicators.period,
    indicators.position,
    indicators.level1,
    indicators.level2,
    framework.level1 as level1_of_level2,
    indicators.level1_printed,
    indicators.level2_printed,
    indicators.indicator_name,
    indicators.indicator_name_as_printed,
    indicators.target_text,
    indicators.comparator,
    indicators.target_value,
    indicators.target_unit,
    indicators.value_kind,
    indicators.target_value_yuan,
    indicators.weight,
    indicators.is_placeholder,
    indicators.source_line,
    indicators.source_page
from indicators
left join framework
    on indicators.level2 = framework.level2
