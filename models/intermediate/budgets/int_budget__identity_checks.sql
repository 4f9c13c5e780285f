-- One row per arithmetic identity the budget tables should satisfy (survey §6.6), from every family of checks
-- (int_budget__identity_*), with the printed figure (expected), the recomputed one (actual), their difference in
-- the unit they are printed in (unit: 元, 万元, or % for the narrative's percentages) and a rounding tier.
{#- each family and the scope of its identities: within one table, across tables, or the text against the tables -#}
{%- set families = {
    'int_budget__identity_summary_tables': 'within_table',
    'int_budget__identity_row_totals': 'within_table',
    'int_budget__identity_code_hierarchy': 'within_table',
    'int_budget__identity_economic_groups': 'within_table',
    'int_budget__identity_project_items': 'within_table',
    'int_budget__identity_overall_form': 'within_table',
    'int_budget__identity_cross_table': 'cross_table',
    'int_budget__identity_narrative_breakdowns': 'text_vs_table',
    'int_budget__identity_narrative_tables': 'text_vs_table',
    'int_budget__identity_narrative_items': 'text_vs_table',
    'int_budget__identity_narrative_changes': 'text_vs_table',
} %}

with all_checks as (
    {%- for family, scope in families.items() %}
        select
            '{{ scope }}' as scope,
            document_id,
            table_type,
            identity,
            description,
            row_label,
            column_label,
            expected::decimal(38, 2) as expected,
            actual::decimal(38, 2) as actual,
            addends::bigint as addends,
            unit::varchar as unit,
            source_lines
        from {{ ref(family) }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select
    md5(concat_ws('|', document_id, table_type, identity, row_label, column_label, source_lines)) as check_id,
    scope,
    document_id,
    table_type,
    identity,
    description,
    row_label,
    column_label,
    expected,
    actual,
    expected - actual as difference,
    addends,
    unit,
    {{ rounding_tier('expected - actual', 'addends', 'unit') }} as tier,
    source_lines
from all_checks
where expected is not null and actual is not null
