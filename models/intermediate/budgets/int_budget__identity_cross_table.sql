-- The same totals printed in several tables: one row per document and cross-table identity.
with totals as (
    select * from {{ ref('int_budget__headline_figures') }}
)

select
    document_id,
    'cross_table' as table_type,
    'income_summary_total' as identity,
    '表1 收入总计 = 表2 合计' as description,
    '合计' as row_label,
    null as column_label,
    summary_income_total as expected,
    income_table_total as actual,
    2 as addends,
    summary_income_total_at || ',' || income_table_total_at as source_lines
from totals
union all
select
    document_id,
    'cross_table' as table_type,
    'expenditure_summary_total' as identity,
    '表1 收入总计 = 表3 合计' as description,
    '合计' as row_label,
    null as column_label,
    summary_income_total as expected,
    expenditure_table_total as actual,
    2 as addends,
    summary_income_total_at || ',' || expenditure_table_total_at as source_lines
from totals
union all
select
    document_id,
    'cross_table' as table_type,
    'project_table_total' as identity,
    '表3 项目支出 = Σ 表12 项目' as description,
    '项目支出' as row_label,
    null as column_label,
    expenditure_table_project as expected,
    project_items_total as actual,
    project_item_count as addends,
    expenditure_table_total_at as source_lines
from totals
union all
select
    document_id,
    'cross_table' as table_type,
    'basic_economic_total' as identity,
    '表5 基本支出 = 表6 合计' as description,
    '基本支出' as row_label,
    null as column_label,
    general_budget_basic as expected,
    basic_economic_total as actual,
    2 as addends,
    general_budget_total_at as source_lines
from totals
union all
-- A 政府性基金 table declared empty (注：本表无数据) while another table shows 基金 money.
select
    document_id,
    'cross_table' as table_type,
    'fund_income_vs_expenditure' as identity,
    '表7 基金收入 = 表8 基金支出' as description,
    '合计' as row_label,
    null as column_label,
    coalesce(gov_fund_income_total, 0) as expected,
    coalesce(gov_fund_expenditure_total, 0) as actual,
    2 as addends,
    gov_fund_income_at as source_lines
from totals
where coalesce(gov_fund_income_total, 0) <> 0 or coalesce(gov_fund_expenditure_total, 0) <> 0
union all
select
    document_id,
    'cross_table' as table_type,
    'fund_income_summary_vs_table' as identity,
    '表2 政府性基金 = 表7 基金收入' as description,
    '合计' as row_label,
    null as column_label,
    coalesce(income_table_gov_fund, 0) as expected,
    coalesce(gov_fund_income_total, 0) as actual,
    2 as addends,
    coalesce(income_table_total_at, gov_fund_income_at) as source_lines
from totals
where coalesce(income_table_gov_fund, 0) <> 0 or coalesce(gov_fund_income_total, 0) <> 0
