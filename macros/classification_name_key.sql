{#- A classification name as compared between the narrative, the tables and the reference classification: no
    whitespace and no brackets (`政府办公厅（室）` = `政府办公厅(室)` = `政府办公厅 室`). -#}
{% macro classification_name_key(name) -%}
    regexp_replace({{ name }}, '[\s　（）()]', '', 'g')
{%- endmacro %}
