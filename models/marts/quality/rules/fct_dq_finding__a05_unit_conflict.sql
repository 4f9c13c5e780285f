-- Rule A05: see seeds/validation_rules.csv. One row per failing object.
select
    'A05' as rule_id,
    source_file,
    source_line,
    source_page,
    'project_funding' as object_type,
    funding_id as object_id,
    fund_source_label || ' ' || amount_as_printed || ' under a （' || amount_unit || '） label' as message,
    'a figure in ' || amount_unit as expected,
    amount_as_printed as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_project_funding') }}
where is_unit_conflict
