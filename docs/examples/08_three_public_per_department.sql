-- 三公经费 (three public expenses) per department, in 万元, each item once. 公务用车购置及运行费 sums its
-- 购置费 and 运行（维护）费 rows (is_aggregate_row) and the 合计 row sums them all (is_total_row): adding every row
-- counts the cars twice (all_rows_wan_yuan). The items' sum is set beside the printed 合计. The 合计 column of the
-- table (is_total_column); Shanghai's form prints the items as the columns of one row instead (its 小计 column
-- is_aggregate_column), which this query shows as its printed total only.
select
    d.publisher_name as department_name,
    l.fiscal_year,
    round(sum(l.amount_wan_yuan) filter (where not l.is_total_row and not l.is_aggregate_row), 2) as items_wan_yuan,
    round(sum(l.amount_wan_yuan) filter (where l.is_total_row), 2) as printed_total_wan_yuan,
    round(sum(l.amount_wan_yuan) filter (where not l.is_total_row), 2) as all_rows_wan_yuan
from marts.fct_budget_line as l
join marts.dim_document as d using (document_id)
where l.table_type = 'three_public' and l.is_total_column
group by all
order by department_name, l.fiscal_year
