"""The one model of a document that every reader produces and every form parser reads.

A document is a sequence of *lines* in reading order: a text line (a title, `单位：元`, `编制部门：…`, a paragraph) or
one row of a table. Tables are grids of cells with their spans; a table printed over several pages is one table.

- `Document.lines` is the line view the form parsers scan: a text line as it reads, a table row as its cells
  joined by TAB (one entry per grid column, a cell covered by a merged cell as an empty string), so that a row of
  a PDF, DOCX or workbook table reads exactly like a row of the TAB-cell text dumps.
- `Document.tables` keeps the grids themselves: cells with their row and column spans, where each table starts
  and ends in the line view.
- Lineage: a parser speaks of positions in the line view (1-based, like line numbers). `Document.locate` turns a
  position into (page, line) as the warehouse reports it: for a text file (page None, the file's line number); for
  a PDF (page, the line on that page counting text lines and table rows from the top, 1-based); for a DOCX (page,
  the paragraph or table row on that page: pages are known from the page breaks saved in the file); for a
  workbook (sheet number, the row number of the sheet).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    text: str  # whitespace-normalized; line breaks inside the cell joined (no space between CJK characters)
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A grid of cells. `rows[r][c]` is None where the position is covered by a merged cell above or to the left."""

    rows: tuple[tuple[Cell | None, ...], ...]
    first_position: int  # 1-based position of its first row in the document's line view
    header_rows_dropped: int = 0  # header rows repeated on continuation pages and left out of `rows`
    pages: tuple[int, ...] = ()  # the pages it is printed on (empty for text files)

    @property
    def last_position(self) -> int:
        return self.first_position + len(self.rows) - 1

    @property
    def column_count(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        """The grid as text, covered positions as empty strings (what `Document.lines` shows, split into cells)."""
        return [[cell.text if cell else "" for cell in row] for row in self.rows]


def row_line(cells: tuple[Cell | None, ...] | list[Cell | None]) -> str:
    """A table row as one line of the line view: its cells joined by TAB."""
    return "\t".join(cell.text if cell else "" for cell in cells)


@dataclass(frozen=True)
class Document:
    source_file: str  # the file's name, as stored
    document_id: str  # the file name without its extension
    size_bytes: int
    sha256: str
    file_format: str  # text | pdf | docx | xlsx | xls | ods
    lines: tuple[str, ...]  # the line view: lines[0] is position 1
    tables: tuple[Table, ...] = ()
    encoding: str | None = None  # text files: the encoding they were decoded from
    page_count: int | None = None  # paged documents: pages (PDF, DOCX) or sheets (workbook)
    # Paged documents: (page, line on that page) of every position; None for text files (position = line number).
    origins: tuple[tuple[int, int], ...] | None = None
    # Pages that could not be read (no text layer …): (page, reason, detail), reported as rejects.
    page_problems: tuple[tuple[int, str, str], ...] = field(default=())

    @property
    def is_paged(self) -> bool:
        return self.origins is not None

    def locate(self, position: int | None) -> tuple[int | None, int | None]:
        """(source_page, source_line) of a 1-based position of the line view."""
        if position is None or self.origins is None:
            return None, position
        return self.origins[position - 1]
