-- Rule T05: see seeds/validation_rules.csv. One row per failing object:
-- names itself by another body than its publisher.
-- The text check `publisher_name` of ingest/forms/text_checks.py finds it; this model reports it.
select
    'T05' as rule_id,
    source_file,
    source_line,
    source_page,
    'text' as object_type,
    text_finding_id as object_id,
    'names itself by another body than its publisher: ' || found as message,
    expected,
    found as actual,
    null::double as difference,
    quote
from {{ ref('stg_ingest__text_findings') }}
where text_check = 'publisher_name'
