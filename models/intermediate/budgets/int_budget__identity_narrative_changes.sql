-- The narrative's percentages and changes recomputed from the figures it compares, and its shares (`占 45.61%`)
-- from the part and the whole: one row per stated percentage or change. Interval arithmetic on the printed
-- precision: `actual` is the nearest value the printed figures allow, so a stated value inside that interval
-- matches exactly, and what is left is compared in the tiers of int_budget__identity_checks (0.1 point for a
-- percentage, 0.01 万元 per addend for an amount). A comparison whose direction word contradicts its figures is
-- left to rule T02 (its percentage means nothing).
with changes as (
    select * from {{ ref('int_budget__narrative_change_figures') }}
    where figures_direction is not distinct from direction or direction is null or figures_direction = 'flat'
),

-- the change in percent of the earlier figure, as an interval of its magnitude (the direction word gives the sign)
percent_intervals as (
    select
        *,
        (current_value - current_half_step) / (base_value + base_half_step) * 100 - 100 as low,
        (current_value + current_half_step) / (base_value - base_half_step) * 100 - 100 as high
    from changes
    where change_percent is not null and direction in ('up', 'down') and base_value - base_half_step > 0
),

percent_checks as (
    select
        document_id,
        'narrative_change_percent' as identity,
        '情况说明 增减率 = (本期 − 上期) ÷ 上期' as description,
        subject,
        change_percent as stated,
        change_percent_half_step as stated_half_step,
        case when low <= 0 and high >= 0 then 0 else least(abs(low), abs(high)) end as low,
        greatest(abs(low), abs(high)) as high,
        '%' as unit,
        source_ref
    from percent_intervals
),

completion_checks as (
    select
        document_id,
        'narrative_completion_percent' as identity,
        '情况说明 完成率 = 决算数 ÷ 预算数' as description,
        subject,
        completion_percent as stated,
        completion_percent_half_step as stated_half_step,
        (current_value - current_half_step) / (base_value + base_half_step) * 100 as low,
        (current_value + current_half_step) / (base_value - base_half_step) * 100 as high,
        '%' as unit,
        source_ref
    from changes
    where completion_percent is not null and base_value - base_half_step > 0
),

amount_checks as (
    select
        document_id,
        'narrative_change_amount' as identity,
        '情况说明 增减额 = |本期 − 上期|' as description,
        subject,
        change_amount as stated,
        change_half_step as stated_half_step,
        greatest(abs(current_value - base_value) - current_half_step - base_half_step, 0) as low,
        abs(current_value - base_value) + current_half_step + base_half_step as high,
        unit,
        source_ref
    from changes
    where change_amount is not null and not base_is_derived
),

-- a share `占 Y%` of the amount before it in the whole that amount is part of (`其中：基本支出X万元，占Y%`)
figures as (
    select
        *,
        0.5 / power(10, coalesce(length(regexp_extract(figure_text, '\.(\d+)', 1)), 0)) as half_step
    from {{ ref('stg_ingest__narrative_figures') }}
),

share_checks as (
    select
        shares.document_id,
        'narrative_share' as identity,
        '情况说明 占比 = 分项 ÷ 总额' as description,
        parts.label as subject,
        shares.value::double as stated,
        shares.half_step as stated_half_step,
        greatest(parts.value - parts.half_step, 0) / (wholes.value + wholes.half_step) * 100 as low,
        (parts.value + parts.half_step) / (wholes.value - wholes.half_step) * 100 as high,
        '%' as unit,
        shares.source_ref
    from figures as shares
    inner join figures as parts on shares.refers_to_figure_id = parts.narrative_figure_id
    inner join figures as wholes on parts.part_of_figure_id = wholes.narrative_figure_id
    where shares.unit = '%' and parts.unit = wholes.unit and wholes.value - wholes.half_step > 0
),

all_checks as (
    select * from percent_checks
    union all
    select * from completion_checks
    union all
    select * from amount_checks
    union all
    select * from share_checks
)

select
    document_id,
    'narrative' as table_type,
    identity,
    description,
    coalesce(subject, '') as row_label,
    null as column_label,
    round(stated, 2) as expected,
    -- the nearest value the printed figures allow (the stated value itself when the intervals overlap)
    round(
        case
            when stated + stated_half_step < low then low
            when stated - stated_half_step > high then high
            else stated
        end, 2
    ) as actual,
    2 as addends,
    unit,
    source_ref as source_lines
from all_checks
