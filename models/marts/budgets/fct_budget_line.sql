-- One row per amount cell of a budget table. A naive sum of a table's cells counts figures twice: a total row
-- (is_total_row), a row that sums other rows (is_aggregate_row: a 类 over its 款, 公务用车购置及运行费 over 购置费
-- and 运行费, a unit over its projects), a side's total column (is_total_column) and a column that sums other
-- columns (is_aggregate_column: the 小计 of 公务用车购置及运行费) each restate other cells.
with budget_lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
),

documents as (
    select
        document_id,
        fiscal_year
    from {{ ref('stg_ingest__documents') }}
),

aggregate_rows as (
    select * from {{ ref('int_budget__aggregate_rows') }}
),

-- columns another column of the same table adds into (its sums_into), other than the side's total column
aggregate_columns as (
    select distinct
        parent.table_id,
        parent.column_index
    from {{ ref('stg_ingest__budget_columns') }} as parent
    inner join {{ ref('stg_ingest__budget_columns') }} as child
        on
            parent.table_id = child.table_id
            and parent.column_index = child.sums_into
            and parent.column_index <> child.column_index
    where not coalesce(parent.is_total_column, false)
)

select
    budget_lines.budget_line_id,
    budget_lines.document_id,
    budget_lines.source_file,
    budget_lines.table_id,
    budget_lines.table_type,
    budget_lines.table_title,
    budget_lines.row_number,
    budget_lines.row_label,
    budget_lines.row_label_2,
    budget_lines.row_role,
    budget_lines.classification_code,
    length(budget_lines.classification_code) as classification_digits,
    budget_lines.classification_level,
    budget_lines.column_label,
    budget_lines.column_index,
    budget_lines.column_path,
    budget_lines.is_total_column,
    aggregate_columns.column_index is not null as is_aggregate_column,
    budget_lines.side,
    budget_lines.block,
    budget_lines.is_total_row,
    aggregate_rows.row_number is not null as is_aggregate_row,
    aggregate_rows.aggregate_reason,
    budget_lines.phase,
    coalesce(budget_lines.amount_year, documents.fiscal_year) as fiscal_year,
    budget_lines.unit_stated,
    budget_lines.amount_value,
    budget_lines.amount_wan_yuan,
    budget_lines.amount_yuan,
    budget_lines.amount_as_printed,
    budget_lines.is_undoubled,
    budget_lines.source_line,
    budget_lines.source_page
from budget_lines
left join documents
    on budget_lines.document_id = documents.document_id
left join aggregate_rows
    on
        budget_lines.table_id = aggregate_rows.table_id
        and budget_lines.side is not distinct from aggregate_rows.side
        and budget_lines.row_number = aggregate_rows.row_number
left join aggregate_columns
    on
        budget_lines.table_id = aggregate_columns.table_id
        and budget_lines.column_index = aggregate_columns.column_index
