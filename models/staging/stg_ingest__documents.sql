with source as (
    select * from {{ source('ingest', 'documents') }}
)

select
    document_id,
    source_file,
    size_bytes,
    sha256,
    file_format,
    encoding,
    line_count,
    page_count,
    region_name,
    admin_level,
    fiscal_year::integer as fiscal_year,
    doc_kind,
    publisher_name,
    cover_line,
    cover_page,
    project_table_count,
    source_table_count
from source
