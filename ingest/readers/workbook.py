"""Workbooks (XLSX, XLS, XLSB, ODS) -> Document, with python-calamine.

Each visible sheet is a page (its number in the workbook); each sheet row a line (its row number in the sheet).
Within a sheet, a run of non-blank rows holding a row of two or more cells is a table (merged ranges give the
spans); the rows above and below it with a single cell, in the first column (titles, `单位：万元`, notes), are text
lines. Cells are read
as their values: a number as its shortest decimal form (a cell showing `6.00` is read as `6`: the display format is
not part of the value), a date as `YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime as dt
import io

import python_calamine as calamine

from ingest.grammar.text import cell_text
from ingest.grid.assemble import Block, TablePart, TextLine, assemble_document
from ingest.grid.model import Cell, Document
from ingest.readers.errors import DAMAGED, EMPTY, ENCRYPTED, UnreadableDocument
from ingest.settings import PDF


def value_text(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return cell_text(str(value))


def _sheet_blocks(page: int, sheet) -> list[Block]:
    values = sheet.to_python(skip_empty_area=True)
    if not values:
        return []
    first_row, first_col = sheet.start
    width = max(len(row) for row in values)
    grid: list[list[Cell | None]] = [[Cell(value_text(v)) for v in row] + [Cell("")] * (width - len(row))
                                     for row in values]
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        r0, r1, c0, c1 = r0 - first_row, r1 - first_row, c0 - first_col, c1 - first_col
        if not (0 <= r0 < len(grid) and 0 <= c0 < width):
            continue
        grid[r0][c0] = Cell(grid[r0][c0].text, r1 - r0 + 1, c1 - c0 + 1)
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                if (r, c) != (r0, c0):
                    grid[r][c] = None
    filled = [sum(1 for cell in row if cell and cell.text) for row in grid]
    # Rows above the used area are blank lines of the sheet: line numbers stay the sheet's row numbers.
    blocks: list[Block] = [TextLine(page, row, "") for row in range(1, first_row + 1)]
    r = 0
    while r < len(grid):
        if not filled[r]:
            blocks.append(TextLine(page, first_row + r + 1, ""))
            r += 1
            continue
        end = r
        while end + 1 < len(grid) and filled[end + 1]:
            end += 1
        # Rows of one cell in the first column above and below the table are its title, unit and notes; a lone
        # cell further right sits in a column of the table (a label indented by columns, as the exports print).
        wide = [i for i in range(r, end + 1) if filled[i] >= 2]
        placed = [i for i in range(r, end + 1) if filled[i] >= 2 or not (grid[i][0] and grid[i][0].text)]
        table_first, table_last = (placed[0], placed[-1]) if wide else (end + 1, end)
        for i in range(r, end + 1):
            if table_first <= i <= table_last:
                if i == table_first:
                    rows = [(page, first_row + k + 1, tuple(grid[k])) for k in range(table_first, table_last + 1)]
                    blocks.append(TablePart(rows))
                continue
            text = next(cell.text for cell in grid[i] if cell and cell.text)
            blocks.append(TextLine(page, first_row + i + 1, text))
        r = end + 1
    return blocks


def read_workbook(source_file: str, document_id: str, data: bytes, sha256: str, file_format: str) -> Document:
    blocks: list[Block] = []
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = book.sheets_metadata
        for index, meta in enumerate(sheets):
            if meta.visible != calamine.SheetVisibleEnum.Visible:
                continue
            blocks += _sheet_blocks(index + 1, book.get_sheet_by_index(index))
    except calamine.PasswordError:
        raise UnreadableDocument("a password-protected workbook: save it without a password", ENCRYPTED) from None
    except calamine.CalamineError as exc:
        raise UnreadableDocument(f"a damaged {file_format.upper()} workbook that cannot be parsed "
                                 f"({type(exc).__name__}: {str(exc)[:120]})", DAMAGED) from None
    if not any(isinstance(b, TablePart) or b.text for b in blocks):
        raise UnreadableDocument(f"a {file_format.upper()} workbook without any text in its visible sheets", EMPTY)
    return assemble_document(blocks, source_file=source_file, document_id=document_id, size_bytes=len(data),
                             sha256=sha256, file_format=file_format, page_count=len(sheets),
                             edge_tolerance=PDF.continuation_edge_tolerance)
