-- Candidate pairs between project performance tables and the project rows (not the aggregate rows) of the same
-- document's 项目支出预算表, scored by how well their names agree. Names agree only fuzzily (`23年` vs
-- `2023 年度`, suffixes 费用/发放, typos), so exact, contained and similar normalized names all count.
with projects as (
    -- distinct project tables (reprinted copies left out) with their printed annual total
    select
        tables.project_id,
        tables.document_id,
        tables.project_name,
        totals.annual_total_yuan,
        {{ normalize_project_name('tables.project_name') }} as name_key
    from {{ ref('stg_ingest__project_tables') }} as tables
    left join {{ ref('int_project__funding_totals') }} as totals
        on tables.project_id = totals.project_id
    left join {{ ref('int_project__duplicate_copies') }} as copies
        on tables.project_id = copies.project_id
    where copies.project_id is null
),

budget_rows as (
    select
        budget_line_id,
        document_id,
        row_label,
        amount_wan_yuan,
        amount_yuan,
        source_line,
        source_page,
        {{ normalize_project_name('row_label') }} as name_key
    from {{ ref('stg_ingest__budget_lines') }}
    where table_type = 'project_expenditure_current' and column_label = '合计' and not is_aggregate_row
),

pairs as (
    select
        projects.project_id,
        budget_rows.budget_line_id,
        budget_rows.row_label,
        budget_rows.amount_wan_yuan,
        budget_rows.amount_yuan,
        budget_rows.source_line,
        budget_rows.source_page,
        case
            when projects.name_key = budget_rows.name_key then 'exact'
            when {{ substantially_contains('projects.name_key', 'budget_rows.name_key') }} then 'contained'
            else 'similar'
        end as match_method,
        case
            when projects.name_key = budget_rows.name_key then 1.0
            when {{ substantially_contains('projects.name_key', 'budget_rows.name_key') }} then 0.95
            else jaro_winkler_similarity(projects.name_key, budget_rows.name_key)
        end as match_score,
        abs(coalesce(projects.annual_total_yuan, 0) - budget_rows.amount_yuan) as amount_gap
    from projects
    inner join budget_rows
        on projects.document_id = budget_rows.document_id
)

select
    project_id,
    budget_line_id,
    row_label,
    amount_wan_yuan,
    amount_yuan,
    source_line,
    source_page,
    case when match_score < 0.85 then 'name_and_amount' else match_method end as match_method,
    match_score,
    amount_gap
from pairs
-- A similar name, or a looser one whose amount agrees to 50 元 (rounding of 万元 to two decimals).
where match_score >= 0.85 or (match_score >= 0.6 and amount_gap <= 50)
