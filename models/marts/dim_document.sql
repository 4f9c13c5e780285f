with documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

budget_tables as (
    select document_id, count(*) as budget_tables from {{ ref('stg_ingest__budget_tables') }} group by document_id
),

rejects as (
    select document_id, count(*) as rejects from {{ ref('stg_ingest__rejects') }} group by document_id
)

select
    documents.document_id,
    documents.source_file,
    documents.region_name,
    documents.admin_level,
    documents.fiscal_year,
    documents.doc_kind,
    documents.publisher_name,
    documents.line_count,
    documents.size_bytes,
    documents.sha256,
    documents.encoding,
    documents.project_table_count,
    coalesce(budget_tables.budget_tables, 0) as budget_table_count,
    coalesce(rejects.rejects, 0) as reject_count
from documents
left join budget_tables
    on documents.document_id = budget_tables.document_id
left join rejects
    on documents.document_id = rejects.document_id
