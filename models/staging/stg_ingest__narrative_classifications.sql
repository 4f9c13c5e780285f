with source as (
    select * from {{ source('ingest', 'narrative_classifications') }}
)

select
    narrative_item_id,
    document_id,
    source_file,
    source_line,
    source_page,
    -- where it is printed, as one value: `12` (line 12 of a text file) or `p3:12` (line 12 of page 3)
    coalesce('p' || source_page::varchar || ':', '') || source_line::varchar as source_ref,
    class_name,
    class_code,
    kuan_name,
    kuan_code,
    xiang_name,
    xiang_code,
    level,
    classification_code,
    amount_role,
    amount_year,
    value::decimal(18, 4) as value,
    decimals,
    unit,
    quote
from source
