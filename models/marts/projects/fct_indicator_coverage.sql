-- Every project table x period x level-2 category of the framework the table follows, with the number of
-- indicators it prints there (zero included), so that missing categories are rows an analyst can count. A table
-- of the 2021 framework is counted against its categories (成本指标 a level 1 with 经济成本指标 …), any other
-- against the older ones (成本指标 a level 2 of 产出指标).
with projects as (
    select
        project_id,
        coalesce(indicator_framework, 'legacy') as indicator_framework
    from {{ ref('dim_project') }}
),

periods as (
    select unnest(['implementation', 'annual']) as period
),

categories as (
    select
        level1,
        level2,
        framework
    from {{ ref('indicator_framework') }}
),

indicators as (
    select * from {{ ref('fct_indicator') }}
),

counts as (
    select
        project_id,
        period,
        level2,
        count(*) filter (where not is_placeholder) as indicators,
        count(*) filter (where is_placeholder) as placeholders,
        count(*) filter (where not is_placeholder and value_kind in ('numeric', 'percent')) as quantitative_targets
    from indicators
    group by project_id, period, level2
)

select
    projects.project_id || ':' || periods.period || ':' || categories.level2 as coverage_id,
    projects.project_id,
    periods.period,
    categories.level1,
    categories.level2,
    coalesce(counts.indicators, 0) as indicators,
    coalesce(counts.placeholders, 0) as placeholders,
    coalesce(counts.quantitative_targets, 0) as quantitative_targets
from projects
cross join periods
inner join categories
    on categories.framework in ('both', projects.indicator_framework)
left join counts
    on
        projects.project_id = counts.project_id
        and periods.period = counts.period
        and categories.level2 = counts.level2
