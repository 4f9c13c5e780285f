-- Rule T01: see seeds/validation_rules.csv. One row per failing object.
select
    'T01' as rule_id,
    findings.*
from (
    {{ budget_identity_findings(
        "checks.tier = 'error' and checks.scope = 'text_vs_table' and checks.identity not in ("
        ~ narrative_percent_identities() ~ ")"
    ) }}
) as findings
