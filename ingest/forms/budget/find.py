"""Where the department budget tables (预算公开表1-13, and the 支出预算 block of the 整体支出 form) are: each table
found by its title (vocabulary of grammar.budget), and running to the next title or the end of the budget part."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.grammar import budget as bg
from ingest.grammar.labels import is_project_table_title
from ingest.grammar.text import clean_text, contains_spaced, squeeze


@dataclass(frozen=True)
class FoundTable:
    title_line: int  # 1-based position
    end_line: int
    title: str
    table_type: str


def title_of(line: str) -> tuple[str, str] | None:
    text, _ = bg.undouble_line(clean_text(line))
    compact = squeeze(text)
    if bg.PERFORMANCE_WORD in compact or not bg.TABLE_TITLE.match(compact):
        return None
    table_type = bg.table_type_of(compact)
    return (compact, table_type) if table_type else None


def find_budget_tables(lines: tuple[str, ...]) -> list[FoundTable]:
    starts: list[tuple[int, str, str]] = []
    for i, line in enumerate(lines):
        if bg.TITLE_WORD not in line or len(line) > 120:
            continue
        if contains_spaced(line, bg.OVERALL_WORD) and bg.OVERALL_TITLE.search(squeeze(line)) and \
                not line.rstrip()[-1:].isdigit():
            starts.append((i, squeeze(line), "overall_expenditure_targets"))
            continue
        found = title_of(line)
        if not found:
            continue
        # The doubled or repeated title of the same table a few lines below its numbered title is not a new table.
        # Counted in non-blank lines: some conversions put a blank line after every line.
        if starts and starts[-1][2] == found[1] and \
                sum(1 for j in range(starts[-1][0] + 1, i) if lines[j].strip()) <= 5:
            continue
        starts.append((i, found[0], found[1]))
    tables = []
    for n, (start, title, table_type) in enumerate(starts):
        limit = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(lines) - 1
        end = limit
        for j in range(start + 1, limit + 1):
            text = squeeze(lines[j])
            if bg.BUDGET_SECTION_END.match(text) or is_project_table_title(lines[j]):
                end = j - 1
                break
        tables.append(FoundTable(start + 1, end + 1, title, table_type))
    return tables
