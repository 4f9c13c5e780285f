-- Rule A14: see seeds/validation_rules.csv. One row per failing object.
-- (the 政府性基金 identities of a table declared empty are A11's)
select
    'A14' as rule_id,
    findings.*
from (
    {{ budget_identity_findings(
        "checks.tier = 'error' and checks.scope = 'cross_table' and checks.identity not like 'fund%'"
    ) }}
) as findings
