{#- Number of positions at which two strings of equal character length differ (null when lengths differ).
    DuckDB's levenshtein() counts bytes, so one changed CJK character would count as three. -#}
{% macro char_differences(a, b) -%}
    case when length({{ a }}) = length({{ b }}) then
        len(list_filter(list_zip(string_split({{ a }}, ''), string_split({{ b }}, '')), lambda pair: pair[1] <> pair[2]))
    end
{%- endmacro %}
