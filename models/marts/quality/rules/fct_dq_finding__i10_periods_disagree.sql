-- Rule I10: see seeds/validation_rules.csv. One row per failing object.
with counts as (
    select
        project_id,
        count(*) filter (where period = 'implementation' and not is_placeholder) as implementation_indicators,
        count(*) filter (where period = 'annual' and not is_placeholder) as annual_indicators
    from {{ ref('fct_indicator') }}
    group by project_id
)

select
    'I10' as rule_id,
    p.source_file,
    p.grid_line as source_line,
    p.grid_page as source_page,
    'project' as object_type,
    p.project_id as object_id,
    p.project_name || ': the two periods list different numbers of indicators' as message,
    c.implementation_indicators::varchar as expected,
    c.annual_indicators::varchar as actual,
    (c.annual_indicators - c.implementation_indicators)::double as difference,
    null::varchar as quote
from counts as c
inner join {{ ref('dim_project') }} as p on c.project_id = p.project_id
where
    c.implementation_indicators > 0
    and c.annual_indicators > 0
    and c.implementation_indicators <> c.annual_indicators
