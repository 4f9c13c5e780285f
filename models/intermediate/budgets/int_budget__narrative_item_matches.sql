-- The table lines each classification the narrative names may be (`行政运行（2040601）`, or by name path
-- `一般公共服务支出（类）统计信息事务（款）统计管理（项）` where it prints no code): one row per narrative amount and
-- matching line of the expenditure tables, of any phase. The text's amount is compared with the lines of its own
-- phase (int_budget__identity_narrative_items), and gives the code to a budget the tables do not print
-- (fct_budget_vs_outturn).
with items as (
    select
        *,
        {{ classification_name_key('coalesce(xiang_name, kuan_name, class_name)') }} as name_key,
        {{ classification_name_key('kuan_name') }} as kuan_name_key,
        {{ classification_name_key('class_name') }} as class_name_key,
        -- the phase of the table line it restates: 预算数 / 调整预算数 / 决算数; a stated amount of any phase
        case amount_role
            when 'budget' then 'budget'
            when 'adjusted_budget' then 'adjusted_budget'
            when 'executed' then 'executed'
        end as item_phase
    from {{ ref('stg_ingest__narrative_classifications') }}
    where amount_role in ('stated', 'budget', 'adjusted_budget', 'executed')
)

select
    items.narrative_item_id,
    items.document_id,
    items.amount_role,
    items.item_phase,
    items.value,
    items.unit,
    items.source_ref,
    coalesce(items.xiang_name, items.kuan_name, items.class_name)
    || coalesce('（' || items.classification_code || '）', '') as item_name,
    lines.table_type,
    lines.table_title,
    lines.classification_code,
    lines.phase as line_phase,
    lines.source_ref as line_ref,
    {{ in_unit('lines.amount_yuan', 'items.unit') }} as line_value
from items
inner join {{ ref('int_budget__classification_lines') }} as lines
    on
        items.document_id = lines.document_id
        and (
            items.classification_code = lines.classification_code
            or (
                items.classification_code is null
                and items.level = lines.classification_level
                and items.name_key = lines.label_key
                and (items.level < 3 or items.kuan_name_key is null or items.kuan_name_key = lines.kuan_key)
                and (items.level < 2 or items.class_name_key is null or items.class_name_key = lines.class_key)
            )
        )
