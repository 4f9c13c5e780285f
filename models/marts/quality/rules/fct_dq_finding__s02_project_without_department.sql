-- Rule S02: see seeds/validation_rules.csv. One row per failing object.
select
    'S02' as rule_id,
    source_file,
    source_line + 1 as source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    project_name || ': no supervising department printed' as message,
    '主管部门' as expected,
    '' as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('dim_project') }}
where department_name is null
