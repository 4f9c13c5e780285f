-- The functional-classification lines of the expenditure tables, each with the names of its 款 and 类 as the same
-- table prints them: one row per table, line (code) and phase of its total column. What the narrative's
-- classification items are matched against, by code or by name path.
with tables as (
    select
        table_id,
        unit_stated as table_unit
    from {{ ref('stg_ingest__budget_tables') }}
),

lines as (
    select
        lines.document_id,
        lines.table_id,
        lines.table_type,
        lines.table_title,
        lines.classification_code,
        lines.classification_level,
        lines.row_label,
        -- names compared without spaces and brackets (`政府办公厅（室）` = `政府办公厅(室)`)
        {{ classification_name_key('lines.row_label') }} as label_key,
        lines.phase,
        lines.amount_yuan,
        tables.table_unit,
        lines.source_ref
    from {{ ref('stg_ingest__budget_lines') }} as lines
    inner join tables on lines.table_id = tables.table_id
    -- functional expenditure codes (201 一般公共服务支出 … 232): not the economic (301 …, 501 …) or income codes
    where
        regexp_matches(lines.classification_code, '^2[0-3][0-9]')
        and lines.is_total_column
        and coalesce(lines.side, 'expenditure') = 'expenditure'
        and lines.phase is not null
),

-- one name per table and code (a code printed twice in a table keeps its first name)
names as (
    select
        table_id,
        classification_code,
        min(label_key) as label_key
    from lines
    group by table_id, classification_code
)

select
    lines.*,
    kuan.label_key as kuan_key,
    class.label_key as class_key
from lines
left join names as kuan
    on lines.table_id = kuan.table_id and kuan.classification_code = left(lines.classification_code, 5)
left join names as class
    on lines.table_id = class.table_id and class.classification_code = left(lines.classification_code, 3)
