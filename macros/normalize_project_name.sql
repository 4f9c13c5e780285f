{#- A project name reduced for fuzzy matching between a performance table and the budget's project list:
    no whitespace or quotes/brackets, no leading year (`23年`, `2023 年度`), no trailing 费用/发放/经费/资金/项目. -#}
{% macro normalize_project_name(name) -%}
    regexp_replace(
        regexp_replace(
            regexp_replace({{ name }}, '[\s“”"''（）()《》]', '', 'g'),
            '^(20)?[0-9]{2}年度?', ''),
        '(费用|发放|经费|资金|项目|费)+$', '')
{%- endmacro %}
