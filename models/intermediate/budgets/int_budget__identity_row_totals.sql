-- Row identities: one row per budget table row and total column (合计, 小计) whose parts add up to it in that row:
-- the columns that stg_ingest__budget_columns says add into it (fund sources, basic and project expenditure,
-- personnel and public costs, the “三公” items), in the unit the table prints.
with lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
),

columns as (
    select * from {{ ref('stg_ingest__budget_columns') }}
),

totals as (
    select
        lines.*,
        columns.column_label as total_label
    from lines
    inner join columns
        on lines.table_id = columns.table_id and lines.column_index = columns.column_index
    where exists (
        select 1 from columns as parts
        where parts.table_id = columns.table_id and parts.sums_into = columns.column_index
    )
),

parts as (
    select
        lines.table_id,
        lines.row_number,
        columns.sums_into,
        sum(lines.amount_value) as parts_total,
        count(*) as parts_printed
    from lines
    inner join columns
        on lines.table_id = columns.table_id and lines.column_index = columns.column_index
    where columns.sums_into is not null
    group by all
)

select
    totals.document_id,
    totals.table_type,
    'row_total_equals_parts' as identity,
    '合计 = Σ 分项 (per row)' as description,
    coalesce(totals.row_label, totals.classification_code) as row_label,
    totals.total_label as column_label,
    totals.amount_value as expected,
    coalesce(parts.parts_total, 0) as actual,
    greatest(coalesce(parts.parts_printed, 0), 2) as addends,
    totals.unit_stated as unit,
    totals.source_ref as source_lines
from totals
left join parts
    on
        totals.table_id = parts.table_id
        and totals.row_number = parts.row_number
        and totals.column_index = parts.sums_into
