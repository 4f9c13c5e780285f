-- Rule S12: see seeds/validation_rules.csv. One row per failing object: unbalanced quotation marks.
-- The text check `unbalanced_quotes` of ingest/forms/text_checks.py finds it; this model reports it.
select
    'S12' as rule_id,
    source_file,
    source_line,
    source_page,
    'text' as object_type,
    text_finding_id as object_id,
    'unbalanced quotation marks: ' || found as message,
    expected,
    found as actual,
    null::double as difference,
    quote
from {{ ref('stg_ingest__text_findings') }}
where text_check = 'unbalanced_quotes'
