-- Rule I02: see seeds/validation_rules.csv. One row per failing object.
select
    'I02' as rule_id,
    p.source_file,
    p.grid_line as source_line,
    p.grid_page as source_page,
    'project_period' as object_type,
    s.summary_id as object_id,
    p.project_name || ' (' || s.period || '): no 效益指标 indicator' as message,
    '>= 1' as expected,
    '0' as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_project_indicator_summary') }} as s
inner join {{ ref('dim_project') }} as p on s.project_id = p.project_id
where s.is_missing_benefit and p.grid_starts_at_heading
