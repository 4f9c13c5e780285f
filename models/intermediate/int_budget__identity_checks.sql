-- One row per arithmetic identity the budget tables should satisfy (survey §6.6), with the printed figure
-- (expected), the recomputed one (actual), their difference in 万元 and a rounding tier.
with cells as (
    select * from {{ ref('int_budget__row_cells') }}
),

lines as (
    -- printed_at orders lines through a document: by page, then line (text files have no pages)
    select *, (coalesce(source_page, 0), source_line) as printed_at from {{ ref('stg_ingest__budget_lines') }}
),

-- 表1/表4: the income and expenditure totals of the two-sided summary tables.
summary_totals as (
    select
        document_id,
        table_type,
        max(amount_wan_yuan) filter (where side = 'income' and row_label = '收入总计') as income_total,
        max(amount_wan_yuan) filter (where side = 'expenditure' and row_label = '支出总计'
            and column_label in ('合计', '小计')) as expenditure_total,
        max(amount_wan_yuan) filter (where side = 'income' and row_label = '本年收入合计') as income_year,
        max(amount_wan_yuan) filter (where side = 'expenditure' and row_label = '本年支出合计'
            and column_label in ('合计', '小计')) as expenditure_year,
        sum(amount_wan_yuan) filter (where side = 'income' and not is_total_row and block = 'current')
            as income_rows,
        count(*) filter (where side = 'income' and not is_total_row and block = 'current') as income_row_count,
        sum(amount_wan_yuan) filter (where side = 'expenditure' and not is_total_row
            and column_label in ('合计', '小计')) as category_rows,
        count(*) filter (where side = 'expenditure' and not is_total_row and column_label in ('合计', '小计'))
            as category_row_count,
        coalesce(sum(amount_wan_yuan) filter (where side = 'income' and block = 'carryover' and not is_total_row),
            0) as carryover,
        string_agg(distinct source_ref, ',' order by source_ref)
            filter (where is_total_row) as total_lines
    from lines
    where table_type in ('income_expenditure_summary', 'fiscal_grant_summary')
    group by document_id, table_type
),

summary_checks as (
    select document_id, table_type, 'summary_income_equals_expenditure' as identity,
        '收入总计 = 支出总计' as description, '收入总计' as row_label, null as column_label,
        income_total as expected, expenditure_total as actual, 2 as addends, total_lines as source_lines
    from summary_totals
    union all
    select document_id, table_type, 'summary_income_rows', '本年收入合计 = Σ 收入项目', '本年收入合计', null,
        income_year, income_rows, income_row_count, total_lines
    from summary_totals
    union all
    select document_id, table_type, 'summary_expenditure_rows', '本年支出合计 = Σ 支出功能分类', '本年支出合计', null,
        expenditure_year, category_rows, category_row_count, total_lines
    from summary_totals
    union all
    select document_id, table_type, 'summary_total_with_carryover', '收入总计 = 本年收入合计 + 上年结转', '收入总计', null,
        income_total, income_year + carryover, 2, total_lines
    from summary_totals
),

-- Row identities: a row's 合计 is the sum of its parts.
row_parts as (
    select
        document_id, table_type, source_ref, coalesce(row_label, classification_code) as row_label,
        amounts['合计'] as expected,
        case table_type
            when 'income_summary' then coalesce(amounts['一般公共预算'], 0) + coalesce(amounts['政府性基金'], 0)
                + coalesce(amounts['国有资本经营预算'], 0) + coalesce(amounts['财政专户管理资金'], 0)
                + coalesce(amounts['单位资金'], 0)
            when 'basic_expenditure_economic' then coalesce(amounts['人员经费'], 0) + coalesce(amounts['公用经费'], 0)
            when 'three_public' then null
            when 'admin_operating' then coalesce(amounts['一般公共预算'], 0) + coalesce(amounts['政府性基金预算'], 0)
                + coalesce(amounts['国有资本经营预算'], 0)
            when 'project_expenditure_current' then coalesce(amounts['一般公共预算'], 0)
                + coalesce(amounts['政府性基金预算'], 0) + coalesce(amounts['国有资本经营预算'], 0)
                + coalesce(amounts['财政专户管理资金'], 0) + coalesce(amounts['单位资金'], 0)
            else coalesce(amounts['基本支出'], 0) + coalesce(amounts['项目支出'], 0)
        end as actual
    from cells
    where table_type in ('income_summary', 'expenditure_summary', 'general_budget_expenditure',
        'gov_fund_expenditure', 'basic_expenditure_economic', 'admin_operating', 'project_expenditure_current')
        and amounts['合计'] is not null
),

row_checks as (
    select document_id, table_type, 'row_total_equals_parts' as identity, '合计 = Σ 分项 (per row)' as description,
        row_label, '合计' as column_label, expected, actual, 2 as addends, source_ref as source_lines
    from row_parts
),

-- Functional codes: a 类 or 款 equals the sum of its children, and the 合计 row the sum of the 类 rows.
coded as (
    select l.document_id, l.table_type, l.table_id, l.classification_code, l.column_label, l.amount_wan_yuan,
        l.source_ref
    from lines as l
    where l.table_type in ('income_summary', 'expenditure_summary', 'general_budget_expenditure')
        and l.classification_code is not null
),

