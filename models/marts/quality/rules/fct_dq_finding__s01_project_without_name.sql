-- Rule S01: see seeds/validation_rules.csv. One row per failing object.
select
    'S01' as rule_id,
    source_file,
    source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    'project table without a name' as message,
    '项目名称' as expected,
    '' as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('dim_project') }}
where project_name is null or trim(project_name) = ''
