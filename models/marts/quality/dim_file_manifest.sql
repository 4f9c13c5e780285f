-- What was read: every raw file, loaded or not, with what came out of it.
with files as (
    select * from {{ ref('stg_ingest__files') }}
),

documents as (
    select
        document_id,
        doc_kind,
        region_name,
        fiscal_year
    from {{ ref('stg_ingest__documents') }}
),

row_counts as (
    select * from {{ ref('int_file__row_counts') }}
),

source_tables as (
    select
        source_file,
        count(*) filter (where recognised_as is null) as source_tables_unrecognised
    from {{ ref('stg_ingest__source_tables') }}
    group by source_file
),

line_accounting as (
    select
        source_file,
        sum(lines_in_table) as lines_in_tables,
        sum(lines_loaded) as lines_loaded,
        sum(lines_structure) as lines_structure,
        sum(lines_rejected) as lines_rejected
    from {{ ref('fct_table_line_accounting') }}
    group by source_file
)

select
    files.source_file,
    files.document_id,
    files.status,
    files.detail,
    files.duplicate_of,
    files.size_bytes,
    files.sha256,
    files.file_format,
    files.encoding,
    files.line_count,
    files.page_count,
    documents.doc_kind,
    documents.region_name,
    documents.fiscal_year,
    row_counts.project_tables,
    row_counts.budget_tables,
    row_counts.funding_rows,
    row_counts.indicator_rows,
    row_counts.budget_line_rows,
    row_counts.narrative_figure_rows,
    row_counts.source_tables,
    coalesce(source_tables.source_tables_unrecognised, 0)::bigint as source_tables_unrecognised,
    row_counts.project_tables + row_counts.funding_rows + row_counts.indicator_rows + row_counts.budget_tables
    + row_counts.budget_line_rows + row_counts.narrative_figure_rows as rows_loaded,
    row_counts.rejects,
    coalesce(line_accounting.lines_in_tables, 0)::bigint as lines_in_tables,
    coalesce(line_accounting.lines_loaded, 0)::bigint as lines_loaded,
    coalesce(line_accounting.lines_structure, 0)::bigint as lines_structure,
    coalesce(line_accounting.lines_rejected, 0)::bigint as lines_rejected
from files
left join documents
    on files.status = 'loaded' and files.document_id = documents.document_id
inner join row_counts
    on files.source_file = row_counts.source_file
left join line_accounting
    on files.source_file = line_accounting.source_file
left join source_tables
    on files.source_file = source_tables.source_file
