-- Budget by functional classification (类/款/项) per department and fund type, from the income table (表2:
-- funds by source) and the expenditure table (表3: basic vs project), whatever the template and phase. One row
-- per document, code and measure (a column of one of those tables).
with lines as (
    select * from {{ ref('fct_budget_line') }}
    where
        table_type in ('income_summary', 'expenditure_summary')
        and classification_code is not null
),

documents as (
    select
        document_id,
        publisher_name,
        region_name
    from {{ ref('dim_document') }}
),

codes as (
    select
        code,
        level,
        parent_code
    from {{ ref('dim_functional_classification') }}
)

select
    lines.budget_line_id,
    lines.document_id,
    documents.publisher_name as department_name,
    documents.region_name,
    lines.fiscal_year,
    lines.phase,
    lines.classification_code,
    lines.row_label as classification_name,
    coalesce(codes.level, case length(lines.classification_code) when 3 then '类' when 5 then '款' else '项' end)
        as classification_level,
    left(lines.classification_code, 3) as class_code,
    lines.table_type,
    lines.column_label as measure,
    lines.unit_stated,
    lines.amount_value,
    lines.amount_wan_yuan,
    lines.amount_yuan,
    lines.source_line,
    lines.source_page
from lines
left join documents
    on lines.document_id = documents.document_id
left join codes
    on lines.classification_code = codes.code
