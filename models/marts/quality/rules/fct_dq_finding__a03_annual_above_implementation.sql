-- Rule A03: see seeds/validation_rules.csv. One row per failing object.
select
    'A03' as rule_id,
    source_file,
    funds_line as source_line,
    funds_page as source_page,
    'project' as object_type,
    project_id as object_id,
    project_name || ': annual total above the implementation-period total' as message,
    '<= ' || implementation_total_yuan::varchar as expected,
    annual_total_yuan::varchar as actual,
    (annual_total_yuan - implementation_total_yuan)::double as difference,
    null::varchar as quote
from {{ ref('dim_project') }}
where annual_total_yuan > implementation_total_yuan
