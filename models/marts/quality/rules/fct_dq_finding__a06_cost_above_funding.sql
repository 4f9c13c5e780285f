-- Rule A06: see seeds/validation_rules.csv. One row per failing object.
select
    'A06' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' ' || target_text || ' above the project funding' as message,
    '<= ' || funding_yuan::varchar as expected,
    target_value_yuan::varchar as actual,
    (target_value_yuan - funding_yuan)::double as difference,
    null::varchar as quote
from {{ ref('int_indicator__money_costs') }}
where
    funding_yuan > 0 and target_value_yuan > funding_yuan
    and target_value_yuan / funding_yuan not between 5000 and 20000
