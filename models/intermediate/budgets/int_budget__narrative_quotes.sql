-- The narrative's words at each line it states a figure on, for findings to quote: the sentence of a
-- classification item or a comparison where one was read there, else the figure with the words before it.
-- One row per document and line (source_ref).
with quotes as (
    select
        document_id,
        source_ref,
        quote,
        1 as preference
    from {{ ref('stg_ingest__narrative_changes') }}
    union all
    select
        document_id,
        source_ref,
        quote,
        2 as preference
    from {{ ref('stg_ingest__narrative_classifications') }}
    union all
    select
        document_id,
        source_ref,
        figure_text as quote,
        3 as preference
    from {{ ref('stg_ingest__narrative_figures') }}
)

select
    document_id,
    source_ref,
    arg_min(quote, preference) as quote
from quotes
group by document_id, source_ref
