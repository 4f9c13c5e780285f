with source as (
    select * from {{ source('ingest', 'files') }}
)

select
    source_file,
    document_id,
    size_bytes,
    sha256,
    file_format,
    encoding,
    line_count,
    page_count,
    status,
    duplicate_of,
    detail
from source
