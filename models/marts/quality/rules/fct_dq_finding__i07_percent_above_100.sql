-- Rule I07: see seeds/validation_rules.csv. One row per failing object.
select
    'I07' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' ' || target_text || ': a percentage above 100' as message,
    '<= 100%' as expected,
    target_text as actual,
    (target_value - 100)::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where value_kind = 'percent' and target_value > 100
