with codes as (
    select * from {{ ref('functional_classification') }}
)

select
    code,
    name,
    level,
    nullif(parent_code, '') as parent_code,
    dimension,
    left(code, 3) as class_code
from codes
