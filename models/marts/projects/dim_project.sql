with project_tables as (
    select * from {{ ref('stg_ingest__project_tables') }}
),

documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

totals as (
    select * from {{ ref('int_project__funding_totals') }}
),

copies as (
    select * from {{ ref('int_project__duplicate_copies') }}
),

frameworks as (
    select * from {{ ref('int_project__indicator_framework') }}
)

select
    project_tables.project_id,
    project_tables.document_id,
    project_tables.source_file,
    project_tables.source_line,
    project_tables.source_page,
    project_tables.source_line_end,
    project_tables.source_page_end,
    project_tables.title_line,
    project_tables.title_page,
    project_tables.table_title,
    project_tables.project_name,
    project_tables.department_code,
    project_tables.department_name,
    project_tables.department_credit_code,
    project_tables.department_as_printed,
    project_tables.implementing_unit,
    project_tables.project_attribute,
    project_tables.project_class,
    project_tables.project_period,
    project_tables.planned_start_date,
    project_tables.planned_end_date,
    project_tables.project_category,
    project_tables.project_category_items,
    coalesce(project_tables.year_printed, documents.fiscal_year) as fiscal_year,
    documents.region_name,
    project_tables.funds_unit_stated,
    project_tables.funds_line,
    project_tables.funds_page,
    totals.implementation_total_yuan,
    totals.annual_total_yuan,
    coalesce(totals.has_unit_conflict, false) as has_unit_conflict,
    project_tables.project_overview,
    project_tables.project_basis,
    project_tables.project_necessity,
    project_tables.implementation_measures,
    project_tables.implementation_plan,
    project_tables.overall_goal_implementation,
    project_tables.overall_goal_annual,
    project_tables.overall_goal_text,
    project_tables.overall_goal_split,
    project_tables.filled_date,
    project_tables.filled_date_precision,
    project_tables.grid_line,
    project_tables.grid_page,
    project_tables.grid_starts_at_heading,
    frameworks.indicator_framework,
    copies.project_id is not null as is_duplicate_copy,
    copies.duplicate_of_project_id,
    project_tables.end_reason
from project_tables
inner join documents
    on project_tables.document_id = documents.document_id
left join totals
    on project_tables.project_id = totals.project_id
left join copies
    on project_tables.project_id = copies.project_id
left join frameworks
    on project_tables.project_id = frameworks.project_id
