-- The narrative's totals against the tables they restate (收入总计, 本年支出合计, 一般公共预算财政拨款支出, 基本支出,
-- 项目支出, 三公经费, 机关运行经费 …: the vocabulary is the seed narrative_table_figures), and the number of
-- project tables it promises: one row per document and identity, compared in the narrative's unit (a table in 元
-- rounded to 0.01 万元).
with narrative as (
    select
        *,
        (coalesce(source_page, 0), source_line) as printed_at
    from {{ ref('stg_ingest__narrative_figures') }}
),

vocabulary as (
    select * from {{ ref('narrative_table_figures') }}
),

headline as (
    select * from {{ ref('int_budget__headline_figures') }}
),

-- the first amount of each document whose words name a total of the vocabulary
narrative_picks as (
    select
        narrative.document_id,
        vocabulary.figure,
        any_value(vocabulary.description) as description,
        any_value(vocabulary.table_figure) as table_figure,
        arg_min(narrative.value, narrative.printed_at) as value,
        arg_min(narrative.unit, narrative.printed_at) as unit,
        arg_min(narrative.source_ref, narrative.printed_at) as source_ref
    from narrative
    inner join headline on narrative.document_id = headline.document_id
    inner join vocabulary
        on
            regexp_matches(narrative.label, vocabulary.label_pattern)
            and not coalesce(regexp_matches(narrative.label, vocabulary.excluded_pattern), false)
            and (vocabulary.topic is null or narrative.topic = vocabulary.topic)
            and vocabulary.document_phase in ('any', headline.document_phase)
    where narrative.unit in ('万元', '元')
    group by narrative.document_id, vocabulary.figure
),

-- the tables' totals, one row per document and figure, in 元
table_figures as (
    unpivot (
        select
            document_id,
            summary_income_total,
            summary_income_year,
            summary_expenditure_year,
            summary_expenditure_total,
            fiscal_grant_income_total,
            general_budget_total,
            expenditure_table_basic,
            expenditure_table_project,
            coalesce(three_public_total, 0) as three_public_total,
            admin_operating_total
        from headline
    )
    on columns(* exclude (document_id))
    into name table_figure value amount_yuan
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
),

project_count_claims as (
    select
        document_id,
        max(value) as value,
        arg_max(source_ref, value) as source_ref
    from narrative
    where unit = '个' and regexp_matches(label, '项目$') and contains(section, '绩效')
    group by document_id
)

select
    picks.document_id,
    'narrative' as table_type,
    'narrative_' || picks.figure as identity,
    picks.description,
    regexp_extract(picks.description, '情况说明 (\S+)', 1) as row_label,
    null as column_label,
    picks.value as expected,
    {{ in_unit('tables.amount_yuan', 'picks.unit') }} as actual,
    2 as addends,
    picks.unit,
    picks.source_ref as source_lines
from narrative_picks as picks
inner join table_figures as tables
    on picks.document_id = tables.document_id and picks.table_figure = tables.table_figure
union all
-- The narrative promises N published project targets; the document prints this many distinct tables (where it
-- prints project tables at all: a disclosure may publish them apart, and a 决算 counts the projects it evaluated).
select
    claims.document_id,
    'narrative' as table_type,
    'narrative_project_count' as identity,
    '情况说明 公开项目数 = 项目绩效目标表数' as description,
    '项目个数' as row_label,
    null as column_label,
    claims.value as expected,
    counts.project_tables as actual,
    2 as addends,
    '个' as unit,
    claims.source_ref as source_lines
from project_count_claims as claims
inner join project_counts as counts on claims.document_id = counts.document_id
