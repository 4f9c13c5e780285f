-- Rule I09: see seeds/validation_rules.csv. One row per failing object.
select
    'I09' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ': ' || level2 || ' printed under ' || level1 as message,
    level1_of_level2 as expected,
    level1 as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where level1 is not null and level1_of_level2 is not null and level1 <> level1_of_level2
