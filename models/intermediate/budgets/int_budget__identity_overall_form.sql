-- The overall-expenditure target form (整体支出绩效目标表) restates 合计 = 基本支出 + 项目支出: one row per document and
-- column of its 支出预算 block.
with lines as (
    select
        *,
        (coalesce(source_page, 0), source_line) as printed_at
    from {{ ref('stg_ingest__budget_lines') }}
    where table_type = 'overall_expenditure_targets'
)

select
    document_id,
    table_type,
    'overall_total_equals_parts' as identity,
    '整体支出表: 合计 = 基本支出 + 项目支出' as description,
    '合计' as row_label,
    column_label,
    max(amount_value) filter (where row_label = '合计') as expected,
    sum(amount_value) filter (where row_label in ('基本支出', '项目支出')) as actual,
    2 as addends,
    any_value(unit_stated) as unit,
    arg_min(source_ref, printed_at) as source_lines
from lines
group by document_id, table_type, column_label
