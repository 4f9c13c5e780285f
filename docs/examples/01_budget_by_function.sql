-- Budget by functional class (类) per department: expenditure (表3 合计) in 万元.
select department_name, class_code, classification_name, amount_wan_yuan
from marts.fct_budget_by_function
where table_type = 'expenditure_summary' and measure = '合计' and classification_level = '类'
order by department_name, class_code
