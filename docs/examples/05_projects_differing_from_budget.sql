-- Project tables whose annual amount differs from their line in the 项目支出预算表 (or that have no line).
select source_file, source_line, project_name, budget_project_name, table_amount_yuan, budget_amount_yuan,
    difference_yuan, match_method
from marts.fct_project_budget_reconciliation
where not coalesce(is_within_50_yuan, false)
order by source_file, source_line
