-- Rule I11: see seeds/validation_rules.csv. One row per failing object.
select
    'I11' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ': the target repeats the name' as message,
    'a target' as expected,
    target_text as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where
    not is_placeholder and value_kind = 'qualitative'
    and replace(target_text, ' ', '') = replace(indicator_name_as_printed, ' ', '')
