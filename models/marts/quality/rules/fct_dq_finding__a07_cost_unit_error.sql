-- Rule A07: see seeds/validation_rules.csv. One row per failing object.
select
    'A07' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' ' || target_text || ': about 10,000 times the funding (万元 for 元?)' as message,
    funding_yuan::varchar as expected,
    target_value_yuan::varchar as actual,
    (target_value_yuan - funding_yuan)::double as difference,
    null::varchar as quote
from {{ ref('int_indicator__money_costs') }}
where funding_yuan > 0 and target_value_yuan / funding_yuan between 5000 and 20000
