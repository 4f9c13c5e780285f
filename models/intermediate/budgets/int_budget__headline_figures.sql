-- One row per document with budget tables: the headline totals of its tables in 元, the unit each table prints
-- them in, and where each is printed (`12`, or `p3:12` in a paged document), shared by the cross-table checks and
-- the department summary. Only amounts of the table's own phase count (a 决算 table's 预算数 columns do not).
with tables as (
    select
        table_id,
        phase as table_phase
    from {{ ref('stg_ingest__budget_tables') }}
),

phase_lines as (
    select
        lines.*,
        -- orders lines through a document: by page, then line (text files have no pages)
        (coalesce(lines.source_page, 0), lines.source_line) as printed_at
    from {{ ref('stg_ingest__budget_lines') }} as lines
    inner join tables on lines.table_id = tables.table_id
    where lines.phase = tables.table_phase
),

-- The row of the year's totals of each summary table: 本年收入合计 / 本年支出合计, or 总计 where none is printed.
year_rows as (
    select
        table_id,
        case when bool_or(row_role = 'year_total') then 'year_total' else 'grand_total' end as year_row_role
    from phase_lines
    where table_type = 'income_expenditure_summary'
    group by table_id
),

lines as (
    select
        phase_lines.*,
        coalesce(phase_lines.row_role = year_rows.year_row_role, false) as is_summary_year_row
    from phase_lines
    left join year_rows on phase_lines.table_id = year_rows.table_id
)

