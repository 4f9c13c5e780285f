"""The vocabulary and grammars of the forms, in one place: every document parser uses these.

- `text`: cleaning and squeezing cells and lines;
- `labels`: structural labels (titles, year lines, footers, section headings, regions);
- `header`: the labels of a project table's header and funding block, tolerant of line breaks inside labels;
- `numbers`: amounts with separators, spaces and units, normalized to 元;
- `dates`: the form footers' 填报日期.

Patterns key on the printed vocabulary of the standard Shanxi forms, never on a file's name or position.
"""

from ingest.grammar.labels import (  # noqa: F401
    DISCLOSURE_COVER,
    DISCLOSURE_WORD,
    FOOTER,
    PROJECT_NAME_LABEL,
    PROJECT_TABLE_TITLE,
    SECTION_END,
    TITLE_REGION,
    YEAR_LINE,
    is_footer,
    is_project_table_title,
    is_section_end,
    level_from_region_suffix,
    region_and_level,
)
from ingest.grammar.text import clean_line, clean_text, contains_spaced, split_cells, squeeze  # noqa: F401
