-- Rows loaded from each raw file, per ingest table, and its rejects.
with project_tables as (
    select source_file, count(*) as n from {{ ref('stg_ingest__project_tables') }} group by source_file
),

project_funding as (
    select source_file, count(*) as n from {{ ref('stg_ingest__project_funding') }} group by source_file
),

indicators as (
    select source_file, count(*) as n from {{ ref('stg_ingest__indicators') }} group by source_file
),

budget_tables as (
    select source_file, count(*) as n from {{ ref('stg_ingest__budget_tables') }} group by source_file
),

budget_lines as (
    select source_file, count(*) as n from {{ ref('stg_ingest__budget_lines') }} group by source_file
),

narrative_figures as (
    select source_file, count(*) as n from {{ ref('stg_ingest__narrative_figures') }} group by source_file
),

rejects as (
    select source_file, count(*) as n from {{ ref('stg_ingest__rejects') }} group by source_file
),

files as (
    select source_file from {{ ref('stg_ingest__files') }}
)

select
    files.source_file,
    coalesce(project_tables.n, 0) as project_tables,
    coalesce(project_funding.n, 0) as funding_rows,
    coalesce(indicators.n, 0) as indicator_rows,
    coalesce(budget_tables.n, 0) as budget_tables,
    coalesce(budget_lines.n, 0) as budget_line_rows,
    coalesce(narrative_figures.n, 0) as narrative_figure_rows,
    coalesce(rejects.n, 0) as rejects
from files
left join project_tables on files.source_file = project_tables.source_file
left join project_funding on files.source_file = project_funding.source_file
left join indicators on files.source_file = indicators.source_file
left join budget_tables on files.source_file = budget_tables.source_file
left join budget_lines on files.source_file = budget_lines.source_file
left join narrative_figures on files.source_file = narrative_figures.source_file
left join rejects on files.source_file = rejects.source_file
