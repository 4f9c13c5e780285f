with framework as (
    select * from {{ ref('indicator_framework') }}
)

select
    level2,
    level1,
    level2_en,
    level1_en,
    framework
from framework
