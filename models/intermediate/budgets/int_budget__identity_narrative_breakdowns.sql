-- The narrative's own breakdowns (`X万元，其中：a万元，b万元` states X = a + b): one row per whole. A single 其中
-- item (`预留…332.00万元，其中…小微企业232.40万元`) names a part, not a breakdown, and states no identity.
with narrative as (
    select * from {{ ref('stg_ingest__narrative_figures') }}
)

select
    wholes.document_id,
    'narrative' as table_type,
    'narrative_breakdown' as identity,
    '情况说明: 总额 = Σ 其中各项' as description,
    wholes.label as row_label,
    null as column_label,
    wholes.value as expected,
    sum(parts.value) as actual,
    count(*) as addends,
    wholes.unit,
    wholes.source_ref as source_lines
from narrative as wholes
inner join narrative as parts
    on wholes.narrative_figure_id = parts.part_of_figure_id
group by all
having count(*) >= 2
