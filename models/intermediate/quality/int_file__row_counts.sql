-- Rows loaded from each raw file, per ingest table, and its rejects.
{%- set counted = {
    'project_tables': 'stg_ingest__project_tables',
    'funding_rows': 'stg_ingest__project_funding',
    'indicator_rows': 'stg_ingest__indicators',
    'budget_tables': 'stg_ingest__budget_tables',
    'budget_line_rows': 'stg_ingest__budget_lines',
    'narrative_figure_rows': 'stg_ingest__narrative_figures',
    'rejects': 'stg_ingest__rejects',
    'source_tables': 'stg_ingest__source_tables',
} %}

with counts as (
    {%- for column, model in counted.items() %}
        select
            source_file,
            '{{ column }}' as counted,
            count(*) as n
        from {{ ref(model) }}
        group by source_file
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

files as (
    select source_file from {{ ref('stg_ingest__files') }}
)

select
    files.source_file,
{%- for column in counted %}
    coalesce(sum(counts.n) filter (where counts.counted = '{{ column }}'), 0)::bigint as {{ column }}
    {{- "," if not loop.last }}
{%- endfor %}
from files
left join counts
    on files.source_file = counts.source_file
group by files.source_file
