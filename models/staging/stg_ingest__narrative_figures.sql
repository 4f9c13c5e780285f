with source as (
    select * from {{ source('ingest', 'narrative_figures') }}
)

select
    narrative_figure_id,
    part_of_figure_id,
    document_id,
    source_file,
    source_line,
    source_page,
    -- where the figure is printed, as one value: `12` (line 12 of a text file) or `p3:12` (line 12 of page 3)
    coalesce('p' || source_page::varchar || ':', '') || source_line::varchar as source_ref,
    section,
    label,
    refers_to_label,
    refers_to_figure_id,
    topic,
    value::decimal(18, 4) as value,
    unit,
    figure_text
from source
