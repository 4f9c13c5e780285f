-- One row per canonical budget table type, with the title vocabulary (seeds/budget_table_types.csv) that the
-- parsers map onto it and the templates printing such titles.
with aliases as (
    select * from {{ ref('budget_table_types') }}
)

select
    table_type,
    any_value(type_label_zh) as type_label_zh,
    any_value(type_label_en) as type_label_en,
    string_agg(title_words, '; ') as title_words,
    string_agg(distinct template, ' ') as templates,
    string_agg(example_title, '; ') as example_titles
from aliases
group by table_type
