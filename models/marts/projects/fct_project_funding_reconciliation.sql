-- One row per project table and period whose funding block prints a total and at least one source amount:
-- the printed total against the sum of the printed sources (元). Omitted source rows count as nothing, blank
-- cells as nothing: a difference means the printed rows do not add up.
with funding as (
    select * from {{ ref('fct_project_funding') }}
),

per_period as (
    select
        project_id,
        any_value(source_file) as source_file,
        period,
        max(amount_yuan) filter (where is_total) as total_yuan,
        sum(amount_yuan) filter (where not is_total) as sources_yuan,
        count(amount_yuan) filter (where not is_total) as sources_printed,
        arg_min(source_line, (coalesce(source_page, 0), source_line)) filter (where is_total) as source_line,
        arg_min(source_page, (coalesce(source_page, 0), source_line)) filter (where is_total) as source_page
    from funding
    group by project_id, period
)

select
    project_id || ':' || period as reconciliation_id,
    project_id,
    source_file,
    period,
    total_yuan,
    sources_yuan,
    sources_printed,
    total_yuan - sources_yuan as difference_yuan,
    case when abs(total_yuan - sources_yuan) < 1 then 'exact' else 'error' end as tier,
    source_line,
    source_page
from per_period
where total_yuan is not null and sources_printed > 0
