-- Rule A04: see seeds/validation_rules.csv. One row per failing object.
select
    'A04' as rule_id,
    source_file,
    source_line,
    source_page,
    'project_funding' as object_type,
    reconciliation_id as object_id,
    period || ' total against the sum of the printed sources' as message,
    total_yuan::varchar as expected,
    sources_yuan::varchar as actual,
    difference_yuan::double as difference,
    null::varchar as quote
from {{ ref('fct_project_funding_reconciliation') }}
where tier = 'error'
