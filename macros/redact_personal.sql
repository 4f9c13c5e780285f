{#- A quote with the personal data a form footer carries taken out: phone numbers, and the names after 联系人 /
    负责人 / 经办人 / 填报人 / 审核人 (the marts never hold officials' names or numbers). -#}
{% macro redact_personal(text) -%}
    regexp_replace(
        regexp_replace(
            {{ text }},
            '(联系人|负责人|经办人|填报人|审核人|联系电话|电话)\s*[：:]\s*[^\s，,；;。]{1,12}', '\1：[略]', 'g'),
        '(\d{3,4}[-－]\d{7,8}|1[3-9]\d{9})', '[略]', 'g')
{%- endmacro %}
