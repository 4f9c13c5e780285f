with budget_lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
),

documents as (
    select
        document_id,
        fiscal_year
    from {{ ref('stg_ingest__documents') }}
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
    budget_lines.side,
    budget_lines.block,
    budget_lines.is_total_row,
    budget_lines.is_aggregate_row,
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
