-- Rule A08: see seeds/validation_rules.csv. One row per failing object (a project with no line at all is A15's).
select
    'A08' as rule_id,
    source_file,
    source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    project_name || ' against budget line ' || budget_project_name as message,
    budget_amount_yuan::varchar as expected,
    table_amount_yuan::varchar as actual,
    difference_yuan::double as difference,
    project_name as quote
from {{ ref('fct_project_budget_reconciliation') }}
where budget_line_id is not null and not coalesce(is_within_50_yuan, false)
