-- Identities of the two-sided summary tables (表1 收支总表, 表4 财政拨款收支总表): one row per document, table and
-- identity. 收入总计 = 支出总计; 本年收入合计 = Σ 收入项目; 本年支出合计 = Σ 支出功能分类; 收入总计 = 本年收入合计 + 上年结转.
with lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
    where table_type in ('income_expenditure_summary', 'fiscal_grant_summary')
),

summary_totals as (
    select
        document_id,
        table_type,
        max(amount_wan_yuan) filter (where side = 'income' and row_label = '收入总计') as income_total,
        max(amount_wan_yuan) filter (
            where side = 'expenditure' and row_label = '支出总计' and column_label in ('合计', '小计')
        ) as expenditure_total,
        max(amount_wan_yuan) filter (where side = 'income' and row_label = '本年收入合计') as income_year,
        max(amount_wan_yuan) filter (
            where side = 'expenditure' and row_label = '本年支出合计' and column_label in ('合计', '小计')
        ) as expenditure_year,
        sum(amount_wan_yuan) filter (
            where side = 'income' and not is_total_row and block = 'current'
        ) as income_rows,
        count(*) filter (where side = 'income' and not is_total_row and block = 'current') as income_row_count,
        sum(amount_wan_yuan) filter (
            where side = 'expenditure' and not is_total_row and column_label in ('合计', '小计')
        ) as category_rows,
        count(*) filter (
            where side = 'expenditure' and not is_total_row and column_label in ('合计', '小计')
        ) as category_row_count,
        coalesce(
            sum(amount_wan_yuan) filter (where side = 'income' and block = 'carryover' and not is_total_row), 0
        ) as carryover,
        string_agg(distinct source_ref, ',' order by source_ref) filter (where is_total_row) as total_lines
    from lines
    group by document_id, table_type
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
    total_lines as source_lines
from summary_totals
union all
select
    document_id,
    table_type,
    'summary_income_rows' as identity,
    '本年收入合计 = Σ 收入项目' as description,
    '本年收入合计' as row_label,
    null as column_label,
    income_year as expected,
    income_rows as actual,
    income_row_count as addends,
    total_lines as source_lines
from summary_totals
union all
select
    document_id,
    table_type,
    'summary_expenditure_rows' as identity,
    '本年支出合计 = Σ 支出功能分类' as description,
    '本年支出合计' as row_label,
    null as column_label,
    expenditure_year as expected,
    category_rows as actual,
    category_row_count as addends,
    total_lines as source_lines
from summary_totals
union all
select
    document_id,
    table_type,
    'summary_total_with_carryover' as identity,
    '收入总计 = 本年收入合计 + 上年结转' as description,
    '收入总计' as row_label,
    null as column_label,
    income_total as expected,
    income_year + carryover as actual,
    2 as addends,
    total_lines as source_lines
from summary_totals
