with budget_columns as (
    select * from {{ ref('stg_ingest__budget_columns') }}
),

totals as (
    select
        table_id,
        column_index,
        column_label
    from budget_columns
)

select
    budget_columns.budget_column_id,
    budget_columns.table_id,
    budget_columns.document_id,
    budget_columns.source_file,
    budget_columns.column_index,
    budget_columns.column_label,
    budget_columns.column_path,
    budget_columns.role,
    budget_columns.side,
    budget_columns.is_total_column,
    budget_columns.sums_into,
    totals.column_label as sums_into_label,
    budget_columns.phase,
    budget_columns.amount_year,
    budget_columns.heading_line as source_line,
    budget_columns.heading_page as source_page
from budget_columns
left join totals
    on budget_columns.table_id = totals.table_id and budget_columns.sums_into = totals.column_index
