with source as (
    select * from {{ source('ingest', 'documents') }}
)

select
    document_id,
    source_file,
    size_bytes,
    sha256,
    encoding,
    line_count,
    region_name,
    admin_level,
    cast(fiscal_year as integer) as fiscal_year,
    doc_kind,
    publisher_name,
    cover_line,
    project_table_count
from source
