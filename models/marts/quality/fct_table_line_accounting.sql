-- Every non-blank line of a recognised table is loaded, structure or rejected (with a reason): nothing is dropped.
with table_lines as (
    select * from {{ ref('stg_ingest__table_lines') }}
),

per_table as (
    select
        table_id,
        any_value(document_id) as document_id,
        any_value(source_file) as source_file,
        any_value(table_kind) as table_kind,
        min(first_line) as first_line,
        any_value(first_page) as first_page,
        max(last_line) as last_line,
        any_value(last_page) as last_page,
        sum(line_count)::bigint as lines_in_table,
        coalesce(sum(line_count) filter (where line_role = 'loaded'), 0)::bigint as lines_loaded,
        coalesce(sum(line_count) filter (where line_role = 'structure'), 0)::bigint as lines_structure,
        coalesce(sum(line_count) filter (where line_role = 'rejected'), 0)::bigint as lines_rejected,
        coalesce(sum(line_count) filter (where status = 'unaccounted'), 0)::bigint as lines_unaccounted,
        string_agg(distinct reason, ', ' order by reason) filter (where line_role = 'rejected') as reject_reasons
    from table_lines
    group by table_id
)

select
    table_id,
    document_id,
    source_file,
    table_kind,
    first_line,
    first_page,
    last_line,
    last_page,
    lines_in_table,
    lines_loaded,
    lines_structure,
    lines_rejected,
    lines_unaccounted,
    reject_reasons
from per_table