parent_sums as (
    select
        parent.document_id, parent.table_type, parent.classification_code, parent.column_label,
        parent.amount_wan_yuan, parent.source_ref, sum(child.amount_wan_yuan) as children_total,
        count(*) as children, string_agg(child.source_ref, ',') as child_lines
    from coded as parent
    inner join coded as child
        on parent.table_id = child.table_id
        and parent.column_label = child.column_label
        and length(child.classification_code) = length(parent.classification_code) + 2
        and starts_with(child.classification_code, parent.classification_code)
    group by all
),

parent_checks as (
    select
        document_id, table_type, 'code_parent_equals_children' as identity, '上级科目 = Σ 下级科目' as description,
        classification_code as row_label, column_label, amount_wan_yuan as expected, children_total as actual,
        children as addends, source_ref || ',' || child_lines as source_lines
    from parent_sums
),

grand_total_checks as (
    select
        total.document_id, total.table_type, 'total_equals_classes' as identity, '合计 = Σ 类' as description,
        '合计' as row_label, total.column_label, total.amount_wan_yuan as expected,
        sum(class.amount_wan_yuan) as actual, count(*) as addends,
        total.source_ref as source_lines
    from lines as total
    inner join coded as class
        on total.table_id = class.table_id
        and total.column_label = class.column_label
        and length(class.classification_code) = 3
    where total.is_total_row and total.table_type in ('income_summary', 'expenditure_summary',
        'general_budget_expenditure')
    group by all
),

-- Economic classification: each group row is the sum of its items, the 合计 the sum of the groups.
economic_group_checks as (
    select
        g.document_id, g.table_type, 'economic_group_equals_items' as identity, '类 = Σ 款 (经济科目)' as description,
        g.row_label, col.key as column_label, col.value as expected, sum(i.amounts[col.key]) as actual,
        count(*) as addends, g.source_ref as source_lines
    from cells as g
    cross join unnest(map_entries(g.amounts)) as t(col)
    inner join cells as i
        on g.table_id = i.table_id and i.economic_group = g.row_label and i.row_label_2 is not null
    where g.table_type = 'basic_expenditure_economic' and g.row_label_2 is null and not coalesce(g.is_total_row, false)
    group by all
),

-- 表12: the aggregate (department / unit) rows equal the sum of the project rows.
project_table_checks as (
    select
        agg.document_id, agg.table_type, 'project_aggregate_equals_items' as identity,
        '单位合计 = Σ 项目' as description, agg.row_label, agg.column_label, agg.amount_wan_yuan as expected,
        sum(item.amount_wan_yuan) as actual, count(*) as addends, agg.source_ref as source_lines
    from lines as agg
    inner join lines as item
        on agg.table_id = item.table_id and agg.column_label = item.column_label and not item.is_aggregate_row
    where agg.is_aggregate_row
    group by all
),

-- Across tables: the same totals printed in several tables.
table_totals as (
    select * from {{ ref('int_budget__headline_figures') }}
),

cross_checks as (
    select document_id, 'cross_table' as table_type, 'income_summary_total' as identity,
        '表1 收入总计 = 表2 合计' as description, '合计' as row_label, null as column_label,
        t1_total as expected, t2_total as actual, 2 as addends, t1_line || ',' || t2_line
            as source_lines
    from table_totals
    union all
    select document_id, 'cross_table', 'expenditure_summary_total', '表1 收入总计 = 表3 合计', '合计', null,
        t1_total, t3_total, 2, t1_line || ',' || t3_line
    from table_totals
    union all
    select document_id, 'cross_table', 'project_table_total', '表3 项目支出 = Σ 表12 项目', '项目支出', null,
        t3_project, t12_items, t12_item_count, t3_line
    from table_totals
    union all
    select document_id, 'cross_table', 'basic_economic_total', '表5 基本支出 = 表6 合计', '基本支出', null,
        t5_basic, t6_total, 2, t5_line
    from table_totals
    union all
    -- A 政府性基金 table declared empty (注：本表无数据) while another table shows 基金 money.
    select document_id, 'cross_table', 'fund_income_vs_expenditure', '表7 基金收入 = 表8 基金支出', '合计', null,
        coalesce(t7_total, 0), coalesce(t8_total, 0), 2, t7_line
    from table_totals
    where coalesce(t7_total, 0) <> 0 or coalesce(t8_total, 0) <> 0
    union all
    select document_id, 'cross_table', 'fund_income_summary_vs_table', '表2 政府性基金 = 表7 基金收入', '合计', null,
        coalesce(t2_fund, 0), coalesce(t7_total, 0), 2, coalesce(t2_line, t7_line)
    from table_totals
    where coalesce(t2_fund, 0) <> 0 or coalesce(t7_total, 0) <> 0
),

