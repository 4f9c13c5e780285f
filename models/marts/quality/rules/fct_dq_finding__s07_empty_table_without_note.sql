-- Rule S07: see seeds/validation_rules.csv. One row per failing object.
-- A budget table printed without one amount and without its own note (注：本表无数据 / 故本表为空表): the reader
-- cannot tell an empty table from one whose figures were lost (dim_budget_table.is_declared_empty also counts a
-- table whose every cell is blank; this rule asks for the note).
select
    'S07' as rule_id,
    source_file,
    title_line as source_line,
    title_page as source_page,
    'budget_table' as object_type,
    table_id as object_id,
    table_title || ': no amount and no note saying the table is empty' as message,
    'amounts, or a note (注：本表无数据)' as expected,
    'no amount' as actual,
    null::double as difference,
    table_title as quote
from {{ ref('dim_budget_table') }}
where amount_cells = 0 and empty_note_line is null
