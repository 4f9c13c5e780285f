-- Rule A12: see seeds/validation_rules.csv. One row per failing object.
with named as (
    select
        project_id,
        source_file,
        source_line,
        source_page,
        project_name,
        annual_total_yuan,
        try_cast(regexp_extract(project_name, '([0-9]+(\.[0-9]+)?)\s*万', 1) as decimal(18, 4)) as name_amount_wan_yuan
    from {{ ref('dim_project') }}
    where regexp_matches(project_name, '[0-9]+(\.[0-9]+)?\s*万')
),

in_yuan as (
    select
        *,
        {{ to_yuan('name_amount_wan_yuan', "'万元'") }} as name_amount_yuan
    from named
)

select
    'A12' as rule_id,
    source_file,
    source_line,
    source_page,
    'project' as object_type,
    project_id as object_id,
    project_name || ': the amount in the name differs from the funding' as message,
    name_amount_yuan::varchar as expected,
    annual_total_yuan::varchar as actual,
    (annual_total_yuan - name_amount_yuan)::double as difference,
    null::varchar as quote
from in_yuan
where annual_total_yuan is not null and abs(annual_total_yuan - name_amount_yuan) > 0.01 * name_amount_yuan
