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
    row_role,
    classification_code,
    classification_level,
    column_label,
    column_index,
    column_path,
    is_total_column,
    side,
    block,
    is_total_row,
    is_aggregate_row,
    indent_level,
    unit as unit_stated,
    amount_value::decimal(22, 4) as amount_value,
    {{ to_yuan('amount_value', 'unit') }}::decimal(24, 2) as amount_yuan,
    ({{ to_yuan('amount_value', 'unit') }} / 10000)::decimal(22, 6) as amount_wan_yuan,
    amount_as_printed,
    phase,
    amount_year,
    is_undoubled,
    source_line,
    source_page,
    -- where the row is printed, as one value: `12` (line 12 of a text file) or `p3:12` (line 12 of page 3)
    coalesce('p' || source_page::varchar || ':', '') || source_line::varchar as source_ref
from source
