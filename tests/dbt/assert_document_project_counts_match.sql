-- Each document's project_table_count equals the project tables loaded for it in dim_project.
with loaded as (
    select
        document_id,
        count(*) as n
    from {{ ref('dim_project') }}
    group by document_id
)

select
    documents.document_id,
    documents.project_table_count,
    coalesce(loaded.n, 0) as loaded
from {{ ref('dim_document') }} as documents
left join loaded on documents.document_id = loaded.document_id
where documents.project_table_count <> coalesce(loaded.n, 0)
