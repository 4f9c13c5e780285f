with source as (
    select * from {{ source('ingest', 'text_findings') }}
)

select
    text_finding_id,
    document_id,
    source_file,
    source_line,
    source_page,
    -- where it is printed, as one value: `12` (line 12 of a text file) or `p3:12` (line 12 of page 3)
    coalesce('p' || source_page::varchar || ':', '') || source_line::varchar as source_ref,
    "check" as text_check,
    found,
    expected,
    quote
from source
