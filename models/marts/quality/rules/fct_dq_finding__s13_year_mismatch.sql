-- Rule S13: see seeds/validation_rules.csv. One row per failing object:
-- a year that disagrees with the year of the document.
-- The text check `year_mismatch` of ingest/forms/text_checks.py finds it; this model reports it.
select
    'S13' as rule_id,
    source_file,
    source_line,
    source_page,
    'text' as object_type,
    text_finding_id as object_id,
    'a year that disagrees with the year of the document: ' || found as message,
    expected,
    found as actual,
    null::double as difference,
    quote
from {{ ref('stg_ingest__text_findings') }}
where text_check = 'year_mismatch'
