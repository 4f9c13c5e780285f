"""PDF (with a text layer) -> Document, with pdfplumber (pdfminer.six underneath; no system package needed).

Per page: the tables drawn with ruling lines, as grids of cells (merged cells with their spans, wrapped cell text
joined), and the text lines outside them (titles, `单位：元`, `编制部门：…`, narrative), in reading order from the top.
A page without a usable text layer (a scan, or text that extracts as `(cid:123)` / U+FFFD) is reported and left
out; a document with no usable page at all is rejected (`needs_ocr`).
"""

from __future__ import annotations

import io
import traceback
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from ingest.grammar.text import cell_text
from ingest.grid.assemble import Block, TablePart, TextLine, assemble_document
from ingest.grid.model import Cell, Document
from ingest.readers.errors import DAMAGED, EMPTY, ENCRYPTED, NEEDS_OCR, UnreadableDocument
from ingest.settings import PDF, PdfSettings


@dataclass
class _PageContent:
    """What pdfplumber returned for one page, before it is put in reading order."""

    tables: list[tuple[tuple[float, ...], list[list[Cell | None]]]]  # (column edges: lefts then the right, grid)
    table_tops: list[float]
    text_lines: list[tuple[float, str]]  # (top, text) outside the tables
    characters: int  # non-blank characters on the page
    unusable: int  # of which (cid:123) or U+FFFD
    images: int


def _spans(table) -> list[list[Cell | None]]:
    """The table's cells with their spans. pdfplumber aligns each row on the distinct left edges of all cells and
    puts None where no cell starts: a merged cell spans the columns (rows) whose left edge (top) it covers."""
    texts = table.extract()
    xs = sorted({cell[0] for cell in table.cells})
    tops = sorted({cell[1] for cell in table.cells})
    grid: list[list[Cell | None]] = []
    for row, row_texts in zip(table.rows, texts, strict=True):
        cells: list[Cell | None] = []
        for bbox, text in zip(row.cells, row_texts, strict=True):
            if bbox is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = bbox
            col_span = sum(1 for x in xs if x0 <= x < x1 - 0.5) or 1
            row_span = sum(1 for y in tops if top <= y < bottom - 0.5) or 1
            cells.append(Cell(cell_text(text), row_span, col_span))
        grid.append(cells)
    return grid


def _is_white(color) -> bool:
    """A fill or stroke colour that does not show on paper: white in gray, RGB or CMYK."""
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:  # CMYK: no ink
        return all(v <= 0.05 for v in color)
    return all(v >= 0.95 for v in color)


def _visible(obj) -> bool:
    """Graphics that draw a rule on the page. Spreadsheet exports fill every cell with a white rectangle, framed
    or not: those edges are not printed, and taken as rules they would pull titles into the table below them."""
    if obj.get("object_type") not in ("rect", "line", "curve"):
        return True
    stroked = obj.get("stroke") and not _is_white(obj.get("stroking_color"))
    filled = obj.get("fill") and not _is_white(obj.get("non_stroking_color"))
    return bool(stroked or filled)


def _read_page(page, settings: PdfSettings) -> _PageContent:
    graphics = page.rects + page.lines + page.curves
    ruled = page if all(_visible(o) for o in graphics) else page.filter(_visible)
    found = ruled.find_tables(settings.table_settings)
    boxes = [t.bbox for t in found]
    tables = [(tuple(sorted({cell[0] for cell in t.cells})) + (t.bbox[2],), _spans(t)) for t in found]

    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    view = page.filter(outside_tables) if boxes else page
    lines = view.extract_text_lines(strip=True, return_chars=True, y_tolerance=settings.text_line_y_tolerance)
    text_lines = [(top, text) for top, text in _printed_lines(lines, settings) if text.strip()]
    texts = [c["text"] for c in page.chars if c["text"].strip()]
    unusable = sum(1 for t in texts if t.startswith("(cid:") or "\ufffd" in t)
    return _PageContent(tables, [t.bbox[1] for t in found], text_lines, len(texts), unusable, len(page.images))


