-- One row per distinct project performance table in a document that publishes a 项目支出预算表: its best
-- matching budget line, both amounts in 元 and the difference. Unmatched tables stay, with null budget columns.
with projects as (
    select
        p.project_id,
        p.document_id,
        p.source_file,
        p.source_line,
        p.source_page,
        p.project_name,
        p.annual_total_yuan,
        p.has_unit_conflict
    from {{ ref('dim_project') }} as p
    where
        not p.is_duplicate_copy
        and p.document_id in (
            select budget_tables.document_id from {{ ref('stg_ingest__budget_tables') }} as budget_tables
            where budget_tables.table_type = 'project_expenditure_current'
        )
),

best as (
    select *
    from {{ ref('int_project__budget_matches') }}
    -- Among names that agree, the line whose amount agrees wins (several lines can share a name stem).
    qualify row_number() over (
        partition by project_id
        order by amount_gap <= 50 desc, match_score desc, amount_gap asc, source_page asc, source_line asc
    ) = 1
)

select
    projects.project_id,
    projects.document_id,
    projects.source_file,
    projects.source_line,
    projects.source_page,
    projects.project_name,
    best.budget_line_id,
    best.row_label as budget_project_name,
    best.source_line as budget_source_line,
    best.source_page as budget_source_page,
    coalesce(best.match_method, 'unmatched') as match_method,
    best.match_score,
    projects.annual_total_yuan as table_amount_yuan,
    best.amount_yuan as budget_amount_yuan,
    projects.annual_total_yuan - best.amount_yuan as difference_yuan,
    abs(projects.annual_total_yuan - best.amount_yuan) <= 50 as is_within_50_yuan,
    projects.has_unit_conflict
from projects
left join best
    on projects.project_id = best.project_id
