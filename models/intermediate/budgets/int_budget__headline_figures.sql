-- One row per document with budget tables: the headline totals of each table (万元), and where each is printed
-- (`12`, or `p3:12` in a paged document), shared by the cross-table checks and the department summary.
with lines as (
    select
        *,
        -- orders lines through a document: by page, then line (text files have no pages)
        (coalesce(source_page, 0), source_line) as printed_at
    from {{ ref('stg_ingest__budget_lines') }}
)

select
    document_id,
    -- 表1 收支总表
    max(amount_wan_yuan) filter (
        where table_type = 'income_expenditure_summary' and side = 'income' and row_label = '收入总计'
    ) as summary_income_total,
    max(amount_wan_yuan) filter (
        where table_type = 'income_expenditure_summary' and side = 'expenditure' and row_label = '支出总计'
        and column_label = '合计'
    ) as summary_expenditure_total,
    arg_min(source_ref, printed_at) filter (
        where table_type = 'income_expenditure_summary' and side = 'income' and row_label = '收入总计'
    ) as summary_income_total_at,
    -- 表2 收入总表
    max(amount_wan_yuan) filter (
        where table_type = 'income_summary' and is_total_row and column_label = '合计'
    ) as income_table_total,
    sum(amount_wan_yuan) filter (
        where table_type = 'income_summary' and is_total_row and column_label = '政府性基金'
    ) as income_table_gov_fund,
    arg_min(source_ref, printed_at) filter (where table_type = 'income_summary' and is_total_row)
        as income_table_total_at,
    -- 表3 支出总表
    max(amount_wan_yuan) filter (
        where table_type = 'expenditure_summary' and is_total_row and column_label = '合计'
    ) as expenditure_table_total,
    max(amount_wan_yuan) filter (
        where table_type = 'expenditure_summary' and is_total_row and column_label = '基本支出'
    ) as expenditure_table_basic,
    max(amount_wan_yuan) filter (
        where table_type = 'expenditure_summary' and is_total_row and column_label = '项目支出'
    ) as expenditure_table_project,
    arg_min(source_ref, printed_at) filter (where table_type = 'expenditure_summary' and is_total_row)
        as expenditure_table_total_at,
    -- 表5 一般公共预算支出表
    max(amount_wan_yuan) filter (
        where table_type = 'general_budget_expenditure' and is_total_row and column_label = '基本支出'
    ) as general_budget_basic,
    arg_min(source_ref, printed_at) filter (where table_type = 'general_budget_expenditure' and is_total_row)
        as general_budget_total_at,
    -- 表6 基本支出经济科目表
    max(amount_wan_yuan) filter (
        where table_type = 'basic_expenditure_economic' and is_total_row and column_label = '合计'
    ) as basic_economic_total,
    -- 表7, 表8 政府性基金
    sum(amount_wan_yuan) filter (where table_type = 'gov_fund_income' and is_total_row) as gov_fund_income_total,
    arg_min(source_ref, printed_at) filter (where table_type = 'gov_fund_income') as gov_fund_income_at,
    sum(amount_wan_yuan) filter (
        where table_type = 'gov_fund_expenditure' and is_total_row and column_label = '合计'
    ) as gov_fund_expenditure_total,
    -- 表10 三公, 表11 机关运行经费
    max(amount_wan_yuan) filter (
        where table_type = 'three_public' and is_total_row and column_label = '合计'
    ) as three_public_total,
    max(amount_wan_yuan) filter (
        where table_type = 'admin_operating' and is_total_row and column_label = '合计'
    ) as admin_operating_total,
    -- 表12 项目支出表 (本年): the project rows, aggregate rows left out
    sum(amount_wan_yuan) filter (
        where table_type = 'project_expenditure_current' and not is_aggregate_row and column_label = '合计'
    ) as project_items_total,
    count(*) filter (
        where table_type = 'project_expenditure_current' and not is_aggregate_row and column_label = '合计'
    ) as project_item_count
from lines
group by document_id
