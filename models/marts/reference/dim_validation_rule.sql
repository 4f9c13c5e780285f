with rules as (
    select * from {{ ref('validation_rules') }}
)

select
    rule_id,
    severity,
    category,
    scope,
    object_type,
    model,
    description
from rules
