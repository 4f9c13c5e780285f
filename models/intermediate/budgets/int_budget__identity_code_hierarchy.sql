-- Classification codes (functional 类/款/项, economic 类/款): one row per code and column whose children (the codes
-- one level below) add up to it, and per total row and column, which the 类 rows add up to; in the unit the table
-- prints. Shanxi layouts: the functional tables; tables read by their headings: every coded table.
with tables as (
    select
        table_id,
        columns_from
    from {{ ref('stg_ingest__budget_tables') }}
),

lines as (
    select lines.*
    from {{ ref('stg_ingest__budget_lines') }} as lines
    inner join tables on lines.table_id = tables.table_id
    where
        lines.table_type in ('income_summary', 'expenditure_summary', 'general_budget_expenditure')
        or tables.columns_from = 'header'
),

coded as (
    select
        document_id,
        table_type,
        table_id,
        classification_code,
        column_label,
        column_index,
        amount_value,
        unit_stated,
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
        parent.amount_value,
        parent.unit_stated,
        parent.source_ref,
        sum(child.amount_value) as children_total,
        count(*) as children,
        string_agg(child.source_ref, ',') as child_lines
    from coded as parent
    inner join coded as child
        on
            parent.table_id = child.table_id
            and parent.column_index = child.column_index
            and length(child.classification_code) = length(parent.classification_code) + 2
            and starts_with(child.classification_code, parent.classification_code)
    group by all
),

class_sums as (
    select
        total.document_id,
        total.table_type,
        total.row_label,
        total.column_label,
        total.amount_value,
        total.unit_stated,
        total.source_ref,
        sum(class.amount_value) as classes_total,
        count(*) as classes
    from lines as total
    inner join coded as class
        on
            total.table_id = class.table_id
            and total.column_index = class.column_index
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
    amount_value as expected,
    children_total as actual,
    children as addends,
    unit_stated as unit,
    source_ref || ',' || child_lines as source_lines
from parent_sums
union all
select
    document_id,
    table_type,
    'total_equals_classes' as identity,
    '合计 = Σ 类' as description,
    coalesce(row_label, '合计') as row_label,
    column_label,
    amount_value as expected,
    classes_total as actual,
    classes as addends,
    unit_stated as unit,
    source_ref as source_lines
from class_sums
