with documents as (
    select * from {{ ref('stg_ingest__documents') }}
)

select
    document_id,
    source_file,
    region_name,
    admin_level,
    fiscal_year,
    doc_kind,
    publisher_name,
    line_count,
    size_bytes,
    sha256,
    encoding,
    project_table_count
from documents
