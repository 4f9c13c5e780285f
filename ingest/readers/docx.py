"""DOCX -> Document, with python-docx: the body's paragraphs and tables in order.

A paragraph is a text line (a line break inside it starts another); a table row is a row of cells, a horizontally
merged cell (`gridSpan`) spanning its columns and a vertically merged one (`vMerge`) its rows. A DOCX has no fixed
pages, but Word records where it broke the pages when it last laid the document out (`lastRenderedPageBreak`), and
authors insert hard page breaks: pages are counted from those, and lines from the top of each page.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from ingest.grammar.text import cell_text
from ingest.grid.assemble import Block, TablePart, TextLine, assemble_document
from ingest.grid.model import Cell, Document
from ingest.readers.errors import DAMAGED, EMPTY, UnreadableDocument
from ingest.settings import PDF

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_RENDERED_BREAK, _BREAK_BEFORE, _SECTION = qn("w:lastRenderedPageBreak"), qn("w:pageBreakBefore"), qn("w:sectPr")
_TYPE, _VAL = qn("w:type"), qn("w:val")


class _Pages:
    """The running page and line number; a break with no text since the last one is the same break (Word marks
    a hard break and the page it starts both)."""

    def __init__(self) -> None:
        self.page, self.line, self.text_since_break = 1, 0, False

    def page_break(self) -> None:
        if self.text_since_break:
            self.page, self.line, self.text_since_break = self.page + 1, 0, False

    def next_line(self) -> tuple[int, int]:
        self.line += 1
        self.text_since_break = True
        return self.page, self.line


def _paragraph_lines(p, pages: _Pages, blocks: list[Block]) -> None:
    ppr = p.pPr
    if ppr is not None and ppr.find(_BREAK_BEFORE) is not None:
        val = ppr.find(_BREAK_BEFORE).get(_VAL)
        if val not in ("0", "false", "off"):
            pages.page_break()
    text = ""

    def flush() -> None:
        nonlocal text
        page, line = pages.next_line()
        blocks.append(TextLine(page, line, text))
        text = ""

    for el in p.iter(_T, _TAB, _BR, _CR, _RENDERED_BREAK):
        if el.tag == _T:
            text += el.text or ""
        elif el.tag == _TAB:
            text += "\t"
        elif el.tag == _RENDERED_BREAK or (el.tag == _BR and el.get(_TYPE) == "page"):
            if text:
                flush()
            pages.page_break()
        else:  # a line break inside the paragraph
            flush()
    flush()
    if ppr is not None and ppr.find(_SECTION) is not None:
        pages.page_break()  # a section break ends the page


def _cell_paragraph_text(tc) -> tuple[str, bool]:
    """The cell's text (paragraphs and nested tables, one line each) and whether Word broke the page inside it."""
    lines = ["".join(t.text or "" for t in p.iter(_T)) for p in tc.iter(_P)]
    broke = next(tc.iter(_RENDERED_BREAK), None) is not None or any(
        br.get(_TYPE) == "page" for br in tc.iter(_BR))
    return cell_text("\n".join(lines)), broke


def _table_part(tbl, pages: _Pages) -> TablePart:
    rows: list[tuple[int, int, tuple[Cell | None, ...]]] = []
    restarts: list[tuple[int, int]] = []  # (row, column) of cells that start a vertical merge
    covered: set[tuple[int, int]] = set()
    for tr in tbl.iterchildren(_TR):
        page, line = pages.next_line()
        cells: list[Cell | None] = []
        trpr = tr.trPr
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        cells += [Cell("")] * (int(before.get(_VAL)) if before is not None else 0)
        broke = False
        for tc in tr.iterchildren(_TC):
            span = tc.grid_span
            column = len(cells)
            text, cell_broke = _cell_paragraph_text(tc)
            broke |= cell_broke
            if tc.vMerge == "continue":
                cells.append(None)
                covered.add((len(rows), column))
            else:
                if tc.vMerge == "restart":
                    restarts.append((len(rows), column))
                cells.append(Cell(text, 1, span))
            cells += [None] * (span - 1)
        rows.append((page, line, tuple(cells)))
        if broke:
            pages.page_break()
    for r, c in restarts:
        span = 1
        while (r + span, c) in covered:
            span += 1
        page, line, cells = rows[r]
        start = cells[c]
        rows[r] = (page, line, cells[:c] + (Cell(start.text, span, start.col_span),) + cells[c + 1:])
    return TablePart(rows)


def read_docx(source_file: str, document_id: str, data: bytes, sha256: str) -> Document:
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise UnreadableDocument(f"a damaged DOCX that cannot be parsed ({type(exc).__name__}: {str(exc)[:120]})",
                                 DAMAGED) from None
    pages = _Pages()
    blocks: list[Block] = []
    for el in body.iterchildren(_P, _TBL):
        if el.tag == _P:
            _paragraph_lines(el, pages, blocks)
        else:
            blocks.append(_table_part(el, pages))
    if not any(isinstance(b, TablePart) or b.text.strip() for b in blocks):
        raise UnreadableDocument("a DOCX without any text", EMPTY)
    return assemble_document(blocks, source_file=source_file, document_id=document_id, size_bytes=len(data),
                             sha256=sha256, file_format="docx", page_count=pages.page,
                             edge_tolerance=PDF.continuation_edge_tolerance)
