-- Rule I04: see seeds/validation_rules.csv. One row per failing object.
select
    'I04' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' (' || period || ') has no target value' as message,
    'a target' as expected,
    '' as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where not is_placeholder and value_kind = 'empty'
