-- Rule I08: see seeds/validation_rules.csv. One row per failing object.
select
    'I08' as rule_id,
    source_file,
    source_line,
    source_page,
    'indicator' as object_type,
    indicator_id as object_id,
    indicator_name || ' ' || target_text || ': a cost indicator without a money unit' as message,
    '元 / 万元' as expected,
    coalesce(target_unit, '') as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('fct_indicator') }}
-- 成本指标 of the older framework, 经济成本指标 of the 2021 one (社会 / 生态环境成本 need not be money)
where level2 in ('成本指标', '经济成本指标') and value_kind = 'numeric' and target_value_yuan is null
