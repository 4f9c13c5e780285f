-- Rule I06: see seeds/validation_rules.csv. One row per failing object.
select
    'I06' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' ' || target_text || ': a satisfaction target stated as an upper bound' as message,
    '>= or =' as expected,
    comparator as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
where level2 = '服务对象满意度指标' and comparator in ('<=', '<')
