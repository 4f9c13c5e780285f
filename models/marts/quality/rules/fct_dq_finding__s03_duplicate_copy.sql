-- Rule S03: see seeds/validation_rules.csv. One row per failing object.
select
    'S03' as rule_id,
    source_file,
    source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    project_name || ': reprints ' || duplicate_of_project_id as message,
    'one table per project' as expected,
    duplicate_of_project_id as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('dim_project') }}
where is_duplicate_copy
