-- Expenditure by functional classification per department, in 万元, without double counting: one table and one
-- measure (expenditure_total, the 合计 column of the 支出总表), and one level of the code (类), or the codes no
-- printed code breaks down (not is_aggregate_row): both give the table's printed 合计, to the 0.01 万元 the tables
-- round to. Adding every row counts each amount once per level it is printed at (all_rows_wan_yuan).
with by_function as (
    select
        document_id,
        department_name,
        fiscal_year,
        phase,
        round(sum(amount_wan_yuan) filter (where classification_level = '类'), 2) as by_class_wan_yuan,
        round(sum(amount_wan_yuan) filter (where not is_aggregate_row), 2) as by_lowest_code_wan_yuan,
        round(sum(amount_wan_yuan), 2) as all_rows_wan_yuan
    from marts.fct_budget_by_function
    where measure = 'expenditure_total'
    group by all
),

printed_totals as (
    select document_id, phase, round(max(amount_wan_yuan), 2) as printed_total_wan_yuan
    from marts.fct_budget_line
    where table_type = 'expenditure_summary' and is_total_row and is_total_column
    group by all
)

select
    b.department_name,
    b.fiscal_year,
    b.phase,
    b.by_class_wan_yuan,
    b.by_lowest_code_wan_yuan,
    t.printed_total_wan_yuan,
    b.all_rows_wan_yuan
from by_function as b
left join printed_totals as t using (document_id, phase)
order by b.department_name, b.fiscal_year, b.phase
