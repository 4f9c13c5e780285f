-- Rule T02: see seeds/validation_rules.csv. One row per failing object.
-- A direction word (增加 / 减少 / 持平, 大于 / 小于 / 等于预算数) that the two figures it compares contradict: they
-- move the other way, beyond the precision they are printed with, or (持平) differ by more than 1 %; or, where only
-- the change is printed, an increase larger than the figure it ends at (the earlier figure would be negative).
with changes as (
    select * from {{ ref('int_budget__narrative_change_figures') }}
),

contradictions as (
    select
        *,
        case
            when base_is_derived and direction = 'up' and base_value < -(base_half_step)
                then
                    'an increase of ' || change_amount::varchar || ' ' || unit || ' to '
                    || current_value::varchar || ' ' || unit || ' (the earlier figure would be negative)'
            when not base_is_derived and direction in ('up', 'down') and figures_direction not in (direction, 'flat')
                then base_value::varchar || ' -> ' || current_value::varchar || ' ' || unit
            when not base_is_derived and direction in ('up', 'down') and current_value = base_value
                then base_value::varchar || ' -> ' || current_value::varchar || ' ' || unit || ' (equal)'
            when
                not base_is_derived and direction = 'flat' and base_value > 0
                and abs(current_value - base_value) > greatest(current_half_step + base_half_step, base_value * 0.01)
                then base_value::varchar || ' -> ' || current_value::varchar || ' ' || unit
        end as figures
    from changes
)

select
    'T02' as rule_id,
    source_file,
    source_line,
    source_page,
    'narrative_change' as object_type,
    narrative_change_id as object_id,
    coalesce(subject, pattern) || ': the text says ' || coalesce(direction_word, direction) as message,
    direction as expected,
    figures as actual,
    (current_value - base_value)::double as difference,
    quote
from contradictions
where figures is not null
