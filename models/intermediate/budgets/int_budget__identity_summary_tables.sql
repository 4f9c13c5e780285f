-- Identities of the two-sided summary tables (收支总表, 财政拨款收支总表, and the other templates' 财务收支预算总表,
-- 收入支出决算总表 …): one row per document, table and identity, in the unit the table prints. 收入总计 = 支出总计;
-- 本年收入合计 = Σ 收入项目 (收入总计 where no 本年收入合计 is printed and nothing is carried over); 本年支出合计 =
-- Σ 支出项目; 总计 = 本年合计 + the balances carried in (income) or out (expenditure). Items are the rows of
-- row_role `item`: sub-items (1. …, 其中 …, the breakdown of a balance) are inside them.
with lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
    where table_type in ('income_expenditure_summary', 'fiscal_grant_summary')
),

summary_totals as (
    select
        document_id,
        table_type,
        table_id,
        any_value(unit_stated) as unit,
        max(amount_value) filter (where side = 'income' and row_role = 'grand_total') as income_total,
        max(amount_value) filter (
            where side = 'expenditure' and row_role = 'grand_total' and is_total_column
        ) as expenditure_total,
        max(amount_value) filter (where side = 'income' and row_role = 'year_total') as income_year,
        max(amount_value) filter (
            where side = 'expenditure' and row_role = 'year_total' and is_total_column
        ) as expenditure_year,
        sum(amount_value) filter (where side = 'income' and row_role = 'item') as income_rows,
        count(*) filter (where side = 'income' and row_role = 'item') as income_row_count,
        sum(amount_value) filter (
            where side = 'expenditure' and row_role = 'item' and is_total_column
        ) as category_rows,
        count(*) filter (where side = 'expenditure' and row_role = 'item' and is_total_column) as category_row_count,
        coalesce(sum(amount_value) filter (where side = 'income' and row_role = 'carryover'), 0) as carried_in,
        coalesce(
            sum(amount_value) filter (where side = 'expenditure' and row_role = 'carryover' and is_total_column), 0
        ) as carried_out,
        count(*) filter (where row_role = 'carryover') as balance_cells,
        string_agg(distinct source_ref, ',' order by source_ref) filter (where is_total_row) as total_lines
    from lines
    group by document_id, table_type, table_id
),

-- Where no 本年收入合计 / 本年支出合计 is printed and no balance is carried, the items add up to the 总计.
year_totals as (
    select
        *,
        coalesce(income_year, case when balance_cells = 0 then income_total end) as income_year_or_total,
        coalesce(expenditure_year, case when balance_cells = 0 then expenditure_total end)
            as expenditure_year_or_total
    from summary_totals
)

select
    document_id,
    table_type,
    'summary_income_equals_expenditure' as identity,
    '收入总计 = 支出总计' as description,
    '收入总计' as row_label,
    null as column_label,
    income_total as expected,
    expenditure_total as actual,
    2 as addends,
    unit,
    total_lines as source_lines
from year_totals
union all
select
    document_id,
    table_type,
    'summary_income_rows' as identity,
    '本年收入合计 = Σ 收入项目' as description,
    '本年收入合计' as row_label,
    null as column_label,
    income_year_or_total as expected,
    income_rows as actual,
    income_row_count as addends,
    unit,
    total_lines as source_lines
from year_totals
union all
select
    document_id,
    table_type,
    'summary_expenditure_rows' as identity,
    '本年支出合计 = Σ 支出功能分类' as description,
    '本年支出合计' as row_label,
    null as column_label,
    expenditure_year_or_total as expected,
    category_rows as actual,
    category_row_count as addends,
    unit,
    total_lines as source_lines
from year_totals
union all
select
    document_id,
    table_type,
    'summary_total_with_carryover' as identity,
    '收入总计 = 本年收入合计 + 上年结转' as description,
    '收入总计' as row_label,
    null as column_label,
    income_total as expected,
    income_year + carried_in as actual,
    2 as addends,
    unit,
    total_lines as source_lines
from year_totals
union all
select
    document_id,
    table_type,
    'summary_expenditure_with_carryover' as identity,
    '支出总计 = 本年支出合计 + 年末结转' as description,
    '支出总计' as row_label,
    null as column_label,
    expenditure_total as expected,
    expenditure_year + carried_out as actual,
    2 as addends,
    unit,
    total_lines as source_lines
from year_totals
