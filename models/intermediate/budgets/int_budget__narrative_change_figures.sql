-- The comparisons the narrative draws (`…1434.89万元，比上年执行数1690.69万元减少1.10%`, `比上年增加108.18万元，增长
-- 5.65%`, `决算数小于预算数，完成年初预算的98.20%`), with the figures they compare as intervals: a figure printed
-- with d decimals is any value within half a step (0.5 × 10^-d) of it. Where only the change is printed, the
-- earlier figure is the current one less the change. One row per narrative comparison.
with changes as (
    select
        *,
        0.5 / power(10, current_decimals) as current_half_step,
        0.5 / power(10, coalesce(previous_decimals, 0)) as previous_half_step,
        0.5 / power(10, coalesce(change_amount_decimals, 0)) as change_half_step
    from {{ ref('stg_ingest__narrative_changes') }}
),

with_previous as (
    select
        *,
        coalesce(
            previous_value,
            case direction
                when 'up' then current_value - change_amount
                when 'down' then current_value + change_amount
            end
        )::double as base_value,
        case
            when previous_value is not null then previous_half_step
            else current_half_step + change_half_step
        end as base_half_step,
        previous_value is null as base_is_derived
    from changes
)

select
    narrative_change_id,
    document_id,
    source_file,
    source_line,
    source_page,
    source_ref,
    pattern,
    subject,
    direction,
    direction_word,
    unit,
    quote,
    current_value::double as current_value,
    current_half_step,
    base_value,
    base_half_step,
    base_is_derived,
    change_amount::double as change_amount,
    change_half_step,
    change_percent::double as change_percent,
    0.5 / power(10, coalesce(change_percent_decimals, 0)) as change_percent_half_step,
    completion_percent::double as completion_percent,
    0.5 / power(10, coalesce(completion_percent_decimals, 0)) as completion_percent_half_step,
    -- the direction the figures show: up or down only where the intervals cannot overlap
    case
        when base_value is null then null
        when current_value - base_value > current_half_step + base_half_step then 'up'
        when base_value - current_value > current_half_step + base_half_step then 'down'
        else 'flat'
    end as figures_direction
from with_previous
