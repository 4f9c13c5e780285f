"""Text normalization shared by every parser: cleaning cells, squeezing labels, splitting TAB rows."""

from __future__ import annotations

import re

CELL_OR_LINE = re.compile(r"[\t\n]")  # the separators of a LineStream: cells and lines
NON_SPACE_RUN = re.compile(r"\S+")
SPACE_RUN = re.compile(r"\s+")
# Whitespace that extraction tools leave inside cells: ideographic space, NBSP, thin spaces.
_WIDE_SPACES = re.compile("[\u3000\u00a0\u2002\u2003\u2009]")
# Only the HTML residue known from DOCX conversion; literal `<…>` also occurs in prose (`晋财资<2023>5号`).
_HTML_TAG = re.compile(r"</?p>|<input(?: checked=\"\")? type=\"checkbox\"/>")


def clean_line(text: str) -> str:
    """Known HTML residue removed and exotic spaces made plain; TABs and outer space kept."""
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return _WIDE_SPACES.sub(" ", text)


def clean_text(text: str) -> str:
    """Normalize a cell or line: known HTML residue removed, exotic spaces made plain, outer space stripped."""
    return clean_line(text).strip()


def squeeze(text: str) -> str:
    """Remove every kind of whitespace: labels are compared this way (`绩效 指 标` == `绩效指标`)."""
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return "".join(text.split())


def contains_spaced(line: str, word: str) -> bool:
    """`word` occurs in the line, possibly letter-spaced (`绩 效目标`): a cheap pre-test before a regex."""
    if word in line:
        return True
    # Most lines hold neither end of the word: two substring tests settle them.
    return word[0] in line and word[-1] in line and word in squeeze(line)


def split_cells(line: str) -> list[str]:
    """Non-empty cells of a TAB-separated row; a line without TABs is one cell."""
    return [c for c in (clean_text(part) for part in line.split("\t")) if c]


# A page number between dashes (`- 12 -`), as pdftotext leaves it inside a table.
PAGE_NUMBER = re.compile(r"^[-—–]\s*\d+\s*[-—–]$")
# Page furniture: a page number printed alone on a line (`3`, `- 3 -`, `第3页`, `第 3 页 共 25 页`, `3/25`).
PAGE_FURNITURE = re.compile(r"^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?"
                            r"|\d{1,4}\s*/\s*\d{1,4})$")


def is_page_furniture(line: str) -> bool:
    return len(line) <= 20 and PAGE_FURNITURE.match(line.strip()) is not None


def join_wrapped(pieces: list[str]) -> str:
    """Join text that an extractor wrapped: no space inside CJK text, one space between Latin words or numbers."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
            out += " "
        out += piece
    return out


_LEADING_INDENT = re.compile(r"^[ \t]*(\u3000*)")


def cell_text(raw: str | None) -> str:
    """The text of one table cell as a reader extracted it: lines wrapped inside the cell joined, a TAB (the line
    view's cell separator) made a space, outer space trimmed; the rest as printed, for the parsers to read as they
    read the text exports. Ideographic spaces that indent the cell are kept: they are the level of a row (a 项目
    under its 单位)."""
    if not raw:
        return ""
    indent = _LEADING_INDENT.match(raw).group(1)
    return indent + join_wrapped(raw.replace("\t", " ").split("\n"))
