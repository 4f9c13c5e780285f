-- One row per canonical fund source of the project funding block (seeds/fund_sources.csv): the code that
-- fct_project_funding.fund_source holds, its Chinese label and the labels printed for it, its English meaning and
-- the forms that print it. The period's total (资金总额) is a row too, flagged is_total: not a source.
with fund_sources as (
    select * from {{ ref('fund_sources') }}
)

select
    fund_source,
    label_zh,
    printed_labels,
    description_en,
    form_family,
    fund_source = 'total' as is_total
from fund_sources
