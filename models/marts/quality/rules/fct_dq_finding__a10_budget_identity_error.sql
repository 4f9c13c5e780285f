-- Rule A10: see seeds/validation_rules.csv. One row per failing object.
select
    'A10' as rule_id,
    source_file,
    source_line,
    source_page,
    'budget_identity' as object_type,
    check_id as object_id,
    description || ' (' || coalesce(row_label, '') || coalesce(' / ' || column_label, '') || ')' as message,
    expected::varchar as expected,
    actual::varchar as actual,
    difference::double as difference
from {{ ref('fct_budget_reconciliation') }}
where tier = 'error' and identity not like 'fund%'
