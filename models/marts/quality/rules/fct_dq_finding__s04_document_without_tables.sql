-- Rule S04: see seeds/validation_rules.csv. One row per failing object.
select
    'S04' as rule_id,
    d.source_file,
    null::bigint as source_line,
    null::bigint as source_page,
    'document' as object_type,
    d.document_id as object_id,
    'no project table and no budget table found' as message,
    'at least one table' as expected,
    '0' as actual,
    null::double as difference,
    null::varchar as quote
from {{ ref('dim_document') }} as d
-- A document of unknown kind is reported as such (S05, unknown_document_kind): no defect of its own is claimed.
where
    d.doc_kind <> 'unknown'
    and d.project_table_count = 0
    and not exists (
        select 1 from {{ ref('dim_budget_table') }} as t
        where t.document_id = d.document_id
    )
