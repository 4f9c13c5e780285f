-- Rule A10: see seeds/validation_rules.csv. One row per failing object.
select
    'A10' as rule_id,
    findings.*
from (
    {{ budget_identity_findings("checks.tier = 'error' and checks.scope = 'within_table'") }}
) as findings
