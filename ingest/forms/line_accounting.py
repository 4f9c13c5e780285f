"""Line accounting of a recognised table: every non-blank line has exactly one status, and every status is either
loaded (part of a loaded row), structure (titles, headings, footers: read, not rows) or rejected (with a reason).

A line no parser claimed is `unaccounted`, which counts as rejected: nothing inside a table is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.forms.result import ParseResult
from ingest.grid.model import Document
from ingest.records import TableLines

# Status -> role. Project tables: title block, header (fields and funding), grid lines, footer. Budget tables:
# title, meta lines (表号, 单位, page numbers), headings, amount rows and the wrapped labels they carry.
LINE_ROLES = {
    "title": "structure",
    "header": "loaded",
    "indicator": "loaded",
    "placeholder": "loaded",
    "label": "structure",
    "footer": "structure",
    "meta": "structure",
    "heading": "structure",
    "amounts": "loaded",
    "wrapped_label": "loaded",
    "reject": "rejected",
    "truncated_table": "rejected",
    "not_parsed": "rejected",
    "unaccounted": "rejected",
}


# The reason of rejected lines whose status says it all.
_STATUS_REASONS = {"not_parsed": "table_part_not_parsed", "truncated_table": "truncated_table",
                   "unaccounted": "unaccounted_line"}


@dataclass(frozen=True)
class StatusCount:
    status: str
    role: str
    reason: str | None
    line_count: int
    first_line: int  # the first line with this status (1-based), to look at an example


def account_lines(lines: tuple[str, ...], first: int, last: int, statuses: dict[int, str],
                  reasons: dict[int, str]) -> tuple[list[StatusCount], list[int]]:
    """Counts per status of the non-blank lines first..last (1-based, inclusive), and the unaccounted lines.

    `statuses` maps a 1-based line to its status; `reasons` the reject reason of rejected lines."""
    counts: dict[tuple[str, str | None], list[int]] = {}
    unaccounted: list[int] = []
    for number in range(first, last + 1):
        if not lines[number - 1].strip():
            continue
        status = statuses.get(number, "unaccounted")
        if status == "unaccounted":
            unaccounted.append(number)
        reason = reasons.get(number, _STATUS_REASONS.get(status)) if LINE_ROLES[status] == "rejected" else None
        entry = counts.setdefault((status, reason), [0, number])
        entry[0] += 1
    out = [StatusCount(status, LINE_ROLES[status], reason, n, line) for (status, reason), (n, line) in counts.items()]
    return sorted(out, key=lambda c: c.first_line), unaccounted


def account_table(doc: Document, out: ParseResult, table_id: str, kind: str, first: int, last: int,
                  statuses: dict[int, str], reasons: dict[int, str]) -> None:
    """Line accounting records of one table; a non-blank line no parser claimed becomes a reject too."""
    counts, unaccounted = account_lines(doc.lines, first, last, statuses, reasons)
    out.table_lines += [
        TableLines(document_id=doc.document_id, source_file=doc.source_file, table_id=table_id, table_kind=kind,
                   first_line=first, last_line=last, status=c.status, line_role=c.role, reason=c.reason,
                   line_count=c.line_count, first_line_with_status=c.first_line)
        for c in counts
    ]
    for line in unaccounted:
        out.reject(doc.document_id, doc.source_file, line, line, "line_accounting", "unaccounted_line",
                   f"{table_id}: no parser read this line: {doc.lines[line - 1].strip()[:60]}")
