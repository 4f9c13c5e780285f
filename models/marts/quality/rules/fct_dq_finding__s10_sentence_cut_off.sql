-- Rule S10: see seeds/validation_rules.csv. One row per failing object: a sentence cut off.
-- The text check `cut_sentence` of ingest/forms/text_checks.py finds it; this model reports it.
select
    'S10' as rule_id,
    source_file,
    source_line,
    source_page,
    'text' as object_type,
    text_finding_id as object_id,
    'a sentence cut off: ' || found as message,
    expected,
    found as actual,
    null::double as difference,
    quote
from {{ ref('stg_ingest__text_findings') }}
where text_check = 'cut_sentence'
