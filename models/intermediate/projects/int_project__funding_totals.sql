-- One row per project table: its printed totals (实施期 / 年度资金总额) in 元 and whether any amount of it carries a
-- unit contradiction. Totals stay null where the table prints none or an unparsable one.
with funding as (
    select * from {{ ref('stg_ingest__project_funding') }}
)

select
    project_id,
    max(case when fund_source = 'total' and period = 'implementation' then amount_yuan end)
        as implementation_total_yuan,
    max(case when fund_source = 'total' and period = 'annual' then amount_yuan end) as annual_total_yuan,
    bool_or(is_unit_conflict) as has_unit_conflict,
    count(*) as amounts_printed
from funding
group by project_id
