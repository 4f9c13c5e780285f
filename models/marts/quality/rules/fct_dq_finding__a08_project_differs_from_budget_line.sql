-- Rule A08: see seeds/validation_rules.csv. One row per failing object.
select
    'A08' as rule_id,
    source_file,
    source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    case
        when budget_line_id is null then project_name || ': no matching line in the 项目支出预算表'
        else project_name || ' against budget line ' || budget_project_name
    end as message,
    coalesce(budget_amount_yuan::varchar, 'a budget line') as expected,
    table_amount_yuan::varchar as actual,
    difference_yuan::double as difference
from {{ ref('fct_project_budget_reconciliation') }}
where not coalesce(is_within_50_yuan, false)
