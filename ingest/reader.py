"""Read one raw document: bytes -> decoded text -> numbered lines."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

# Encodings tried in order when no BOM is present. GB18030 is a superset of GBK/GB2312.
_FALLBACK_ENCODINGS = ("utf-8", "gb18030")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class UnreadableDocument(ValueError):
    """The file cannot be decoded as text."""


@dataclass(frozen=True)
class RawDocument:
    source_file: str  # the file's name, as stored
    document_id: str  # the file name without its extension
    size_bytes: int
    sha256: str
    encoding: str
    lines: tuple[str, ...]  # lines[0] is line 1


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


def document_from_bytes(source_file: str, data: bytes, sha256: str | None = None) -> RawDocument:
    text, encoding = decode_bytes(data)
    return RawDocument(
        source_file=source_file,
        document_id=Path(source_file).stem,
        size_bytes=len(data),
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        lines=split_lines(text),
    )


def read_document(path: Path) -> RawDocument:
    return document_from_bytes(path.name, path.read_bytes())
