-- One row per project table that reprints an earlier table of the same document.
-- A copy has the same department, the same totals, a name equal up to one character (`业务工作经费` /
-- `业务工作经历`), a compatible implementing unit (equal, or blank in one copy) and the same set of numbers in its
-- indicator grid (which survives re-wrapping and truncated names, but not revised targets). Same-name projects of
-- different units or amounts (13 schools' 城乡义务教育生均公用经费) are not copies.
with projects as (
    select
        tables.project_id,
        tables.document_id,
        (coalesce(tables.source_page, 0), tables.source_line) as printed_at,
        tables.project_name,
        coalesce(tables.department_code, tables.department_name) as department_key,
        tables.implementing_unit,
        tables.grid_number_set,
        totals.implementation_total_yuan,
        totals.annual_total_yuan
    from {{ ref('stg_ingest__project_tables') }} as tables
    left join {{ ref('int_project__funding_totals') }} as totals
        on tables.project_id = totals.project_id
),

matching_pairs as (
    select
        later.project_id,
        earlier.project_id as earlier_project_id,
        earlier.printed_at as earlier_printed_at
    from projects as later
    inner join projects as earlier
        on
            later.document_id = earlier.document_id
            and later.printed_at > earlier.printed_at
            and later.department_key = earlier.department_key
            and later.annual_total_yuan = earlier.annual_total_yuan
            and later.implementation_total_yuan is not distinct from earlier.implementation_total_yuan
            and later.grid_number_set = earlier.grid_number_set
            and (
                later.project_name = earlier.project_name
                or {{ char_differences('later.project_name', 'earlier.project_name') }} <= 1
            )
            and (
                later.implementing_unit is null
                or earlier.implementing_unit is null
                or later.implementing_unit = earlier.implementing_unit
            )
)

select
    project_id,
    arg_min(earlier_project_id, earlier_printed_at) as duplicate_of_project_id,
    count(*) as earlier_matches
from matching_pairs
group by project_id
