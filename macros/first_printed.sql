{#- The first amount printed (by page, then line) among the lines that meet a condition, and where it is printed:
    two columns, `<name>` (元) and `<name>_at` (`12` or `p3:12`). For aggregates over budget lines with
    `printed_at` and `source_ref` (int_budget__headline_figures). -#}
{% macro first_printed(name, condition) -%}
    arg_min(amount_yuan, printed_at) filter (where {{ condition }}) as {{ name }},
    arg_min(source_ref, printed_at) filter (where {{ condition }}) as {{ name }}_at
{%- endmacro %}
