-- Share of quantitative (numeric or percent) targets per document and department, placeholders left out.
select p.source_file, p.department_name, count(*) as indicators,
    round(100.0 * count(*) filter (where i.value_kind in ('numeric', 'percent')) / count(*), 1) as quantitative_pct
from marts.fct_indicator as i
join marts.dim_project as p using (project_id)
where not i.is_placeholder and p.department_name is not null
group by all
having count(*) >= 40
order by p.source_file, indicators desc, p.department_name
