-- The three projects with the largest annual funding in each region (reprinted copies and unit conflicts left out).
select region_name, project_name, annual_total_yuan
from marts.dim_project
where not is_duplicate_copy and not has_unit_conflict and annual_total_yuan is not null
qualify row_number() over (partition by region_name order by annual_total_yuan desc, project_id) <= 3
order by region_name, annual_total_yuan desc
