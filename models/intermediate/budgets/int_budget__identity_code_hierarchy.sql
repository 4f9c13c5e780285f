-- Functional classification codes: one row per 类 or 款 and column whose children (款, 项) add up to it, and per
-- 合计 and column, which the 类 rows add up to.
with lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
    where table_type in ('income_summary', 'expenditure_summary', 'general_budget_expenditure')
),

coded as (
    select
        document_id,
        table_type,
        table_id,
        classification_code,
        column_label,
        amount_wan_yuan,
        source_ref
    from lines
    where classification_code is not null
),

parent_sums as (
    select
        parent.document_id,
        parent.table_type,
        parent.classification_code,
        parent.column_label,
        parent.amount_wan_yuan,
        parent.source_ref,
        sum(child.amount_wan_yuan) as children_total,
        count(*) as children,
        string_agg(child.source_ref, ',') as child_lines
    from coded as parent
    inner join coded as child
        on
            parent.table_id = child.table_id
            and parent.column_label = child.column_label
            and length(child.classification_code) = length(parent.classification_code) + 2
            and starts_with(child.classification_code, parent.classification_code)
    group by all
),

class_sums as (
    select
        total.document_id,
        total.table_type,
        total.column_label,
        total.amount_wan_yuan,
        total.source_ref,
        sum(class.amount_wan_yuan) as classes_total,
        count(*) as classes
    from lines as total
    inner join coded as class
        on
            total.table_id = class.table_id
            and total.column_label = class.column_label
            and length(class.classification_code) = 3
    where total.is_total_row
    group by all
)

select
    document_id,
    table_type,
    'code_parent_equals_children' as identity,
    '上级科目 = Σ 下级科目' as description,
    classification_code as row_label,
    column_label,
    amount_wan_yuan as expected,
    children_total as actual,
    children as addends,
    source_ref || ',' || child_lines as source_lines
from parent_sums
union all
select
    document_id,
    table_type,
    'total_equals_classes' as identity,
    '合计 = Σ 类' as description,
    '合计' as row_label,
    column_label,
    amount_wan_yuan as expected,
    classes_total as actual,
    classes as addends,
    source_ref as source_lines
from class_sums
