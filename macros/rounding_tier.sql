{#- Tier of an arithmetic identity's difference: rounding of a cent (0.01 万元) per extra addend is published
    reality and reported as a warning; anything larger is an error. -#}
{% macro rounding_tier(difference, addends) -%}
    case
        when {{ difference }} = 0 then 'exact'
        when abs({{ difference }}) <= 0.01 * greatest({{ addends }} - 1, 1) then 'rounding'
        else 'error'
    end
{%- endmacro %}
