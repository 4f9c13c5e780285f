-- Only amounts the table prints: a blank cell is a row with a null amount, an omitted source row is no row.
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
    amount_yuan,
    amount_as_printed,
    amount_value,
    amount_unit,
    amount_as_printed = '' as is_blank,
    is_unit_conflict,
    source_line,
    source_page
from funding
