{#- Generic test: every row satisfies a SQL boolean expression (a dbt_utils stand-in; the package hub is offline). -#}
{% test expression_is_true(model, expression, where=none) %}
    select *
    from {{ model }}
    where
        not coalesce(({{ expression }}), false)
        {% if where %}and ({{ where }}){% endif %}
{% endtest %}
