-- One row per failure of one validation rule on one object, each pointing at its source file and line.
-- The rules and their severities are the catalog in seeds/validation_rules.csv (dim_validation_rule); each rule
-- is its own model under models/intermediate/dq.
{%- set rule_models = [
    'int_dq__a01_unparsable_amount',
    'int_dq__a02_negative_amount',
    'int_dq__a03_annual_above_implementation',
    'int_dq__a04_sources_do_not_add_up',
    'int_dq__a05_unit_conflict',
    'int_dq__a06_cost_above_funding',
    'int_dq__a07_cost_unit_error',
    'int_dq__a08_project_differs_from_budget_line',
    'int_dq__a09_budget_identity_rounding',
    'int_dq__a10_budget_identity_error',
    'int_dq__a11_empty_table_with_money',
    'int_dq__i01_missing_output',
    'int_dq__i02_missing_benefit',
    'int_dq__i03_missing_satisfaction',
    'int_dq__i04_empty_target',
    'int_dq__i05_placeholder_with_value',
    'int_dq__i06_satisfaction_upper_bound',
    'int_dq__i07_percent_above_100',
    'int_dq__i08_cost_without_money_unit',
    'int_dq__i09_level2_outside_level1',
    'int_dq__i10_periods_disagree',
    'int_dq__s01_project_without_name',
    'int_dq__s02_project_without_department',
    'int_dq__s03_duplicate_copy',
    'int_dq__s04_document_without_tables',
    'int_dq__s05_parser_reject',
    'int_dq__a12_name_amount_differs',
    'int_dq__i11_value_repeats_name',
    'int_dq__i12_number_without_unit',
    'int_dq__a13_incomplete_funding'
] %}

with findings as (
    {%- for model in rule_models %}
    select rule_id, source_file, source_line, source_page, object_type, object_id, message, expected, actual,
        difference
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
    findings.difference
from findings
inner join rules
    on findings.rule_id = rules.rule_id
