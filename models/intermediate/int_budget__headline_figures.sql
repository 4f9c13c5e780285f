-- One row per document with budget tables: the headline totals of each table (万元) and the lines they are
-- printed on, shared by the reconciliation checks and the department summary.
with lines as (
    -- printed_at orders lines through a document: by page, then line (text files have no pages)
    select *, (coalesce(source_page, 0), source_line) as printed_at from {{ ref('stg_ingest__budget_lines') }}
)

select
    document_id,
    max(amount_wan_yuan) filter (where table_type = 'income_expenditure_summary' and side = 'income'
        and row_label = '收入总计') as t1_total,
    max(amount_wan_yuan) filter (where table_type = 'income_expenditure_summary' and side = 'expenditure'
        and row_label = '支出总计' and column_label = '合计') as t1_expenditure_total,
    max(amount_wan_yuan) filter (where table_type = 'income_summary' and is_total_row and column_label = '合计')
        as t2_total,
    sum(amount_wan_yuan) filter (where table_type = 'income_summary' and is_total_row
        and column_label = '政府性基金') as t2_fund,
    max(amount_wan_yuan) filter (where table_type = 'expenditure_summary' and is_total_row
        and column_label = '合计') as t3_total,
    max(amount_wan_yuan) filter (where table_type = 'expenditure_summary' and is_total_row
        and column_label = '基本支出') as t3_basic,
    max(amount_wan_yuan) filter (where table_type = 'expenditure_summary' and is_total_row
        and column_label = '项目支出') as t3_project,
    max(amount_wan_yuan) filter (where table_type = 'general_budget_expenditure' and is_total_row
        and column_label = '基本支出') as t5_basic,
    max(amount_wan_yuan) filter (where table_type = 'basic_expenditure_economic' and is_total_row
        and column_label = '合计') as t6_total,
    sum(amount_wan_yuan) filter (where table_type = 'gov_fund_income' and is_total_row) as t7_total,
    sum(amount_wan_yuan) filter (where table_type = 'gov_fund_expenditure' and is_total_row
        and column_label = '合计') as t8_total,
    max(amount_wan_yuan) filter (where table_type = 'three_public' and is_total_row
        and column_label = '合计') as t10_total,
    max(amount_wan_yuan) filter (where table_type = 'admin_operating' and is_total_row
        and column_label = '合计') as t11_total,
    sum(amount_wan_yuan) filter (where table_type = 'project_expenditure_current' and not is_aggregate_row
        and column_label = '合计') as t12_items,
    count(*) filter (where table_type = 'project_expenditure_current' and not is_aggregate_row
        and column_label = '合计') as t12_item_count,
    arg_min(source_ref, printed_at) filter (where table_type = 'income_expenditure_summary' and side = 'income'
        and row_label = '收入总计') as t1_line,
    arg_min(source_ref, printed_at) filter (where table_type = 'income_summary' and is_total_row) as t2_line,
    arg_min(source_ref, printed_at) filter (where table_type = 'expenditure_summary' and is_total_row) as t3_line,
    arg_min(source_ref, printed_at) filter (where table_type = 'general_budget_expenditure' and is_total_row) as t5_line,
    arg_min(source_ref, printed_at) filter (where table_type = 'gov_fund_income') as t7_line
from lines
group by document_id
