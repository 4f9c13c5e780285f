-- Rule A02: see seeds/validation_rules.csv. One row per failing object.
select
    'A02' as rule_id,
    source_file,
    source_line,
    source_page,
    'project_funding' as object_type,
    funding_id as object_id,
    'negative amount ' || amount_as_printed as message,
    '>= 0' as expected,
    amount_yuan::varchar as actual,
    amount_yuan::double as difference,
    null::varchar as quote
from {{ ref('fct_project_funding') }}
where amount_yuan < 0
union all
select
    'A02' as rule_id,
    source_file,
    source_line,
    source_page,
    'budget_line' as object_type,
    budget_line_id as object_id,
    'negative amount ' || amount_as_printed as message,
    '>= 0' as expected,
    amount_wan_yuan::varchar as actual,
    amount_wan_yuan::double as difference,
    null::varchar as quote
from {{ ref('fct_budget_line') }}
where amount_wan_yuan < 0
