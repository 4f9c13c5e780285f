-- One row per amount of one project, period and fund source, as printed: a blank cell is a row with a null amount,
-- an omitted source row is no row. The period's printed total (fund_source total: 资金总额 / 年度资金总额) is a row
-- too, flagged is_total, so that `where not is_total` sums the sources; a figure that contradicts its stated unit
-- (1950000 under a （万元） label) keeps amount_yuan as printed and has no trusted_amount_yuan.
with funding as (
    select * from {{ ref('stg_ingest__project_funding') }}
)

select
    project_id || ':' || period || ':' || fund_source as funding_id,
    project_id,
    document_id,
    source_file,
    period,
    fund_source,
    fund_source_label,
    fund_source = 'total' as is_total,
    amount_yuan,
    is_unit_conflict,
    case when not is_unit_conflict then amount_yuan end as trusted_amount_yuan,
    amount_as_printed,
    amount_value,
    amount_unit,
    amount_as_printed = '' as is_blank,
    source_line,
    source_page
from funding
