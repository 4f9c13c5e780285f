with source as (
    select * from {{ source('ingest', 'budget_lines') }}
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
    column_label,
    side,
    block,
    is_total_row,
    is_aggregate_row,
    indent_level,
    amount_wan_yuan::decimal(18, 2) as amount_wan_yuan,
    {{ wan_yuan_to_yuan('cast(amount_wan_yuan as decimal(18, 2))') }} as amount_yuan,
    amount_as_printed,
    is_undoubled,
    source_line,
    source_page,
    -- where the row is printed, as one value: `12` (line 12 of a text file) or `p3:12` (line 12 of page 3)
    coalesce('p' || source_page::varchar || ':', '') || source_line::varchar as source_ref
from source
