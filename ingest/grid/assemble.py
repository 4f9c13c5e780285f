"""From what a paged reader saw (text lines and table parts, page by page) to a Document.

This is where a table printed over several pages becomes one table, for every paged format alike. A table part that
is the first thing on its page (page numbers aside) continues the table that was the last thing on the page before
when its columns are columns of that table: the same edges where the reader knows them (PDF), else as many columns.
A page holding only the 合计 row may print fewer columns; its cells are then placed by their edges. A part that
opens with a caption row (one cell across the whole width: a title printed inside the frame) is a table of its own,
such as the next copy of a form printed one per page. Header rows the continuation repeats (the first rows of the
table, printed again at the top of the page) are dropped; the line numbers of the page still count them, so every
kept row points at the row where it is printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.grammar.text import is_page_furniture
from ingest.grid.model import Cell, Document, Table, row_line

Row = tuple[Cell | None, ...]


@dataclass
class TextLine:
    page: int
    line: int  # 1-based line on its page
    text: str


@dataclass
class TablePart:
    """Rows of a table as a reader found them on one page (a DOCX table may run over page breaks: each row keeps
    its own page and line)."""

    rows: list[tuple[int, int, Row]]  # (page, line on that page, cells)
    # Where the format has geometry (PDF): the x of each grid column's left edge, then the table's right edge.
    edges: tuple[float, ...] | None = None
    header_rows_dropped: int = 0

    @property
    def column_count(self) -> int:
        return max((len(cells) for _, _, cells in self.rows), default=0)

    @property
    def has_text(self) -> bool:
        return any(cell is not None and cell.text for _, _, cells in self.rows for cell in cells)


Block = TextLine | TablePart


def _texts(cells: Row) -> list[str]:
    return [cell.text if cell else "" for cell in cells]


def _starts_with_caption(part: TablePart) -> bool:
    """The part's first row with text is one cell across the whole width: a title printed inside the frame, so
    the part is a table (or another copy of a form) of its own, not the rest of the one before."""
    for _, _, cells in part.rows:
        filled = [cell for cell in cells if cell is not None and cell.text]
        if filled:
            return len(filled) == 1 and filled[0].col_span >= part.column_count
    return False


def _nearest(edges: tuple[float, ...], x: float, tolerance: float) -> int | None:
    index = min(range(len(edges)), key=lambda i: abs(edges[i] - x))
    return index if abs(edges[index] - x) <= tolerance else None


def _aligned(before: TablePart, after: TablePart, tolerance: float) -> list[tuple[int, int, Row]] | None:
    """The continuation's rows on the columns of the table it continues, or None when its column edges are not
    edges of that table. A part may have fewer columns than the table (a page holding only the 合计 row, whose
    label cell spans the code and name columns): its cells are placed by their edges."""
    if before.edges is None or after.edges is None:
        return after.rows if after.column_count == before.column_count else None
    index = [_nearest(before.edges, x, tolerance) for x in after.edges]
    if None in index or index[0] != 0 or index[-1] != len(before.edges) - 1:
        return None
    rows = []
    for page, line, cells in after.rows:
        placed: list[Cell | None] = [None] * (len(before.edges) - 1)
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            start, end = index[c], index[min(c + cell.col_span, len(index) - 1)]
            placed[start] = Cell(cell.text, cell.row_span, max(1, end - start))
            for covered in range(start + 1, end):
                placed[covered] = None
        rows.append((page, line, tuple(placed)))
    return rows


def _continuation(before: TablePart, after: TablePart, tolerance: float) -> list[tuple[int, int, Row]] | None:
    """The rows of `after` as rows of `before` when `after` continues it on the next page, else None."""
    if after.rows[0][0] != before.rows[-1][0] + 1 or _starts_with_caption(after):
        return None
    return _aligned(before, after, tolerance)


def _repeated_header(table: TablePart, continuation: list[tuple[int, int, Row]]) -> int:
    """How many leading rows of the continuation repeat the table's own leading rows."""
    k = 0
    while (k < len(continuation) - 1 and k < len(table.rows)
           and _texts(continuation[k][2]) == _texts(table.rows[k][2])):
        k += 1
    return k


def join_continued_tables(blocks: list[Block], edge_tolerance: float) -> list[Block]:
    """Blocks in reading order with continued tables joined into their first part (page furniture that stood
    between the parts follows the joined table)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, TablePart) and not block.has_text:
            continue  # a ruled frame with nothing in it (the bottom border of a table drawn on the next page)
        if isinstance(block, TablePart):
            between = len(out)
            while between and isinstance(out[between - 1], TextLine) and is_page_furniture(out[between - 1].text):
                between -= 1
            previous = out[between - 1] if between else None
            first_on_page = all(b.page != block.rows[0][0] for b in out[between:])
            rows = _continuation(previous, block, edge_tolerance) \
                if isinstance(previous, TablePart) and first_on_page else None
            if rows is not None:
                k = _repeated_header(previous, rows)
                previous.rows.extend(rows[k:])
                previous.header_rows_dropped += k
                continue
        out.append(block)
    return out


def assemble_document(blocks: list[Block], *, source_file: str, document_id: str, size_bytes: int, sha256: str,
                      file_format: str, page_count: int, edge_tolerance: float,
                      page_problems: tuple[tuple[int, str, str], ...] = ()) -> Document:
    lines: list[str] = []
    origins: list[tuple[int, int]] = []
    tables: list[Table] = []
    for block in join_continued_tables(blocks, edge_tolerance):
        if isinstance(block, TextLine):
            lines.append(block.text)
            origins.append((block.page, block.line))
            continue
        first = len(lines) + 1
        for page, line, cells in block.rows:
            lines.append(row_line(cells))
            origins.append((page, line))
        tables.append(Table(tuple(cells for _, _, cells in block.rows), first, block.header_rows_dropped,
                            tuple(sorted({page for page, _, _ in block.rows}))))
    return Document(source_file, document_id, size_bytes, sha256, file_format, tuple(lines), tuple(tables),
                    page_count=page_count, origins=tuple(origins), page_problems=page_problems)
