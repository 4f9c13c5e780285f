-- Rule S05: see seeds/validation_rules.csv. One row per failing object.
select
    'S05' as rule_id,
    source_file,
    source_line,
    source_page,
    'reject' as object_type,
    reject_id::varchar as object_id,
    reason || ': ' || detail as message,
    'parsed' as expected,
    reason as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_parse_reject') }}
