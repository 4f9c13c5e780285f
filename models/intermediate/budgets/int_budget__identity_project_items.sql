-- 项目支出表 (表12): one row per aggregate row (a department or unit) and column, which the project rows below it
-- add up to.
with lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
)

select
    aggregates.document_id,
    aggregates.table_type,
    'project_aggregate_equals_items' as identity,
    '单位合计 = Σ 项目' as description,
    aggregates.row_label,
    aggregates.column_label,
    aggregates.amount_value as expected,
    sum(items.amount_value) as actual,
    count(*) as addends,
    aggregates.unit_stated as unit,
    aggregates.source_ref as source_lines
from lines as aggregates
inner join lines as items
    on
        aggregates.table_id = items.table_id
        and aggregates.column_index = items.column_index
        and not items.is_aggregate_row
where aggregates.is_aggregate_row
group by all
