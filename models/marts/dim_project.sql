with project_tables as (
    select * from {{ ref('stg_ingest__project_tables') }}
),

documents as (
    select * from {{ ref('stg_ingest__documents') }}
)

select
    project_tables.project_id,
    project_tables.document_id,
    project_tables.source_file,
    project_tables.source_line,
    project_tables.source_line_end,
    project_tables.title_line,
    project_tables.table_title,
    project_tables.project_name,
    coalesce(project_tables.year_printed, documents.fiscal_year) as fiscal_year,
    documents.region_name,
    project_tables.end_reason
from project_tables
inner join documents
    on project_tables.document_id = documents.document_id
