-- One row per budget disclosure (部门预算, 单位预算) and final account (部门决算): the headline figures of its tables
-- in 万元 (every money column says so: *_wan_yuan), basic vs project expenditure with shares, the three-public
-- and operating costs, and how many project tables it publishes.
with documents as (
    select
        document_id,
        source_file,
        doc_kind,
        publisher_name,
        region_name,
        fiscal_year
    from {{ ref('dim_document') }}
    where doc_kind in ('department_budget', 'unit_budget', 'final_accounts')
),

headline as (
    select * from {{ ref('int_budget__headline_figures') }}
),

figures as (
    select
        document_id,
        (summary_income_total / 10000)::decimal(22, 6) as income_total_wan_yuan,
        (summary_expenditure_total / 10000)::decimal(22, 6) as expenditure_total_wan_yuan,
        (expenditure_table_basic / 10000)::decimal(22, 6) as basic_expenditure_wan_yuan,
        (expenditure_table_project / 10000)::decimal(22, 6) as project_expenditure_wan_yuan,
        (three_public_total / 10000)::decimal(22, 6) as three_public_total_wan_yuan,
        (admin_operating_total / 10000)::decimal(22, 6) as admin_operating_total_wan_yuan,
        project_item_count as budget_project_lines
    from headline
),

project_tables as (
    select
        document_id,
        count(*) filter (where not is_duplicate_copy) as project_tables
    from {{ ref('dim_project') }}
    group by document_id
)

select
    documents.document_id,
    documents.source_file,
    documents.doc_kind,
    documents.publisher_name as department_name,
    documents.region_name,
    documents.fiscal_year,
    figures.income_total_wan_yuan,
    figures.expenditure_total_wan_yuan,
    figures.basic_expenditure_wan_yuan,
    figures.project_expenditure_wan_yuan,
    round(
        100 * figures.basic_expenditure_wan_yuan / nullif(figures.expenditure_total_wan_yuan, 0), 2
    ) as basic_share_pct,
    round(
        100 * figures.project_expenditure_wan_yuan / nullif(figures.expenditure_total_wan_yuan, 0), 2
    ) as project_share_pct,
    figures.three_public_total_wan_yuan,
    figures.admin_operating_total_wan_yuan,
    figures.budget_project_lines,
    coalesce(project_tables.project_tables, 0) as project_tables
from documents
left join figures
    on documents.document_id = figures.document_id
left join project_tables
    on documents.document_id = project_tables.document_id