select
    document_id,
    -- 收支总表 (表1): 收入总计, and 本年收入合计 / 本年支出合计 where printed
    any_value(unit_stated) filter (where table_type = 'income_expenditure_summary') as summary_unit,
    max(amount_yuan) filter (
        where table_type = 'income_expenditure_summary' and side = 'income' and row_role = 'grand_total'
    ) as summary_income_total,
    max(amount_yuan) filter (
        where table_type = 'income_expenditure_summary' and side = 'expenditure' and row_role = 'grand_total'
        and is_total_column
    ) as summary_expenditure_total,
    max(amount_yuan) filter (
        where table_type = 'income_expenditure_summary' and side = 'income' and row_role = 'year_total'
    ) as summary_income_year,
    max(amount_yuan) filter (
        where table_type = 'income_expenditure_summary' and side = 'expenditure' and row_role = 'year_total'
        and is_total_column
    ) as summary_expenditure_year,
    arg_min(source_ref, printed_at) filter (
        where table_type = 'income_expenditure_summary' and side = 'income' and row_role = 'grand_total'
    ) as summary_income_total_at,
    arg_min(source_ref, printed_at) filter (
        where table_type = 'income_expenditure_summary' and side = 'income' and row_role = 'year_total'
    ) as summary_income_year_at,
    arg_min(source_ref, printed_at) filter (
        where table_type = 'income_expenditure_summary' and side = 'expenditure' and row_role = 'year_total'
    ) as summary_expenditure_year_at,
    -- a 收支总表 that splits 基本支出 into 人员经费 and 公用经费 (本年支出合计, else 支出总计)
    max(amount_yuan) filter (where is_summary_year_row and column_label = '人员经费') as summary_personnel,
    max(amount_yuan) filter (where is_summary_year_row and column_label = '公用经费') as summary_public,
    arg_min(source_ref, printed_at) filter (
        where is_summary_year_row and column_label in ('人员经费', '公用经费')
    ) as summary_costs_at,
    -- the phase of the document: its summary table's (a 决算 is executed, a 预算 budget)
    coalesce(any_value(phase) filter (where table_type = 'income_expenditure_summary'), 'budget')
        as document_phase,
    -- 财政拨款收支总表 (表4): its 总计 on the income side
    max(amount_yuan) filter (
        where table_type = 'fiscal_grant_summary' and side = 'income' and row_role = 'grand_total'
    ) as fiscal_grant_income_total,
    arg_min(source_ref, printed_at) filter (
        where table_type = 'fiscal_grant_summary' and side = 'income' and row_role = 'grand_total'
    ) as fiscal_grant_income_total_at,
    -- each fund's income line of 表1 and of the 财政拨款收支总表 (表4): the first printed line naming the fund
    {{ first_printed('summary_general_budget_income',
        "table_type = 'income_expenditure_summary' and side = 'income' and is_total_column
        and row_role in ('item', 'sub_item') and contains(row_label, '一般公共预算')") }},
    {{ first_printed('summary_gov_fund_income',
        "table_type = 'income_expenditure_summary' and side = 'income' and is_total_column
        and row_role in ('item', 'sub_item') and contains(row_label, '政府性基金')") }},
    any_value(unit_stated) filter (where table_type = 'fiscal_grant_summary') as fiscal_grant_unit,
    {{ first_printed('fiscal_grant_general_budget_income',
        "table_type = 'fiscal_grant_summary' and side = 'income' and is_total_column
        and row_role = 'item' and contains(row_label, '一般公共预算')") }},
    {{ first_printed('fiscal_grant_gov_fund_income',
        "table_type = 'fiscal_grant_summary' and side = 'income' and is_total_column
        and row_role = 'item' and contains(row_label, '政府性基金')") }},
    -- 表4's 本年支出合计 in its 一般公共预算 column: what the 一般公共预算支出表 (表5) totals
    {{ first_printed('fiscal_grant_general_budget_expenditure',
        "table_type = 'fiscal_grant_summary' and side = 'expenditure' and row_role = 'year_total'
        and not is_total_column and contains(column_label, '一般公共预算')") }},
    -- 收入总表 (表2)
    any_value(unit_stated) filter (where table_type = 'income_summary') as income_table_unit,
    max(amount_yuan) filter (
        where table_type = 'income_summary' and is_total_row and is_total_column
    ) as income_table_total,
    sum(amount_yuan) filter (
        where table_type = 'income_summary' and is_total_row and column_label = '政府性基金'
    ) as income_table_gov_fund,
    arg_min(source_ref, printed_at) filter (where table_type = 'income_summary' and is_total_row)
        as income_table_total_at,
    -- 支出总表 (表3)
    any_value(unit_stated) filter (where table_type = 'expenditure_summary') as expenditure_table_unit,
    max(amount_yuan) filter (
        where table_type = 'expenditure_summary' and is_total_row and is_total_column
    ) as expenditure_table_total,
    max(amount_yuan) filter (
        where table_type = 'expenditure_summary' and is_total_row and column_label = '基本支出'
    ) as expenditure_table_basic,
    max(amount_yuan) filter (
        where table_type = 'expenditure_summary' and is_total_row and column_label = '项目支出'
    ) as expenditure_table_project,
    arg_min(source_ref, printed_at) filter (where table_type = 'expenditure_summary' and is_total_row)
        as expenditure_table_total_at,
    -- 一般公共预算支出表 (表5)
    any_value(unit_stated) filter (where table_type = 'general_budget_expenditure') as general_budget_unit,
    max(amount_yuan) filter (
        where table_type = 'general_budget_expenditure' and is_total_row and column_label = '基本支出'
    ) as general_budget_basic,
    max(amount_yuan) filter (
        where table_type = 'general_budget_expenditure' and is_total_row and is_total_column
    ) as general_budget_total,
    arg_min(source_ref, printed_at) filter (where table_type = 'general_budget_expenditure' and is_total_row)
        as general_budget_total_at,
    -- 基本支出经济分类表 (表6): its 合计, or the totals of its blocks (人员经费合计 + 公用经费合计)
    any_value(unit_stated) filter (where table_type = 'basic_expenditure_economic') as basic_economic_unit,
    coalesce(
        max(amount_yuan) filter (
            where table_type = 'basic_expenditure_economic' and is_total_row and is_total_column and row_label = '合计'
        ),
        sum(amount_yuan) filter (where table_type = 'basic_expenditure_economic' and is_total_row and is_total_column)
    ) as basic_economic_total,
    -- its 人员经费 and 公用经费: columns of its 合计 row, or the totals of its blocks (人员经费合计, 公用经费合计)
    max(amount_yuan) filter (
        where table_type = 'basic_expenditure_economic' and is_total_row
        and (column_label = '人员经费' or (row_label = '人员经费合计' and is_total_column))
    ) as basic_economic_personnel,
    max(amount_yuan) filter (
        where table_type = 'basic_expenditure_economic' and is_total_row
        and (column_label = '公用经费' or (row_label = '公用经费合计' and is_total_column))
    ) as basic_economic_public,
    arg_min(source_ref, printed_at) filter (where table_type = 'basic_expenditure_economic' and is_total_row)
        as basic_economic_total_at,
    -- 政府性基金 (表7, 表8)
    any_value(unit_stated) filter (where table_type in ('gov_fund_income', 'gov_fund_expenditure')) as gov_fund_unit,
    sum(amount_yuan) filter (where table_type = 'gov_fund_income' and is_total_row) as gov_fund_income_total,
    arg_min(source_ref, printed_at) filter (where table_type = 'gov_fund_income') as gov_fund_income_at,
    sum(amount_yuan) filter (
        where table_type = 'gov_fund_expenditure' and is_total_row and is_total_column
    ) as gov_fund_expenditure_total,
    -- 三公 (表10), 机关运行经费 (表11, or the 机关运行经费 column of a combined 三公 table)
    any_value(unit_stated) filter (where table_type = 'three_public') as three_public_unit,
    max(amount_yuan) filter (
        where table_type = 'three_public' and is_total_row and is_total_column
    ) as three_public_total,
    any_value(unit_stated) filter (
        where table_type = 'admin_operating' or (table_type = 'three_public' and contains(column_label, '机关运行经费'))
    ) as admin_operating_unit,
    coalesce(
        max(amount_yuan) filter (where table_type = 'admin_operating' and is_total_row and is_total_column),
        max(amount_yuan) filter (where table_type = 'three_public' and contains(column_label, '机关运行经费'))
    ) as admin_operating_total,
    -- 项目支出表 (表12, 本年): the project rows, aggregate rows left out
    any_value(unit_stated) filter (where table_type = 'project_expenditure_current') as project_items_unit,
    sum(amount_yuan) filter (
        where table_type = 'project_expenditure_current' and not is_aggregate_row and column_label = '合计'
    ) as project_items_total,
    count(*) filter (
        where table_type = 'project_expenditure_current' and not is_aggregate_row and column_label = '合计'
    ) as project_item_count
from lines
group by document_id
