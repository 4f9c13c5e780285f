-- Rule T06: see seeds/validation_rules.csv. One row per failing object:
-- calls itself by the other kind (单位预算 / 部门预算).
-- The text check `self_name` of ingest/forms/text_checks.py finds it; this model reports it.
select
    'T06' as rule_id,
    source_file,
    source_line,
    source_page,
    'text' as object_type,
    text_finding_id as object_id,
    'calls itself by the other kind (单位预算 / 部门预算): ' || found as message,
    expected,
    found as actual,
    null::double as difference,
    quote
from {{ ref('stg_ingest__text_findings') }}
where text_check = 'self_name'
