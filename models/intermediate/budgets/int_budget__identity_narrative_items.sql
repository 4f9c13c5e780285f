-- The amounts the narrative states for the classifications it names (`行政运行（2040601）1434.89万元`) against the
-- line of that classification in the expenditure tables: one row per stated amount, compared in the narrative's
-- unit with the closest line of the same code (or name path) and phase. The narrative may describe any of the
-- expenditure tables (支出总表, 一般公共预算支出表 …), so the closest line is the one it restates.
with candidates as (
    select * from {{ ref('int_budget__narrative_item_matches') }}
    where item_phase is null or item_phase = line_phase
)

select
    document_id,
    'narrative' as table_type,
    'narrative_classification_amount' as identity,
    '情况说明 科目金额 = 支出表 科目行' as description,
    any_value(item_name) as row_label,
    any_value(amount_role) || ' ↔ ' || arg_min(table_title || ' ' || line_ref, abs(value - line_value)) as column_label,
    any_value(value) as expected,
    arg_min(line_value, abs(value - line_value)) as actual,
    2 as addends,
    any_value(unit) as unit,
    any_value(source_ref) as source_lines
from candidates
group by document_id, narrative_item_id
