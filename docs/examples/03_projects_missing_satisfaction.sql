-- Projects that print no satisfaction (满意度) target in a period they fill in.
select p.source_file, p.source_line, p.project_name, s.period
from marts.fct_project_indicator_summary as s
join marts.dim_project as p using (project_id)
where s.is_missing_satisfaction
order by p.source_file, p.source_line, s.period
