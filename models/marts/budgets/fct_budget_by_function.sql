-- Budget by functional classification (类/款/项) per department and fund type, from the income table (表2:
-- funds by source) and the expenditure table (表3: basic vs project), whatever the template and phase. One row
-- per document, code and measure (a column of one of those tables). The measure names the table and the column,
-- so that the 合计 of the income table (income_total) and that of the expenditure table (expenditure_total) never
-- share a name; a column no vocabulary below knows keeps its heading: `income:<heading>` / `expenditure:<heading>`.
-- Sum one table, one measure and one classification_level at a time (or the rows where not is_aggregate_row).
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
),

measured_lines as (
    select
        *,
        case table_type when 'income_summary' then 'income' else 'expenditure' end as measure_side,
        regexp_replace(column_label, '\s', '', 'g') as squeezed_label
    from lines
)

select
    measured_lines.budget_line_id,
    measured_lines.document_id,
    documents.publisher_name as department_name,
    documents.region_name,
    measured_lines.fiscal_year,
    measured_lines.phase,
    measured_lines.classification_code,
    measured_lines.row_label as classification_name,
    coalesce(
        codes.level,
        case length(measured_lines.classification_code) when 3 then '类' when 5 then '款' else '项' end
    ) as classification_level,
    left(measured_lines.classification_code, 3) as class_code,
    measured_lines.is_aggregate_row,
    measured_lines.table_type,
    measured_lines.measure_side || case
        when measured_lines.is_total_column then '_total'
        when measured_lines.measure_side = 'expenditure' and measured_lines.squeezed_label = '基本支出'
            then '_basic'
        when measured_lines.measure_side = 'expenditure' and measured_lines.squeezed_label = '项目支出'
            then '_project'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label = '财政拨款收入'
            then '_fiscal_grant'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label like '一般公共预算%'
            then '_general_public_budget'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label like '政府性基金%'
            then '_government_fund'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label like '国有资本经营%'
            then '_state_capital'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label like '财政专户%'
            then '_fiscal_special_account'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label = '事业收入'
            then '_public_service'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label = '事业单位经营收入'
            then '_business'
        when measured_lines.measure_side = 'income' and measured_lines.squeezed_label = '其他收入'
            then '_other'
        else ':' || measured_lines.squeezed_label
    end as measure,
    measured_lines.column_label,
    measured_lines.unit_stated,
    measured_lines.amount_value,
    measured_lines.amount_wan_yuan,
    measured_lines.amount_yuan,
    measured_lines.source_line,
    measured_lines.source_page
from measured_lines
left join documents
    on measured_lines.document_id = documents.document_id
left join codes
    on measured_lines.classification_code = codes.code
