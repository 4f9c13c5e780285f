"""The labels of a project table's header, found in order in a LineStream of the header (see grammar.header), so
TAB cells, pdftotext lines and labels broken across lines are read by the same code. A field's value is the text
between its label and the next."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.forms.stream import LineStream
from ingest.grammar import header as hg
from ingest.grammar.text import CELL_OR_LINE

# The header fields that hold prose (项目概况, 立项依据, 项目必要性, 保障措施, 实施计划), by key.
TEXT_FIELDS = ("overview", "basis", "necessity", "measures", "plan")


@dataclass(frozen=True)
class HeaderLabel:
    key: str
    start: int
    end: int
    match: re.Match[str]


def find_header_labels(stream: LineStream) -> list[HeaderLabel]:
    found: list[HeaderLabel] = []
    pos = 0
    for spec in hg.HEADER_FIELDS:
        m = spec.pattern.search(stream.text, pos)
        if not m:
            continue
        found.append(HeaderLabel(spec.key, m.start(), m.end(), m))
        if spec.key != "goal_columns":  # the goal column headers print before or after 总体目标
            pos = m.end()
    return sorted(found, key=lambda lab: lab.start)


def pieces(text: str) -> list[str]:
    return [p.strip() for p in CELL_OR_LINE.split(text) if p.strip()]
