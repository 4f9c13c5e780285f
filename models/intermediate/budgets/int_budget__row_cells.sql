-- One row per row of a budget table read with its Shanxi layout: its amount cells pivoted into columns by the
-- layout's column names (unique within a layout), with the group an economic-classification item belongs to (the
-- group row printed above it).
with layout_tables as (
    select table_id from {{ ref('stg_ingest__budget_tables') }}
    where columns_from = 'layout'
),

lines as (
    select budget_lines.*
    from {{ ref('stg_ingest__budget_lines') }} as budget_lines
    inner join layout_tables on budget_lines.table_id = layout_tables.table_id
),

rows as (
    select
        table_id,
        document_id,
        table_type,
        source_page,
        source_line,
        any_value(source_ref) as source_ref,
        any_value(row_number) as row_number,
        any_value(side) as side,
        any_value(block) as block,
        any_value(row_label) filter (where side is distinct from 'income') as row_label,
        any_value(row_label) filter (where side = 'income') as income_label,
        any_value(row_label_2) as row_label_2,
        any_value(classification_code) as classification_code,
        bool_or(is_total_row) filter (where side is distinct from 'income') as is_total_row,
        bool_or(is_total_row) filter (where side = 'income') as is_income_total_row,
        bool_or(is_aggregate_row) as is_aggregate_row,
        any_value(unit_stated) as unit_stated,
        map_from_entries(list(struct_pack(k := column_label, v := amount_value))) as amounts
    from lines
    group by table_id, document_id, table_type, source_page, source_line
)

select
    *,
    case
        when table_type = 'basic_expenditure_economic' then last_value(
            case when row_label_2 is null and not coalesce(is_total_row, false) then row_label end ignore nulls
        ) over (partition by table_id order by row_number rows between unbounded preceding and current row)
    end as economic_group
from rows
