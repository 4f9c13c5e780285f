with source as (
    select * from {{ source('ingest', 'narrative_changes') }}
)

select
    narrative_change_id,
    document_id,
    source_file,
    source_line,
    source_page,
    -- where it is printed, as one value: `12` (line 12 of a text file) or `p3:12` (line 12 of page 3)
    coalesce('p' || source_page::varchar || ':', '') || source_line::varchar as source_ref,
    pattern,
    subject,
    previous_value::decimal(18, 4) as previous_value,
    previous_decimals,
    current_value::decimal(18, 4) as current_value,
    current_decimals,
    direction,
    direction_word,
    change_amount::decimal(18, 4) as change_amount,
    change_amount_decimals,
    change_percent::decimal(18, 4) as change_percent,
    change_percent_decimals,
    completion_percent::decimal(18, 4) as completion_percent,
    completion_percent_decimals,
    unit,
    quote
from source
