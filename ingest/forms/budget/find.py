"""Where the department budget tables (预算公开表1-13 and the other templates' tables, and the 支出预算 block of the
整体支出 form) are: each table found by its title (vocabulary of grammar.budget and seeds/budget_table_types.csv),
running to the next title or the end of the budget part.

In a paged document (PDF, DOCX, workbook) a title is what stands right above a grid: there the year may be missing
and a number may precede the title, and a line of the table of contents, which prints the same words with no grid
below, is not a title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.grammar import budget as bg
from ingest.grammar.labels import is_project_table_title
from ingest.grammar.text import clean_text, contains_spaced, squeeze
from ingest.grid.model import Table

# How many non-blank lines (the department, the unit, a year) may stand between a title and its grid.
_LINES_ABOVE_GRID = 4


@dataclass(frozen=True)
class FoundTable:
    title_line: int  # 1-based position
    end_line: int
    title: str
    table_type: str
    year: int | None = None  # the year the title prints


def title_of(line: str) -> tuple[str, str] | None:
    found = _title(line, bg.TABLE_TITLE)
    return found[:2] if found else None


def _title(line: str, pattern: re.Pattern[str]) -> tuple[str, str, int | None] | None:
    text, _ = bg.undouble_line(clean_text(line))
    compact = squeeze(text)
    m = pattern.match(compact)
    if bg.PERFORMANCE_WORD in compact or not m:
        return None
    table_type = bg.table_type_of(compact)
    year = m.group("year")
    return (compact, table_type, int(year) if year else None) if table_type else None


def _grid_below(lines: tuple[str, ...], index: int, grid_starts: list[tuple[int, int]]) -> bool:
    """Whether a grid holds the line (a title printed in the table's top row) or starts within a few non-blank
    lines below it, with no other title between (a table of contents lists titles one below the other). `index`
    is 0-based; grids are (first, last) positions."""
    position = index + 1
    if any(first <= position <= last for first, last in grid_starts):
        return True
    below = 0
    for j in range(index + 1, len(lines)):
        if any(first == j + 1 for first, _ in grid_starts):
            return True
        if lines[j].strip():
            below += 1
            if below > _LINES_ABOVE_GRID or (bg.TITLE_WORD in lines[j] and _title(lines[j], bg.PAGED_TITLE)):
                return False
    return False


def find_budget_tables(lines: tuple[str, ...], grids: tuple[Table, ...] | None = None) -> list[FoundTable]:
    """The budget tables of a document's line view; `grids` are the tables of a paged document (None for a text
    file, whose titles must print their year)."""
    grid_starts = [(g.first_position, g.last_position) for g in grids or ()]
    starts: list[tuple[int, str, str, int | None]] = []
    for i, line in enumerate(lines):
        if bg.TITLE_WORD not in line or len(line) > 120:
            continue
        if contains_spaced(line, bg.OVERALL_WORD) and bg.OVERALL_TITLE.search(squeeze(line)) and \
                not line.rstrip()[-1:].isdigit():
            starts.append((i, squeeze(line), "overall_expenditure_targets", None))
            continue
        found = _title(line, bg.PAGED_TITLE if grids is not None else bg.TABLE_TITLE)
        if not found or (grids is not None and not _grid_below(lines, i, grid_starts)):
            continue
        # The doubled or repeated title of the same table a few lines below its numbered title is not a new table.
        # Counted in non-blank lines: some conversions put a blank line after every line.
        if starts and starts[-1][2] == found[1] and \
                sum(1 for j in range(starts[-1][0] + 1, i) if lines[j].strip()) <= 5:
            continue
        starts.append((i, *found))
    tables = []
    for n, (start, title, table_type, year) in enumerate(starts):
        limit = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(lines) - 1
        end = limit
        for j in range(start + 1, limit + 1):
            text = squeeze(lines[j])
            if bg.BUDGET_SECTION_END.match(text) or is_project_table_title(lines[j]):
                end = j - 1
                break
        tables.append(FoundTable(start + 1, end + 1, title, table_type, year))
    return tables
