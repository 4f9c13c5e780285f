-- Budget beside outturn (预算 / 调整预算 / 决算) by functional classification code: one row per publisher, fiscal
-- year, fund scope and classification code, with the amount of each phase in 元 and where it is printed. Amounts
-- come from the expenditure tables of every disclosure (a 预算 document gives the budget, a 决算 document the
-- outturn and, where its tables print them, the budget and adjusted budget); where no table prints the budget of
-- a 决算's line, the budget its narrative states for that classification (`年初预算为1560.05万元`) fills it in,
-- marked as from the narrative.
with documents as (
    select
        document_id,
        source_file,
        coalesce(publisher_name, document_id) as publisher_name,
        region_name,
        fiscal_year,
        doc_kind
    from {{ ref('dim_document') }}
),

table_amounts as (
    select
        lines.document_id,
        case lines.table_type
            when 'general_budget_expenditure' then 'general_public_budget'
            else 'all_funds'
        end as fund_scope,
        lines.classification_code,
        lines.phase,
        lines.amount_yuan,
        lines.row_label,
        'table' as amount_source,
        lines.source_ref
    from {{ ref('int_budget__classification_lines') }} as lines
    where lines.table_type in ('expenditure_summary', 'general_budget_expenditure')
),

-- the narrative's budget of a classification, where it names exactly one code of the 一般公共预算 table
narrative_amounts as (
    select
        document_id,
        'general_public_budget' as fund_scope,
        any_value(classification_code) as classification_code,
        item_phase as phase,
        {{ to_yuan('any_value(value)', 'any_value(unit)') }} as amount_yuan,
        any_value(item_name) as row_label,
        'narrative' as amount_source,
        any_value(source_ref) as source_ref
    from {{ ref('int_budget__narrative_item_matches') }}
    where item_phase in ('budget', 'adjusted_budget') and table_type = 'general_budget_expenditure'
    group by document_id, narrative_item_id, item_phase
    having count(distinct classification_code) = 1
),

amounts as (
    select
        documents.publisher_name,
        documents.region_name,
        documents.fiscal_year,
        amounts.*,
        documents.source_file,
        -- a table before the narrative; a 决算 document before a 预算 one for the same year
        row_number() over (
            partition by
                documents.publisher_name, documents.fiscal_year, amounts.fund_scope, amounts.classification_code,
                amounts.phase
            order by amounts.amount_source = 'narrative', documents.doc_kind <> 'final_accounts', amounts.source_ref
        ) as preference
    from (
        select * from table_amounts
        union all
        select * from narrative_amounts
    ) as amounts
    inner join documents on amounts.document_id = documents.document_id
    where documents.fiscal_year is not null
),

codes as (
    select
        code,
        name,
        level
    from {{ ref('dim_functional_classification') }}
)

select
    md5(concat_ws(
        '|', amounts.publisher_name, amounts.fiscal_year::varchar, amounts.fund_scope,
        amounts.classification_code
    )) as budget_outturn_id,
    amounts.publisher_name,
    any_value(amounts.region_name) as region_name,
    amounts.fiscal_year,
    amounts.fund_scope,
    amounts.classification_code,
    coalesce(any_value(codes.name), min(amounts.row_label) filter (where amounts.amount_source = 'table'))
        as classification_name,
    coalesce(
        any_value(codes.level),
        case length(amounts.classification_code) when 3 then '类' when 5 then '款' else '项' end
    ) as classification_level,
    max(amounts.amount_yuan) filter (where amounts.phase = 'budget') as budget_yuan,
    max(amounts.amount_yuan) filter (where amounts.phase = 'adjusted_budget') as adjusted_budget_yuan,
    max(amounts.amount_yuan) filter (where amounts.phase = 'executed') as executed_yuan,
    round(
        max(amounts.amount_yuan) filter (where amounts.phase = 'executed')
        / nullif(max(amounts.amount_yuan) filter (where amounts.phase = 'budget'), 0) * 100, 2
    ) as execution_rate_percent,
    max(amounts.amount_source) filter (where amounts.phase = 'budget') as budget_source,
    max(amounts.source_file || ' ' || amounts.source_ref) filter (where amounts.phase = 'budget') as budget_at,
    max(amounts.source_file || ' ' || amounts.source_ref) filter (where amounts.phase = 'adjusted_budget')
        as adjusted_budget_at,
    max(amounts.source_file || ' ' || amounts.source_ref) filter (where amounts.phase = 'executed') as executed_at
from amounts
left join codes on amounts.classification_code = codes.code
where amounts.preference = 1
group by amounts.publisher_name, amounts.fiscal_year, amounts.fund_scope, amounts.classification_code
