-- Row identities: one row per budget table row with a 合计, whose parts (fund sources, basic and project
-- expenditure, personnel and public costs) add up to it.
with cells as (
    select * from {{ ref('int_budget__row_cells') }}
    where table_type in (
        'income_summary', 'expenditure_summary', 'general_budget_expenditure', 'gov_fund_expenditure',
        'basic_expenditure_economic', 'admin_operating', 'project_expenditure_current'
    )
    and amounts['合计'] is not null
),

row_parts as (
    select
        document_id,
        table_type,
        source_ref,
        coalesce(row_label, classification_code) as row_label,
        amounts['合计'] as expected,
        case table_type
            when 'income_summary'
                then
                    coalesce(amounts['一般公共预算'], 0) + coalesce(amounts['政府性基金'], 0)
                    + coalesce(amounts['国有资本经营预算'], 0) + coalesce(amounts['财政专户管理资金'], 0)
                    + coalesce(amounts['单位资金'], 0)
            when 'basic_expenditure_economic'
                then coalesce(amounts['人员经费'], 0) + coalesce(amounts['公用经费'], 0)
            when 'admin_operating'
                then
                    coalesce(amounts['一般公共预算'], 0) + coalesce(amounts['政府性基金预算'], 0)
                    + coalesce(amounts['国有资本经营预算'], 0)
            when 'project_expenditure_current'
                then
                    coalesce(amounts['一般公共预算'], 0) + coalesce(amounts['政府性基金预算'], 0)
                    + coalesce(amounts['国有资本经营预算'], 0) + coalesce(amounts['财政专户管理资金'], 0)
                    + coalesce(amounts['单位资金'], 0)
            else coalesce(amounts['基本支出'], 0) + coalesce(amounts['项目支出'], 0)
        end as actual
    from cells
)

select
    document_id,
    table_type,
    'row_total_equals_parts' as identity,
    '合计 = Σ 分项 (per row)' as description,
    row_label,
    '合计' as column_label,
    expected,
    actual,
    2 as addends,
    source_ref as source_lines
from row_parts
