-- Rule A15: see seeds/validation_rules.csv. One row per failing object.
-- A project table with no line in the document's 项目支出预算表: often by design (transfer payments 转移性支出 are
-- published as project tables but left out of the department budget), so a warning; a line that exists and
-- differs is A08's error.
select
    'A15' as rule_id,
    source_file,
    source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    project_name || ': no matching line in the 项目支出预算表' as message,
    'a budget line' as expected,
    table_amount_yuan::varchar as actual,
    null::double as difference,
    project_name as quote
from {{ ref('fct_project_budget_reconciliation') }}
where budget_line_id is null
