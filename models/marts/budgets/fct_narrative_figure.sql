with figures as (
    select * from {{ ref('stg_ingest__narrative_figures') }}
)

select
    narrative_figure_id,
    part_of_figure_id,
    document_id,
    source_file,
    source_line,
    source_page,
    section,
    label,
    refers_to_label,
    topic,
    value,
    unit,
    figure_text
from figures
