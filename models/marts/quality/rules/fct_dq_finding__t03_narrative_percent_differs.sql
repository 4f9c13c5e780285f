-- Rule T03: see seeds/validation_rules.csv. One row per failing object.
select
    'T03' as rule_id,
    findings.*
from (
    {{ budget_identity_findings(
        "checks.tier = 'error' and checks.identity in (" ~ narrative_percent_identities() ~ ")"
    ) }}
) as findings
