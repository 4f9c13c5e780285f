"""The project-table form parser: one segmented project performance table -> its project, funding and indicator
records, with the line accounting of every line of the table."""

from __future__ import annotations

from ingest.forms.line_accounting import account_table
from ingest.forms.project.header import parse_project_name, read_project_header
from ingest.forms.project.indicators import indicator_records, parse_indicator_grid
from ingest.forms.project.segment import TableSegment
from ingest.forms.result import ParseResult
from ingest.grammar import header as hg
from ingest.grammar.text import squeeze
from ingest.grid.model import Document
from ingest.records import ProjectFunding, ProjectTable

_GRID_COUNTS = ("grid_lines", "grid_lines_indicator", "grid_lines_label", "grid_lines_placeholder",
                "grid_lines_rejected")


def _truncated(doc: Document, seg: TableSegment) -> ParseResult:
    """A title without a 项目名称 row: nothing to load, every line of it a reject."""
    out = ParseResult()
    out.reject(doc.document_id, doc.source_file, seg.title_line, seg.end_line, "segment", "truncated_table",
               "project table title without a 项目名称 row")
    statuses = {seg.title_line: "title"}
    statuses.update(dict.fromkeys(range(seg.title_line + 1, seg.end_line + 1), "truncated_table"))
    account_table(doc, out, f"{doc.document_id}:{seg.title_line}", "project", seg.title_line, seg.end_line,
                  statuses, dict.fromkeys(statuses, "truncated_table"))
    return out


def parse_project_table(doc: Document, seg: TableSegment) -> ParseResult:
    """Header, funding and indicator grid of one segmented table."""
    if seg.name_line is None:
        return _truncated(doc, seg)
    out = ParseResult()
    doc_id, source_file = doc.document_id, doc.source_file
    project_id = f"{doc_id}:{seg.name_line}"
    statuses = dict.fromkeys(range(seg.title_line, seg.name_line), "title")
    header = read_project_header(doc.lines, seg)
    out.project_funding += [
        ProjectFunding(project_id=project_id, document_id=doc_id, source_file=source_file, period=a.period,
                       fund_source=a.fund_source, fund_source_label=a.fund_source_label,
                       amount_as_printed=a.amount_as_printed, amount_value=a.amount_value, unit=a.unit,
                       amount_yuan=a.amount_yuan, unit_conflict=a.unit_conflict, source_line=a.source_line)
        for a in header.funding
    ]
    for line, reason, detail in header.issues:
        out.reject(doc_id, source_file, line, line, "project_table", reason, f"{project_id}: {detail}")
    grid_counts = dict.fromkeys(_GRID_COUNTS, 0)
    grid_starts_at_heading = None
    grid_line = header.fields.get("grid_line")
    has_footer = seg.end_reason == "footer"
    header_end = (grid_line - 1) if grid_line else seg.end_line - (1 if has_footer else 0)
    statuses.update(dict.fromkeys(range(seg.name_line, header_end + 1), "header"))
    if has_footer:
        statuses[seg.end_line] = "footer"
    reasons: dict[int, str] = {}
    if grid_line:
        last = seg.end_line - 1 - (1 if has_footer else 0)
        grid = parse_indicator_grid(doc.lines, grid_line - 1, last)
        out.indicators += indicator_records(project_id, doc_id, source_file, grid)
        grid_counts["grid_lines"] = sum(1 for line in doc.lines[grid_line - 1: last + 1] if line.strip())
        for status in grid.line_status.values():
            grid_counts["grid_lines_rejected" if status == "reject" else f"grid_lines_{status}"] += 1
        statuses.update(grid.line_status)
        reasons.update({line: reason for line, reason, _ in grid.rejects})
        for line, reason, detail in grid.rejects:
            out.reject(doc_id, source_file, line, line, "indicator_grid", reason, f"{project_id}: {detail}")
        grid_starts_at_heading = bool(hg.GRID_HEADING.match(squeeze(doc.lines[grid_line - 1])))
        if not grid_starts_at_heading:
            # missing indicator categories cannot be told from a grid cut from its top (rules I01-I03 skip it)
            out.reject(doc_id, source_file, grid_line, grid_line, "indicator_grid", "grid_without_heading",
                       f"{project_id}: the grid starts at {squeeze(doc.lines[grid_line - 1])[:20]!r}, "
                       "without its heading or first category")
    else:
        out.reject(doc_id, source_file, seg.name_line, seg.end_line, "indicator_grid", "truncated_table",
                   f"{project_id}: no indicator grid in the table")
    account_table(doc, out, project_id, "project", seg.title_line, seg.end_line, statuses, reasons)
    out.project_tables.append(ProjectTable(
        project_id=project_id, document_id=doc_id, source_file=source_file, title_line=seg.title_line,
        source_line=seg.name_line, source_line_end=seg.end_line, title=seg.title, year_printed=seg.year_printed,
        end_reason=seg.end_reason, project_name=parse_project_name(doc.lines[seg.name_line - 1]),
        grid_starts_at_heading=grid_starts_at_heading, **header.fields, **grid_counts))
    return out
