with budget_lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
)

select
    budget_line_id,
    document_id,
    source_file,
    table_id,
    table_type,
    table_title,
    row_number,
    row_label,
    row_label_2,
    classification_code,
    length(classification_code) as classification_digits,
    column_label,
    side,
    block,
    is_total_row,
    is_aggregate_row,
    amount_wan_yuan,
    amount_yuan,
    amount_as_printed,
    is_undoubled,
    source_line,
    source_page
from budget_lines