def _printed_lines(lines: list[dict], settings: PdfSettings) -> list[tuple[float, str]]:
    """(top, text) of the printed lines: text lines that share most of their height are one line (the figures of
    a sentence set in another font, a little lower), their characters in reading order."""
    groups: list[list[dict]] = []
    for line in sorted(lines, key=lambda item: item["top"]):
        if groups:
            last = groups[-1]
            top, bottom = min(x["top"] for x in last), max(x["bottom"] for x in last)
            overlap = min(bottom, line["bottom"]) - max(top, line["top"])
            height = min(bottom - top, line["bottom"] - line["top"])
            if height > 0 and overlap >= settings.text_line_overlap * height:
                last.append(line)
                continue
        groups.append([line])
    out = []
    for group in groups:
        if len(group) == 1:
            out.append((group[0]["top"], group[0]["text"]))
            continue
        chars = sorted((c for line in group for c in line["chars"] if c["text"].strip()), key=lambda c: c["x0"])
        text = ""
        for previous, char in zip([None, *chars], chars, strict=False):
            if previous is not None and char["x0"] - previous["x1"] > settings.text_space_gap:
                text += " "
            text += char["text"]
        out.append((min(line["top"] for line in group), text))
    return out


def _page_blocks(number: int, content: _PageContent) -> list[Block]:
    """Text lines and tables of one page from the top, each line and table row numbered on the page."""
    items: list[tuple[float, int, object]] = [(top, 0, text) for top, text in content.text_lines]
    items += [(top, 1, (edges, grid)) for top, (edges, grid) in zip(content.table_tops, content.tables, strict=True)]
    blocks: list[Block] = []
    line = 0
    for _, kind, item in sorted(items, key=lambda it: (it[0], it[1])):
        if kind == 0:
            line += 1
            blocks.append(TextLine(number, line, item))
            continue
        edges, grid = item
        rows = []
        for cells in grid:
            line += 1
            rows.append((number, line, tuple(cells)))
        blocks.append(TablePart(rows, edges=edges))
    return blocks


_INGEST_DIR = str(Path(__file__).resolve().parent.parent)


def _raised_here(exc: Exception) -> bool:
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and frames[-1].filename.startswith(_INGEST_DIR)


def _open_error(exc: Exception) -> UnreadableDocument:
    # pdfplumber wraps pdfminer's own errors (PdfminerException(original)): judge by the original.
    while exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    if isinstance(exc, PDFPasswordIncorrect):
        return UnreadableDocument("a password-protected PDF: it cannot be opened without its password", ENCRYPTED)
    if isinstance(exc, PDFEncryptionError):
        return UnreadableDocument(f"an encrypted PDF whose encryption is not supported ({exc})", ENCRYPTED)
    return UnreadableDocument(f"a damaged PDF that cannot be parsed ({type(exc).__name__}: {str(exc)[:120]})",
                              DAMAGED)


def read_pdf(source_file: str, document_id: str, data: bytes, sha256: str,
             settings: PdfSettings = PDF) -> Document:
    contents: list[_PageContent] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                contents.append(_read_page(page, settings))
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files; each is a damaged PDF
        if _raised_here(exc):
            raise  # a bug of ours, not a property of the file
        raise _open_error(exc) from None
    blocks: list[Block] = []
    problems: list[tuple[int, str, str]] = []
    for number, content in enumerate(contents, start=1):
        if content.characters and content.unusable >= settings.unusable_text_share * content.characters:
            problems.append((number, NEEDS_OCR, f"page {number}: {content.unusable} of {content.characters} "
                                                "characters have no Unicode mapping ((cid:…) or U+FFFD)"))
            continue
        if not content.characters:
            if content.images:
                problems.append((number, NEEDS_OCR, f"page {number}: no text layer, {content.images} image(s): "
                                                    "a scanned page"))
            continue
        blocks += _page_blocks(number, content)
    if not blocks:
        if problems:
            raise UnreadableDocument(f"no usable text layer on any of its {len(contents)} pages "
                                     f"({problems[0][2]}): it needs OCR", NEEDS_OCR)
        raise UnreadableDocument(f"a PDF of {len(contents)} pages without any text", EMPTY)
    return assemble_document(blocks, source_file=source_file, document_id=document_id, size_bytes=len(data),
                             sha256=sha256, file_format="pdf", page_count=len(contents),
                             edge_tolerance=settings.continuation_edge_tolerance, page_problems=tuple(problems))
