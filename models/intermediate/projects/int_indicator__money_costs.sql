-- One row per money cost indicator (成本指标 with a target in 元, per-unit rates left out) with the funding of
-- its project (implementation total, else annual), for the rules that compare the two. 成本指标 is a level 2 of
-- 产出指标 in the older framework and a level 1 (经济成本指标 …) in the 2021 one: both count.
select
    indicators.indicator_id,
    indicators.source_file,
    indicators.source_line,
    indicators.source_page,
    indicators.indicator_name,
    indicators.target_text,
    indicators.target_value_yuan,
    coalesce(projects.implementation_total_yuan, projects.annual_total_yuan) as funding_yuan
from {{ ref('stg_ingest__indicators') }} as indicators
inner join {{ ref('int_project__funding_totals') }} as projects
    on indicators.project_id = projects.project_id
where
    (indicators.level2 = '成本指标' or indicators.level1 = '成本指标')
    and indicators.target_value_yuan is not null
    and not contains(coalesce(indicators.target_unit, ''), '/')
