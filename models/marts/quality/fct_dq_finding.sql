-- One row per failure of one validation rule on one object, each pointing at its source file, page and line.
-- The rules are the catalog seeds/validation_rules.csv (dim_validation_rule): each row names its model under
-- models/marts/quality/rules/. The pipeline passes the catalog's models as the var dq_rule_models
-- (pipeline/dbt.py), so adding a rule is its model and its catalog row, and nothing here.
{%- set rule_models = var('dq_rule_models', []) %}
{%- if execute and not rule_models %}
    {{- exceptions.raise_compiler_error(
        "fct_dq_finding unites the models of the rule catalog (seeds/validation_rules.csv), which dbt receives "
        "as the var dq_rule_models: run dbt with `make dbt ARGS=...` (python -m pipeline dbt), which passes it") }}
{%- endif %}

with findings as (
    {%- for model in rule_models %}
        select
            rule_id,
            source_file,
            source_line,
            source_page,
            object_type,
            object_id,
            message,
            expected,
            actual,
            difference,
            quote
        from {{ ref(model) }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

rules as (
    select * from {{ ref('dim_validation_rule') }}
)

select
    md5(concat_ws('|', findings.rule_id, findings.object_id, findings.source_file, findings.source_line::varchar))
        as finding_id,
    findings.rule_id,
    rules.severity,
    rules.category,
    findings.source_file,
    findings.source_line,
    findings.source_page,
    findings.object_type,
    findings.object_id,
    findings.message,
    findings.expected,
    findings.actual,
    findings.difference,
    -- the text at the line, as printed (shortened), without personal data
    left({{ redact_personal('findings.quote') }}, 120) as quote
from findings
inner join rules
    on findings.rule_id = rules.rule_id
