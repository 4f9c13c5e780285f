-- The most common indicator name under each level-2 category (both periods, distinct tables only).
with uses as (
    select i.level2, i.indicator_name, count(*) as uses
    from marts.fct_indicator as i
    join marts.dim_project as p using (project_id)
    where not i.is_placeholder and not p.is_duplicate_copy and i.level2 is not null
    group by i.level2, i.indicator_name
)

select level2, indicator_name, uses
from uses
qualify row_number() over (partition by level2 order by uses desc, indicator_name) = 1
order by level2
