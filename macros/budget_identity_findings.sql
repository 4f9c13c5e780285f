{#- The findings of the budget identities (fct_budget_reconciliation) that meet a condition, in the columns of a rule
    model after its rule_id: where the identity is printed, what it says, expected, actual, difference, and the
    text at its first line (the narrative's sentence, else the row label). Rules A09, A10, A14, T01 and T03
    are this with their own condition. -#}
{% macro budget_identity_findings(condition) -%}
    select
        checks.source_file,
        checks.source_line,
        checks.source_page,
        'budget_identity' as object_type,
        checks.check_id as object_id,
        checks.description || ' (' || coalesce(checks.row_label, '')
        || coalesce(' / ' || checks.column_label, '') || ')' as message,
        -- the narrative's figures with their unit (万元, %, 个); the tables' in the unit the message's table prints
        checks.expected::varchar || case when checks.scope = 'text_vs_table' then ' ' || checks.unit else '' end
            as expected,
        checks.actual::varchar || case when checks.scope = 'text_vs_table' then ' ' || checks.unit else '' end
            as actual,
        checks.difference::double as difference,
        coalesce(quotes.quote, checks.row_label) as quote
    from {{ ref('fct_budget_reconciliation') }} as checks
    left join {{ ref('int_budget__narrative_quotes') }} as quotes
        on checks.document_id = quotes.document_id and split_part(checks.source_lines, ',', 1) = quotes.source_ref
    where {{ condition }}
{%- endmacro %}

{#- The narrative identities that recompute a percentage or a change (rule T03); its other identities restate an
    amount (rule T01). -#}
{% macro narrative_percent_identities() -%}
    'narrative_change_percent', 'narrative_completion_percent', 'narrative_change_amount', 'narrative_share'
{%- endmacro %}
