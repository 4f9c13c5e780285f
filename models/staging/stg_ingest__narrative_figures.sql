with source as (
    select * from {{ source('ingest', 'narrative_figures') }}
)

select
    narrative_figure_id,
    part_of_figure_id,
    document_id,
    source_file,
    source_line,
    section,
    label,
    refers_to_label,
    topic,
    cast(value as decimal(18, 4)) as value,
    unit,
    figure_text
from source
