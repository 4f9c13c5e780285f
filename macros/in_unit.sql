{#- An amount in 元 restated in the unit of the figure it is compared with: 万元 rounded to the 0.01 that unit
    prints (a table in 元 against a narrative or a table in 万元), or 元 as it is. -#}
{% macro in_unit(amount_yuan, unit) -%}
    (case {{ unit }} when '万元' then round({{ amount_yuan }} / 10000, 2) else {{ amount_yuan }} end)
{%- endmacro %}

{#- The unit two figures are compared in: theirs when they share it, else the coarser 万元. -#}
{% macro common_unit(unit_a, unit_b) -%}
    (case when {{ unit_a }} = {{ unit_b }} then {{ unit_a }} else '万元' end)
{%- endmacro %}
