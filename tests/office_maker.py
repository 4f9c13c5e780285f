"""DOCX, XLSX and XLS files written by the tests from the lines of a text dump: a run of TAB-cell lines becomes a
table (DOCX) or rows of cells (workbooks), every other line a paragraph or a one-cell row, one line each, so the file
holds what the dump holds, line for line."""

from __future__ import annotations

import io

T = "\t"


def _runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """(is a table, its lines) in order: consecutive TAB-cell lines together, other lines one by one."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        if T in line and runs and runs[-1][0]:
            runs[-1][1].append(line)
        else:
            runs.append((T in line, [line]))
    return runs


def docx_bytes(lines: list[str], page_break_before: set[int] = frozenset()) -> bytes:
    """`page_break_before`: 0-based line indexes that start a new page (a hard page break before them)."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    index = 0
    for is_table, run in _runs(lines):
        if not is_table:
            paragraph = document.add_paragraph()
            if index in page_break_before:
                paragraph.add_run().add_break(WD_BREAK.PAGE)
            paragraph.add_run(run[0])
            index += 1
            continue
        rows = [line.split(T) for line in run]
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        index += len(run)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(lines: list[str], sheets: int = 1) -> bytes:
    """Every line a row of the sheet (its TAB cells in columns A, B, …); with several sheets, the lines are split
    evenly and each sheet restarts at row 1."""
    from openpyxl import Workbook

    book = Workbook()
    per_sheet = -(-len(lines) // sheets)
    for n in range(sheets):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = f"表{n + 1}"
        for r, line in enumerate(lines[n * per_sheet:(n + 1) * per_sheet], start=1):
            for c, text in enumerate(line.split(T), start=1):
                if text:
                    sheet.cell(row=r, column=c, value=text)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes(lines: list[str]) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("表1")
    for r, line in enumerate(lines):
        for c, text in enumerate(line.split(T)):
            if text:
                sheet.write(r, c, text)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
