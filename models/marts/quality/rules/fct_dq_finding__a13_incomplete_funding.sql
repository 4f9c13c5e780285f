-- Rule A13: see seeds/validation_rules.csv. One row per failing object.
with periods as (
    select
        project_id,
        any_value(source_file) as source_file,
        period,
        arg_min(source_line, (coalesce(source_page, 0), source_line)) as source_line,
        arg_min(source_page, (coalesce(source_page, 0), source_line)) as source_page,
        bool_or(fund_source = 'total' and amount_yuan is not null) as has_total,
        bool_or(fund_source = 'total') as prints_total_label,
        count(amount_yuan) filter (where fund_source <> 'total') as sources_with_amount,
        count(*) filter (where fund_source <> 'total') as source_rows
    from {{ ref('fct_project_funding') }}
    group by project_id, period
),

projects as (
    select
        project_id,
        bool_or(has_total) as any_total
    from periods
    group by project_id
)

select
    'A13' as rule_id,
    p.source_file,
    p.source_line,
    p.source_page,
    'project_funding' as object_type,
    p.project_id || ':' || p.period as object_id,
    case
        when not p.has_total then p.period || ' total left blank'
        else p.period || ' total printed but every source blank'
    end as message,
    'a complete funding block' as expected,
    p.sources_with_amount::varchar || ' of ' || p.source_rows::varchar || ' sources' as actual,
    null::double as difference,
    null::varchar as quote
from periods as p
inner join projects on p.project_id = projects.project_id
where
    (p.prints_total_label and not p.has_total and (p.sources_with_amount > 0 or projects.any_total))
    or (p.has_total and p.source_rows > 0 and p.sources_with_amount = 0)
