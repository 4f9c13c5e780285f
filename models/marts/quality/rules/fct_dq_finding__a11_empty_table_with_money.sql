-- Rule A11: see seeds/validation_rules.csv. One row per failing object.
select
    'A11' as rule_id,
    t.source_file,
    t.empty_note_line as source_line,
    t.empty_note_page as source_page,
    'budget_table' as object_type,
    t.table_id as object_id,
    t.table_title || ' declared empty while other tables show money for it' as message,
    r.expected::varchar as expected,
    r.actual::varchar as actual,
    r.difference::double as difference,
    null::varchar as quote
from {{ ref('fct_budget_reconciliation') }} as r
inner join {{ ref('dim_budget_table') }} as t
    on r.document_id = t.document_id and t.table_type = 'gov_fund_expenditure' and t.is_declared_empty
where r.identity = 'fund_income_vs_expenditure' and r.tier <> 'exact'
union all
select
    'A11' as rule_id,
    source_file,
    source_line,
    source_page,
    'budget_table' as object_type,
    md5(source_file || coalesce(source_page::varchar || ':', '') || source_line::varchar) as object_id,
    detail as message,
    'no amounts' as expected,
    'amounts' as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_parse_reject') }}
where reason = 'empty_table_with_amounts'
