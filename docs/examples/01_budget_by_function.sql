-- Budget by functional class (类) per department: expenditure (表3 合计) in 万元 (to the 0.01 万元 the tables print).
-- Each table states its own unit (unit_stated): amount_yuan and amount_wan_yuan are the same figure in 元 and 万元.
select department_name, class_code, classification_name, round(amount_wan_yuan, 2) as amount_wan_yuan
from marts.fct_budget_by_function
where measure = 'expenditure_total' and classification_level = '类'
order by department_name, class_code