-- The overall-expenditure target form restates 合计 = 基本支出 + 项目支出 for each of its columns.
overall_checks as (
    select
        document_id, table_type, 'overall_total_equals_parts' as identity, '整体支出表: 合计 = 基本支出 + 项目支出'
            as description, '合计' as row_label, column_label,
        max(amount_wan_yuan) filter (where row_label = '合计') as expected,
        sum(amount_wan_yuan) filter (where row_label in ('基本支出', '项目支出')) as actual,
        2 as addends, arg_min(source_ref, printed_at) as source_lines
    from lines
    where table_type = 'overall_expenditure_targets'
    group by document_id, table_type, column_label
),

narrative as (
    select *, (coalesce(source_page, 0), source_line) as printed_at from {{ ref('stg_ingest__narrative_figures') }}
),

-- The narrative's own breakdowns: `X万元，其中：a万元，b万元` states X = a + b.
narrative_breakdown_checks as (
    select
        whole.document_id, 'narrative' as table_type, 'narrative_breakdown' as identity,
        '情况说明: 总额 = Σ 其中各项' as description, whole.label as row_label, null as column_label,
        whole.value as expected, sum(part.value) as actual, count(*) as addends,
        whole.source_ref as source_lines
    from narrative as whole
    inner join narrative as part
        on part.part_of_figure_id = whole.narrative_figure_id
    group by all
),

-- Narrative figures against the tables they restate.
narrative_picks as (
    select
        document_id,
        arg_min(value, printed_at) filter (where unit = '万元' and regexp_matches(label, '收入总计$')) as income_total,
        arg_min(source_ref, printed_at) filter (where unit = '万元' and regexp_matches(label, '收入总计$'))
            as income_total_line,
        arg_min(value, printed_at) filter (where unit = '万元' and regexp_matches(label, '(^|其中)基本支出$'))
            as basic,
        arg_min(source_ref, printed_at) filter (where unit = '万元' and regexp_matches(label, '(^|其中)基本支出$'))
            as basic_line,
        arg_min(value, printed_at) filter (where unit = '万元' and regexp_matches(label, '(^|其中)项目支出$'))
            as project,
        arg_min(source_ref, printed_at) filter (where unit = '万元' and regexp_matches(label, '(^|其中)项目支出$'))
            as project_line,
        arg_min(value, printed_at) filter (where unit = '万元' and contains(label, '三公')) as three_public,
        arg_min(source_ref, printed_at) filter (where unit = '万元' and contains(label, '三公'))
            as three_public_line,
        max(value) filter (where unit = '个' and regexp_matches(label, '项目$') and contains(section, '绩效'))
            as project_count,
        arg_max(source_ref, value) filter (where unit = '个' and regexp_matches(label, '项目$')
            and contains(section, '绩效')) as project_count_line
    from narrative
    group by document_id
),

table_picks as (
    select document_id, t1_total as income_total, t3_basic as basic, t3_project as project,
        coalesce(t10_total, 0) as three_public
    from table_totals
),

project_counts as (
    select document_id, count(*) filter (where not is_duplicate_copy) as project_tables
    from {{ ref('dim_project') }}
    group by document_id
),

narrative_table_checks as (
    select n.document_id, 'narrative' as table_type, 'narrative_income_total' as identity,
        '情况说明 收入总计 = 表1' as description, '收入总计' as row_label, null as column_label,
        n.income_total as expected, t.income_total as actual, 2 as addends, n.income_total_line as source_lines
    from narrative_picks as n inner join table_picks as t using (document_id)
    union all
    select n.document_id, 'narrative', 'narrative_basic_expenditure', '情况说明 基本支出 = 表3', '基本支出', null,
        n.basic, t.basic, 2, n.basic_line
    from narrative_picks as n inner join table_picks as t using (document_id)
    union all
    select n.document_id, 'narrative', 'narrative_project_expenditure', '情况说明 项目支出 = 表3', '项目支出', null,
        n.project, t.project, 2, n.project_line
    from narrative_picks as n inner join table_picks as t using (document_id)
    union all
    select n.document_id, 'narrative', 'narrative_three_public', '情况说明 三公经费 = 表10', '三公经费', null,
        n.three_public, t.three_public, 2, n.three_public_line
    from narrative_picks as n inner join table_picks as t using (document_id)
    union all
    -- The narrative promises N published project targets; the document prints this many distinct tables.
    select n.document_id, 'narrative', 'narrative_project_count', '情况说明 公开项目数 = 项目绩效目标表数',
        '项目个数', null, n.project_count, coalesce(c.project_tables, 0), 2, n.project_count_line
    from narrative_picks as n left join project_counts as c using (document_id)
),

all_checks as (
    select * from summary_checks
    union all select * from row_checks
    union all select * from parent_checks
    union all select * from grand_total_checks
    union all select * from economic_group_checks
    union all select * from project_table_checks
    union all select * from cross_checks
    union all select * from overall_checks
    union all select * from narrative_breakdown_checks
    union all select * from narrative_table_checks
)

select
    md5(concat_ws('|', document_id, table_type, identity, row_label, column_label, source_lines)) as check_id,
    document_id,
    table_type,
    identity,
    description,
    row_label,
    column_label,
    expected,
    actual,
    expected - actual as difference,
    addends,
    {{ rounding_tier('expected - actual', 'addends') }} as tier,
    source_lines
from all_checks
where expected is not null and actual is not null
