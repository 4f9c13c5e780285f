-- One row per project table whose grid prints indicators: the indicator framework it follows. A grid that prints
-- a label only the 2021 framework has (财预〔2021〕101号: 成本指标 as a level 1, its level 2s 经济成本指标 …)
-- follows that one ('2021'); any other grid the older one ('legacy', where 成本指标 is a level 2 of 产出指标).
with framework as (
    select * from {{ ref('indicator_framework') }}
),

level1_of_2021 as (
    select level1 as label from framework
    where framework = '2021'
    except
    select level1 as label from framework
    where framework <> '2021'
),

level2_of_2021 as (
    select level2 as label from framework
    where framework = '2021'
),

indicators as (
    select
        project_id,
        level1,
        level2
    from {{ ref('stg_ingest__indicators') }}
)

select
    indicators.project_id,
    case
        when bool_or(level1_of_2021.label is not null or level2_of_2021.label is not null) then '2021'
        else 'legacy'
    end as indicator_framework,
    count(*) filter (where level1_of_2021.label is not null or level2_of_2021.label is not null)
        as indicators_of_2021_only
from indicators
left join level1_of_2021
    on indicators.level1 = level1_of_2021.label
left join level2_of_2021
    on indicators.level2 = level2_of_2021.label
group by indicators.project_id
