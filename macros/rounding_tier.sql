{#- Tier of an arithmetic identity's difference, in the unit the figures are printed in: rounding of one printed
    step (0.01 万元, or 1 元: tables in 元 print some cells rounded to the 元) per extra addend is published reality
    and reported as a warning; anything larger is an error. -#}
{% macro rounding_tier(difference, addends, unit="'万元'") -%}
    case
        when {{ difference }} = 0 then 'exact'
        when abs({{ difference }}) <= {{ rounding_step(unit) }} * greatest({{ addends }} - 1, 1) then 'rounding'
        else 'error'
    end
{%- endmacro %}

{#- The tolerance of one printed step in this unit: 1 元, 0.01 (万元, counts), or 0.1 point for a percentage the
    narrative recomputes (its figures are already compared as intervals of their printed precision). -#}
{% macro rounding_step(unit) -%}
    (case {{ unit }} when '元' then 1 when '%' then 0.1 else 0.01 end)
{%- endmacro %}
