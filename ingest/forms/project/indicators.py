"""Indicator grid of a project table -> indicator records with parsed targets, both periods matched by name."""

from __future__ import annotations

from ingest.forms.project.indicator_cells import parse_cell_grid
from ingest.forms.project.indicator_columns import find_column_layout, parse_column_grid
from ingest.forms.project.indicator_rows import GridParse, IndicatorRow
from ingest.forms.project.indicator_text import parse_text_grid
from ingest.grammar.text import squeeze
from ingest.grammar.values import parse_target
from ingest.records import Indicator


def parse_indicator_grid(lines: tuple[str, ...], first: int, last: int) -> GridParse:
    """Grid lines first..last (0-based, inclusive): by column where a heading row names each column once (PDF
    grids, workbooks); else TAB cells when most grid lines carry TABs, else text lines."""
    layout = find_column_layout(lines, first, last)
    if layout is not None:
        return parse_column_grid(lines, first, last, layout)
    non_blank = [line for line in lines[first: last + 1] if line.strip()]
    tabbed = sum("\t" in line for line in non_blank)
    if non_blank and tabbed * 2 >= len(non_blank):
        return parse_cell_grid(lines, first, last)
    return parse_text_grid(lines, first, last)


def full_names(rows: list[IndicatorRow]) -> dict[int, str]:
    """Where one period prints a truncated prefix of the other period's name, both get the full name.
    Returns {id(row): full name} for the rows whose name was completed."""
    completed: dict[int, str] = {}
    impl = [r for r in rows if r.period == "implementation" and not r.is_placeholder]
    annual = [r for r in rows if r.period == "annual" and not r.is_placeholder]
    used: set[int] = set()
    for a in annual:
        a_name = squeeze(a.name)
        if not a_name:
            # A blank annual name: the implementation row of the same category and target names it.
            twin = next((i for i in impl if id(i) not in used and i.level2 == a.level2
                         and squeeze(i.target_text) == squeeze(a.target_text)), None)
            if twin is not None:
                completed[id(a)] = twin.name
                used.add(id(twin))
            continue
        for i in impl:
            if id(i) in used or i.level2 != a.level2:
                continue
            i_name = squeeze(i.name)
            if i_name == a_name:
                used.add(id(i))
                break
            if i_name.startswith(a_name):
                completed[id(a)] = i.name
                used.add(id(i))
                break
            if a_name.startswith(i_name):
                completed[id(i)] = a.name
                used.add(id(i))
                break
    return completed


def indicator_records(project_id: str, document_id: str, source_file: str, grid: GridParse) -> list[Indicator]:
    completed = full_names(grid.rows)
    out = []
    for row in grid.rows:
        target = parse_target(row.target_text)
        out.append(Indicator(
            indicator_id=f"{project_id}:{row.period[0]}{row.position + 1}", project_id=project_id,
            document_id=document_id, source_file=source_file, period=row.period, position=row.position + 1,
            level1=row.level1, level1_printed=row.level1_printed, level2=row.level2, level2_printed=row.level2_printed,
            indicator_name=completed.get(id(row), row.name), indicator_name_as_printed=row.name,
            target_text=target.text, comparator=target.comparator, target_value=target.value,
            target_unit=target.unit, value_kind=target.kind, target_value_yuan=target.value_yuan, weight=row.weight,
            is_placeholder=row.is_placeholder, source_line=row.source_line))
    return out
