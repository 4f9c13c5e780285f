-- Rule A09: see seeds/validation_rules.csv. One row per failing object.
select
    'A09' as rule_id,
    findings.*
from (
    {{ budget_identity_findings("checks.tier = 'rounding'") }}
) as findings
