with documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

row_counts as (
    select
        source_file,
        budget_tables,
        rejects
    from {{ ref('int_file__row_counts') }}
)

select
    documents.document_id,
    documents.source_file,
    documents.region_name,
    documents.admin_level,
    documents.fiscal_year,
    documents.doc_kind,
    documents.publisher_name,
    documents.file_format,
    documents.page_count,
    documents.line_count,
    documents.size_bytes,
    documents.sha256,
    documents.encoding,
    documents.project_table_count,
    documents.source_table_count,
    coalesce(row_counts.budget_tables, 0) as budget_table_count,
    coalesce(row_counts.rejects, 0) as reject_count
from documents
left join row_counts
    on documents.source_file = row_counts.source_file
