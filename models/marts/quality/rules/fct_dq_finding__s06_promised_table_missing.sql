-- Rule S06: see seeds/validation_rules.csv. One row per failing object:
-- the contents list promises a table the document does not print.
-- The text check `missing_table` of ingest/forms/text_checks.py finds it; this model reports it.
select
    'S06' as rule_id,
    source_file,
    source_line,
    source_page,
    'text' as object_type,
    text_finding_id as object_id,
    'the contents list promises a table the document does not print: ' || found as message,
    expected,
    found as actual,
    null::double as difference,
    quote
from {{ ref('stg_ingest__text_findings') }}
where text_check = 'missing_table'
