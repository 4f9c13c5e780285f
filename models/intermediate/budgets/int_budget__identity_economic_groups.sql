-- Economic classification (基本支出 by 经济科目): one row per group row (类) and column, which its items (款)
-- add up to.
with cells as (
    select * from {{ ref('int_budget__row_cells') }}
    where table_type = 'basic_expenditure_economic'
)

select
    groups.document_id,
    groups.table_type,
    'economic_group_equals_items' as identity,
    '类 = Σ 款 (经济科目)' as description,
    groups.row_label,
    t.col.key as column_label,
    t.col.value as expected,
    sum(items.amounts[t.col.key]) as actual,
    count(*) as addends,
    groups.unit_stated as unit,
    groups.source_ref as source_lines
from cells as groups
cross join unnest(map_entries(groups.amounts)) as t (col)
inner join cells as items
    on
        groups.table_id = items.table_id
        and groups.row_label = items.economic_group
        and items.row_label_2 is not null
where groups.row_label_2 is null and not coalesce(groups.is_total_row, false)
group by all
