-- Rule A01: see seeds/validation_rules.csv. One row per failing object.
select
    'A01' as rule_id,
    f.source_file,
    f.source_line,
    f.source_page,
    'project_funding' as object_type,
    f.funding_id as object_id,
    f.fund_source_label || ' printed as ' || f.amount_as_printed as message,
    'a number' as expected,
    f.amount_as_printed as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_project_funding') }} as f
where f.amount_yuan is null and f.amount_as_printed <> ''
