"""The rows of a raw file that is not loaded (unreadable, empty, a repeat of another file): its reject and its
manifest entry. Loaded documents get theirs from ingest.forms.document."""

from __future__ import annotations

from pathlib import Path

from ingest.forms.result import ParseResult
from ingest.grid.model import Document
from ingest.readers.errors import EMPTY, UnreadableDocument
from ingest.records import FileRecord


def rejected_file(name: str, size: int, sha256: str, status: str, reason: str, detail: str, *,
                  duplicate_of: str | None = None, file_format: str | None = None, doc: Document | None = None,
                  ) -> ParseResult:
    out = ParseResult()
    out.reject(Path(name).stem, name, None, None, "read", reason, detail)
    out.files.append(FileRecord(
        source_file=name, document_id=Path(name).stem, size_bytes=size, sha256=sha256, file_format=file_format,
        encoding=doc.encoding if doc else None, line_count=len(doc.lines) if doc else None,
        page_count=doc.page_count if doc else None, status=status, duplicate_of=duplicate_of, detail=detail))
    return out


def is_empty(doc: Document) -> bool:
    return not any(line.strip() for line in doc.lines)


def empty_file(doc: Document) -> ParseResult:
    return rejected_file(doc.source_file, doc.size_bytes, doc.sha256, "empty", EMPTY,
                         f"no text ({doc.size_bytes} bytes)", file_format=doc.file_format, doc=doc)


def unreadable_file(name: str, data: bytes, sha256: str, exc: UnreadableDocument) -> ParseResult:
    status = "empty" if exc.reason == EMPTY else "unreadable"
    return rejected_file(name, len(data), sha256, status, exc.reason, exc.detail, file_format=exc.file_format)
