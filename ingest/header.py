"""Project table header fields (项目名称 …), read from the labelled rows of a segmented table."""

from __future__ import annotations

import re

from ingest import grammar

_LEADING_LABEL = re.compile(r"^\s*项目名称\s*[:：]?")


def parse_project_name(line: str) -> str | None:
    """The value of a `项目名称` row: the first cell after the label (TAB rows) or the rest of the line."""
    rest = _LEADING_LABEL.sub("", grammar.clean_text(line), count=1)
    cells = grammar.split_cells(rest)
    if not cells:
        return None
    return cells[0] if "\t" in rest else grammar.clean_text(rest)
