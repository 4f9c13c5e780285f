{#- One name contains the other and the shorter is not a mere stem (at least 4 characters and half the longer):
    `化工园区气防站建设` in `开发区化工园区气防站建设`, but not `工作` in `新中国成立前参加工作退休老工人津贴`. -#}
{% macro substantially_contains(a, b) -%}
    (
        (contains({{ a }}, {{ b }}) or contains({{ b }}, {{ a }}))
        and least(length({{ a }}), length({{ b }})) >= 4
        and least(length({{ a }}), length({{ b }})) * 2 >= greatest(length({{ a }}), length({{ b }}))
    )
{%- endmacro %}
