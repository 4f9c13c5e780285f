-- One row per project table and period: indicators per level 1 and flags for a missing 产出 / 效益 / 满意度
-- group (in either framework: the coverage counts a table against the categories of the framework it follows).
-- A period whose grid prints no real indicator at all (placeholders only, or nothing) is "not filled":
-- its flags are null rather than true, since the form leaves that side empty on purpose (孝义 申报表).
with coverage as (
    select * from {{ ref('fct_indicator_coverage') }}
),

per_period as (
    select
        project_id,
        period,
        sum(indicators) as indicators,
        sum(placeholders) as placeholders,
        sum(quantitative_targets) as quantitative_targets,
        sum(indicators) filter (where level1 = '产出指标') as output_indicators,
        sum(indicators) filter (where level1 = '效益指标') as benefit_indicators,
        sum(indicators) filter (where level1 = '满意度指标') as satisfaction_indicators,
        -- 成本指标: a level 2 of 产出指标 (older framework) or a level 1 of its own (2021)
        sum(indicators) filter (where level1 = '成本指标' or level2 = '成本指标') as cost_indicators
    from coverage
    group by project_id, period
)

select
    project_id || ':' || period as summary_id,
    project_id,
    period,
    indicators,
    placeholders,
    quantitative_targets,
    output_indicators,
    benefit_indicators,
    satisfaction_indicators,
    cost_indicators,
    indicators > 0 as is_period_filled,
    case when indicators > 0 then output_indicators = 0 end as is_missing_output,
    case when indicators > 0 then benefit_indicators = 0 end as is_missing_benefit,
    case when indicators > 0 then satisfaction_indicators = 0 end as is_missing_satisfaction
from per_period
