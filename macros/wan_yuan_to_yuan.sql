{#- An amount printed in 万元, in 元. Budget tables are printed in 万元: staging converts their amounts once
    (stg_ingest__budget_lines.amount_yuan) and every later model reads that column. -#}
{% macro wan_yuan_to_yuan(amount) -%}
    ({{ amount }} * 10000)
{%- endmacro %}
