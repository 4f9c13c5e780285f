"""Text dumps of published documents (what someone extracted from a PDF/DOCX/XLS): bytes -> decoded text ->
numbered lines. A run of consecutive lines with TAB-separated cells (a DOCX export) is a table of the grid model;
pdftotext dumps have no cells, so their tables are left to the form parsers' text stitchers."""

from __future__ import annotations

import hashlib

from ingest.grid.model import Cell, Document, Table
from ingest.readers.errors import UnreadableDocument

# Encodings tried in order when no BOM is present. GB18030 is a superset of GBK/GB2312.
_FALLBACK_ENCODINGS = ("utf-8", "gb18030")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise UnreadableDocument for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(f"invalid {name} after its byte-order mark: {exc.reason} "
                                         f"at byte {exc.start}") from None
    if b"\x00" in data:
        raise UnreadableDocument("binary content (NUL bytes) and no UTF-16 byte-order mark")
    for name in _FALLBACK_ENCODINGS:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument("not decodable as UTF-8 or GB18030")


def split_lines(text: str) -> tuple[str, ...]:
    """Split on LF, CRLF or CR only (str.splitlines also splits on form feeds and
    other separators, which would shift line numbers against `sed -n Np`).
    A final line without a newline still counts."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def tab_tables(lines: tuple[str, ...]) -> tuple[Table, ...]:
    """Every maximal run of lines holding TAB-separated cells, as a table (cells as printed, no spans known)."""
    tables: list[Table] = []
    run: list[tuple[Cell, ...]] = []
    for position, line in enumerate(lines, start=1):
        if "\t" in line:
            # Trailing empty cells are what the export left behind, not columns of the table.
            run.append(tuple(Cell(text.strip()) for text in line.rstrip(" \t\u3000").split("\t")))
            continue
        if run:
            tables.append(Table(tuple(run), position - len(run)))
            run = []
    if run:
        tables.append(Table(tuple(run), len(lines) - len(run) + 1))
    return tuple(tables)


def read_text(source_file: str, document_id: str, data: bytes, sha256: str) -> Document:
    text, encoding = decode_bytes(data)
    lines = split_lines(text)
    return Document(source_file, document_id, len(data), sha256, "text", lines, tab_tables(lines),
                    encoding=encoding)


def document_of_lines(lines: tuple[str, ...] | list[str], source_file: str = "document.txt") -> Document:
    """A text document from lines already split (excerpts in tests, generated corpora): as if read from UTF-8."""
    lines = tuple(lines)
    data = "\n".join(lines).encode("utf-8")
    return Document(source_file, source_file.rsplit(".", 1)[0], len(data), hashlib.sha256(data).hexdigest(), "text",
                    lines, tab_tables(lines), encoding="utf-8")
