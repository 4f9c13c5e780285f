{#- An amount in the unit its table states (元 or 万元), in 元. Staging converts budget amounts once
    (stg_ingest__budget_lines.amount_yuan) and every later model reads that column. -#}
{% macro to_yuan(amount, unit) -%}
    (case {{ unit }} when '万元' then {{ amount }} * 10000 when '元' then {{ amount }} end)
{%- endmacro %}
