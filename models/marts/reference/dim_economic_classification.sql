with codes as (
    select * from {{ ref('economic_classification') }}
)

select
    code,
    name,
    nullif(parent_code, '') as parent_code,
    level
from codes
