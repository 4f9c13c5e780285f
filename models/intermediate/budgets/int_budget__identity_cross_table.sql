-- The same totals printed in several tables: one row per document and cross-table identity, compared in the unit
-- both tables print (万元, the figure in 元 rounded to 0.01 万元, where one prints 万元 and the other 元).
with totals as (
    select
        *,
        -- 表1's 本年收入合计 / 本年支出合计 where printed (a final account's 总计 adds the balances), else 收入总计
        coalesce(summary_income_year, summary_income_total) as summary_income,
        coalesce(summary_income_year_at, summary_income_total_at) as summary_income_at,
        coalesce(summary_expenditure_year, summary_income_total) as summary_expenditure,
        coalesce(summary_expenditure_year_at, summary_income_total_at) as summary_expenditure_at
    from {{ ref('int_budget__headline_figures') }}
),

pairs as (
    select
        document_id,
        'income_summary_total' as identity,
        '表1 本年收入合计 = 表2 合计' as description,
        '合计' as row_label,
        summary_income as expected,
        income_table_total as actual,
        summary_unit as expected_unit,
        income_table_unit as actual_unit,
        summary_income_at || ',' || income_table_total_at as source_lines
    from totals
    union all
    select
        document_id,
        'expenditure_summary_total' as identity,
        '表1 本年支出合计 = 表3 合计' as description,
        '合计' as row_label,
        summary_expenditure as expected,
        expenditure_table_total as actual,
        summary_unit as expected_unit,
        expenditure_table_unit as actual_unit,
        summary_expenditure_at || ',' || expenditure_table_total_at as source_lines
    from totals
    union all
    select
        document_id,
        'project_table_total' as identity,
        '表3 项目支出 = Σ 表12 项目' as description,
        '项目支出' as row_label,
        expenditure_table_project as expected,
        project_items_total as actual,
        expenditure_table_unit as expected_unit,
        project_items_unit as actual_unit,
        expenditure_table_total_at as source_lines
    from totals
    union all
    select
        document_id,
        'basic_economic_total' as identity,
        '表5 基本支出 = 表6 合计' as description,
        '基本支出' as row_label,
        general_budget_basic as expected,
        basic_economic_total as actual,
        general_budget_unit as expected_unit,
        basic_economic_unit as actual_unit,
        general_budget_total_at as source_lines
    from totals
    union all
    -- A 收支总表 that splits 基本支出 into 人员经费 and 公用经费 restates the economic table's split.
    select
        document_id,
        'personnel_cost_total' as identity,
        '表1 人员经费 = 表6 人员经费' as description,
        '人员经费' as row_label,
        summary_personnel as expected,
        basic_economic_personnel as actual,
        summary_unit as expected_unit,
        basic_economic_unit as actual_unit,
        summary_costs_at || ',' || basic_economic_total_at as source_lines
    from totals
    union all
    select
        document_id,
        'public_cost_total' as identity,
        '表1 公用经费 = 表6 公用经费' as description,
        '公用经费' as row_label,
        summary_public as expected,
        basic_economic_public as actual,
        summary_unit as expected_unit,
        basic_economic_unit as actual_unit,
        summary_costs_at || ',' || basic_economic_total_at as source_lines
    from totals
    union all
    -- 表1 and the 财政拨款收支总表 (表4) print each fund's income: the same figure twice.
    select
        document_id,
        'fiscal_grant_general_budget_income' as identity,
        '表1 一般公共预算收入 = 表4 一般公共预算收入' as description,
        '一般公共预算' as row_label,
        summary_general_budget_income as expected,
        fiscal_grant_general_budget_income as actual,
        summary_unit as expected_unit,
        fiscal_grant_unit as actual_unit,
        summary_general_budget_income_at || ',' || fiscal_grant_general_budget_income_at as source_lines
    from totals
    union all
    select
        document_id,
        'fiscal_grant_gov_fund_income' as identity,
        '表1 政府性基金收入 = 表4 政府性基金收入' as description,
        '政府性基金' as row_label,
        summary_gov_fund_income as expected,
        fiscal_grant_gov_fund_income as actual,
        summary_unit as expected_unit,
        fiscal_grant_unit as actual_unit,
        summary_gov_fund_income_at || ',' || fiscal_grant_gov_fund_income_at as source_lines
    from totals
    union all
    -- 表4's 一般公共预算 expenditure is what the 一般公共预算支出表 (表5) details.
    select
        document_id,
        'fiscal_grant_general_budget_expenditure' as identity,
        '表4 本年支出合计 一般公共预算 = 表5 合计' as description,
        '合计' as row_label,
        fiscal_grant_general_budget_expenditure as expected,
        general_budget_total as actual,
        fiscal_grant_unit as expected_unit,
        general_budget_unit as actual_unit,
        fiscal_grant_general_budget_expenditure_at || ',' || general_budget_total_at as source_lines
    from totals
    union all
    -- A 政府性基金 table declared empty (注：本表无数据) while another table shows 基金 money.
    select
        document_id,
        'fund_income_vs_expenditure' as identity,
        '表7 基金收入 = 表8 基金支出' as description,
        '合计' as row_label,
        coalesce(gov_fund_income_total, 0) as expected,
        coalesce(gov_fund_expenditure_total, 0) as actual,
        gov_fund_unit as expected_unit,
        gov_fund_unit as actual_unit,
        gov_fund_income_at as source_lines
    from totals
    where coalesce(gov_fund_income_total, 0) <> 0 or coalesce(gov_fund_expenditure_total, 0) <> 0
    union all
    select
        document_id,
        'fund_income_summary_vs_table' as identity,
        '表2 政府性基金 = 表7 基金收入' as description,
        '合计' as row_label,
        coalesce(income_table_gov_fund, 0) as expected,
        coalesce(gov_fund_income_total, 0) as actual,
        income_table_unit as expected_unit,
        gov_fund_unit as actual_unit,
        coalesce(income_table_total_at, gov_fund_income_at) as source_lines
    from totals
    where coalesce(income_table_gov_fund, 0) <> 0 or coalesce(gov_fund_income_total, 0) <> 0
),

in_common_unit as (
    select
        *,
        {{ common_unit('coalesce(expected_unit, actual_unit)', 'coalesce(actual_unit, expected_unit)') }} as unit
    from pairs
)

select
    document_id,
    'cross_table' as table_type,
    identity,
    description,
    row_label,
    null as column_label,
    {{ in_unit('expected', 'unit') }} as expected,
    {{ in_unit('actual', 'unit') }} as actual,
    2 as addends,
    unit,
    source_lines
from in_common_unit
