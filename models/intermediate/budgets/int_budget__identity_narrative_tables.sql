-- The narrative's figures against the tables they restate (收入总计, 基本支出, 项目支出, 三公经费) and the number of
-- project tables it promises: one row per document and identity.
with narrative as (
    select
        *,
        (coalesce(source_page, 0), source_line) as printed_at
    from {{ ref('stg_ingest__narrative_figures') }}
),

narrative_picks as (
    select
        document_id,
        arg_min(value, printed_at) filter (
            where unit = '万元' and regexp_matches(label, '收入总计$')
        ) as income_total,
        arg_min(source_ref, printed_at) filter (
            where unit = '万元' and regexp_matches(label, '收入总计$')
        ) as income_total_at,
        arg_min(value, printed_at) filter (
            where unit = '万元' and regexp_matches(label, '(^|其中)基本支出$')
        ) as basic,
        arg_min(source_ref, printed_at) filter (
            where unit = '万元' and regexp_matches(label, '(^|其中)基本支出$')
        ) as basic_at,
        arg_min(value, printed_at) filter (
            where unit = '万元' and regexp_matches(label, '(^|其中)项目支出$')
        ) as project,
        arg_min(source_ref, printed_at) filter (
            where unit = '万元' and regexp_matches(label, '(^|其中)项目支出$')
        ) as project_at,
        arg_min(value, printed_at) filter (where unit = '万元' and contains(label, '三公')) as three_public,
        arg_min(source_ref, printed_at) filter (where unit = '万元' and contains(label, '三公')) as three_public_at,
        max(value) filter (
            where unit = '个' and regexp_matches(label, '项目$') and contains(section, '绩效')
        ) as project_count,
        arg_max(source_ref, value) filter (
            where unit = '个' and regexp_matches(label, '项目$') and contains(section, '绩效')
        ) as project_count_at
    from narrative
    group by document_id
),

-- The tables' figures in 万元, as the narrative states them (a table in 元 rounded to 0.01 万元).
table_picks as (
    select
        document_id,
        {{ in_unit('summary_income_total', "'万元'") }} as income_total,
        {{ in_unit('expenditure_table_basic', "'万元'") }} as basic,
        {{ in_unit('expenditure_table_project', "'万元'") }} as project,
        {{ in_unit('coalesce(three_public_total, 0)', "'万元'") }} as three_public
    from {{ ref('int_budget__headline_figures') }}
),

project_counts as (
    -- distinct project tables: reprinted copies left out
    select
        tables.document_id,
        count(*) filter (where copies.project_id is null) as project_tables
    from {{ ref('stg_ingest__project_tables') }} as tables
    left join {{ ref('int_project__duplicate_copies') }} as copies
        on tables.project_id = copies.project_id
    group by tables.document_id
)

select
    n.document_id,
    'narrative' as table_type,
    'narrative_income_total' as identity,
    '情况说明 收入总计 = 表1' as description,
    '收入总计' as row_label,
    null as column_label,
    n.income_total as expected,
    t.income_total as actual,
    2 as addends,
    '万元' as unit,
    n.income_total_at as source_lines
from narrative_picks as n
inner join table_picks as t on n.document_id = t.document_id
union all
select
    n.document_id,
    'narrative' as table_type,
    'narrative_basic_expenditure' as identity,
    '情况说明 基本支出 = 表3' as description,
    '基本支出' as row_label,
    null as column_label,
    n.basic as expected,
    t.basic as actual,
    2 as addends,
    '万元' as unit,
    n.basic_at as source_lines
from narrative_picks as n
inner join table_picks as t on n.document_id = t.document_id
union all
select
    n.document_id,
    'narrative' as table_type,
    'narrative_project_expenditure' as identity,
    '情况说明 项目支出 = 表3' as description,
    '项目支出' as row_label,
    null as column_label,
    n.project as expected,
    t.project as actual,
    2 as addends,
    '万元' as unit,
    n.project_at as source_lines
from narrative_picks as n
inner join table_picks as t on n.document_id = t.document_id
union all
select
    n.document_id,
    'narrative' as table_type,
    'narrative_three_public' as identity,
    '情况说明 三公经费 = 表10' as description,
    '三公经费' as row_label,
    null as column_label,
    n.three_public as expected,
    t.three_public as actual,
    2 as addends,
    '万元' as unit,
    n.three_public_at as source_lines
from narrative_picks as n
inner join table_picks as t on n.document_id = t.document_id
union all
-- The narrative promises N published project targets; the document prints this many distinct tables.
select
    n.document_id,
    'narrative' as table_type,
    'narrative_project_count' as identity,
    '情况说明 公开项目数 = 项目绩效目标表数' as description,
    '项目个数' as row_label,
    null as column_label,
    n.project_count as expected,
    coalesce(c.project_tables, 0) as actual,
    2 as addends,
    '个' as unit,
    n.project_count_at as source_lines
from narrative_picks as n
left join project_counts as c on n.document_id = c.document_id
