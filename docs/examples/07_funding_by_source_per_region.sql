-- Annual project funding by fund source per region, in 元, counting every amount once: the period's printed total
-- is a row of its own (is_total) and is left out, figures that contradict their stated unit (1950000 under a
-- （万元） label) have no trusted_amount_yuan, and tables reprinted in the same document are left out.
select
    p.region_name,
    f.fund_source,
    s.label_zh as fund_source_label,
    count(f.trusted_amount_yuan) as amounts,
    sum(f.trusted_amount_yuan) as amount_yuan
from marts.fct_project_funding as f
join marts.dim_project as p using (project_id)
join marts.dim_fund_source as s using (fund_source)
where f.period = 'annual' and not f.is_total and not p.is_duplicate_copy
group by all
having count(f.trusted_amount_yuan) > 0
order by p.region_name, amount_yuan desc, f.fund_source
