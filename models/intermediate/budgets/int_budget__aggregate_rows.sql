-- Rows of a budget table that sum other rows printed in the same table (a total row is not one of them: it has
-- is_total_row). One row per such table row (table, side, row number), with why it is one:
--   project_unit    a department or unit row of a 项目支出 table over its projects (read by the parser: indentation,
--                   or leading rows equal to the sum of the rest);
--   code_parent     a classification code over the codes one level below it that the table prints (类 over 款,
--                   款 over 项; functional and economic codes alike);
--   economic_class  a 类 row of the Shanxi 基本支出 layout (工资福利支出, no code, no second label) over its 款 rows;
--   breakdown       a row followed by its sub-items (1. …, （一）…, 其中：…, ①…, a balance's parts);
--   three_public    公务用车购置及运行费 (购置及运行维护费) over the 购置费 / 运行（维护）费 rows of the 三公 table.
with lines as (
    select * from {{ ref('stg_ingest__budget_lines') }}
),

table_rows as (
    select
        table_id,
        table_type,
        side,
        row_number,
        any_value(row_role) as row_role,
        any_value(row_label) as row_label,
        any_value(row_label_2) as row_label_2,
        any_value(classification_code) as classification_code,
        bool_or(is_total_row) as is_total_row,
        bool_or(is_aggregate_row) as is_parsed_aggregate,
        regexp_replace(coalesce(any_value(row_label), ''), '\s', '', 'g') as squeezed_label
    from lines
    group by table_id, table_type, side, row_number
),

ordered_rows as (
    select
        *,
        lead(row_role) over (partition by table_id, side order by row_number) as next_row_role,
        lead(row_label_2) over (partition by table_id, side order by row_number) as next_row_label_2
    from table_rows
),

project_units as (
    select
        table_id,
        side,
        row_number,
        'project_unit' as aggregate_reason
    from table_rows
    where is_parsed_aggregate and not is_total_row
),

code_parents as (
    select distinct
        parent.table_id,
        parent.side,
        parent.row_number,
        'code_parent' as aggregate_reason
    from table_rows as parent
    inner join table_rows as child
        on
            parent.table_id = child.table_id
            and parent.side is not distinct from child.side
            and length(child.classification_code) = length(parent.classification_code) + 2
            and starts_with(child.classification_code, parent.classification_code)
    where not parent.is_total_row
),

economic_classes as (
    select
        table_id,
        side,
        row_number,
        'economic_class' as aggregate_reason
    from ordered_rows
    where
        table_type = 'basic_expenditure_economic'
        and classification_code is null
        and row_label_2 is null
        and next_row_label_2 is not null
        and not is_total_row
),

breakdowns as (
    select
        table_id,
        side,
        row_number,
        'breakdown' as aggregate_reason
    from ordered_rows
    where
        next_row_role = 'sub_item'
        and row_role <> 'sub_item'
        and not is_total_row
        and not starts_with(table_type, 'project_expenditure')
),

three_public_parents as (
    select
        parent.table_id,
        parent.side,
        parent.row_number,
        'three_public' as aggregate_reason
    from table_rows as parent
    where
        parent.table_type = 'three_public'
        and regexp_matches(parent.squeezed_label, '公务用车购置及运行(维护)?费')
        and exists (
            select 1
            from table_rows as child
            where
                child.table_id = parent.table_id
                and child.row_number > parent.row_number
                and regexp_matches(child.squeezed_label, '(购置|运行(维护)?)费$')
                and not regexp_matches(child.squeezed_label, '购置及运行')
        )
),

aggregate_rows as (
    select * from project_units
    union all
    select * from code_parents
    union all
    select * from economic_classes
    union all
    select * from breakdowns
    union all
    select * from three_public_parents
)

select
    table_id,
    side,
    row_number,
    string_agg(distinct aggregate_reason, ',' order by aggregate_reason) as aggregate_reason
from aggregate_rows
group by table_id, side, row_number
