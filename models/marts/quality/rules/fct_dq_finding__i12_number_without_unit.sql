-- Rule I12: see seeds/validation_rules.csv. One row per failing object.
select
    'I12' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' ' || target_text || ': a number without unit or comparator' as message,
    'a unit' as expected,
    target_text as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where not is_placeholder and value_kind = 'numeric' and target_unit is null and comparator is null
