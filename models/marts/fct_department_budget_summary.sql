-- One row per budget disclosure: the headline figures of its tables (万元), basic vs project expenditure with
-- shares, the three-public and operating costs, and how many project tables it publishes.
with lines as (
    select * from {{ ref('fct_budget_line') }}
),

documents as (
    select document_id, source_file, publisher_name, region_name, fiscal_year
    from {{ ref('dim_document') }}
    where doc_kind = 'budget_disclosure'
),

figures as (
    select
        document_id,
        max(amount_wan_yuan) filter (where table_type = 'income_expenditure_summary' and side = 'income'
            and row_label = '收入总计') as income_total,
        max(amount_wan_yuan) filter (where table_type = 'income_expenditure_summary' and side = 'expenditure'
            and row_label = '支出总计' and column_label = '合计') as expenditure_total,
        max(amount_wan_yuan) filter (where table_type = 'expenditure_summary' and is_total_row
            and column_label = '基本支出') as basic_expenditure,
        max(amount_wan_yuan) filter (where table_type = 'expenditure_summary' and is_total_row
            and column_label = '项目支出') as project_expenditure,
        max(amount_wan_yuan) filter (where table_type = 'three_public' and is_total_row
            and column_label = '合计') as three_public_total,
        max(amount_wan_yuan) filter (where table_type = 'admin_operating' and is_total_row
            and column_label = '合计') as admin_operating_total,
        count(*) filter (where table_type = 'project_expenditure_current' and not is_aggregate_row
            and column_label = '合计') as budget_project_lines
    from lines
    group by document_id
),

project_tables as (
    select document_id, count(*) filter (where not is_duplicate_copy) as project_tables
    from {{ ref('dim_project') }}
    group by document_id
)

select
    documents.document_id,
    documents.source_file,
    documents.publisher_name as department_name,
    documents.region_name,
    documents.fiscal_year,
    figures.income_total,
    figures.expenditure_total,
    figures.basic_expenditure,
    figures.project_expenditure,
    round(100 * figures.basic_expenditure / nullif(figures.expenditure_total, 0), 2) as basic_share_pct,
    round(100 * figures.project_expenditure / nullif(figures.expenditure_total, 0), 2) as project_share_pct,
    figures.three_public_total,
    figures.admin_operating_total,
    figures.budget_project_lines,
    coalesce(project_tables.project_tables, 0) as project_tables
from documents
left join figures
    on documents.document_id = figures.document_id
left join project_tables
    on documents.document_id = project_tables.document_id
