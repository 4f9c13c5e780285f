-- Rule I05: see seeds/validation_rules.csv. One row per failing object.
select
    'I05' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    'placeholder ' || indicator_name_as_printed || ' carries the value ' || target_text as message,
    'a named indicator' as expected,
    target_text as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where is_placeholder and value_kind <> 'empty'
