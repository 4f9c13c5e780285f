"""Readers: one per format, each turning a raw file into the grid model (ingest.grid.model.Document).

The format is told from the file's bytes, never from its name. A file that cannot be read raises
UnreadableDocument with a reason code (ingest.readers.errors) that becomes its reject.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.grid.model import Document
from ingest.readers.errors import UnreadableDocument
from ingest.readers.sniff import detect_format

__all__ = ["UnreadableDocument", "read_bytes", "read_path"]


def read_bytes(source_file: str, data: bytes, sha256: str | None = None) -> Document:
    """The Document of a raw file's bytes (`source_file` is the file's name, kept for lineage)."""
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    document_id = Path(source_file).stem
    file_format = detect_format(data)
    try:
        doc = _read(file_format, source_file, document_id, data, sha256)
    except UnreadableDocument as exc:
        exc.file_format = exc.file_format or file_format
        raise
    return doc


def _read(file_format: str, source_file: str, document_id: str, data: bytes, sha256: str) -> Document:
    if file_format == "pdf":
        from ingest.readers.pdf import read_pdf  # imported on first use: text-only corpora never load pdfminer

        return read_pdf(source_file, document_id, data, sha256)
    if file_format == "docx":
        from ingest.readers.docx import read_docx

        return read_docx(source_file, document_id, data, sha256)
    if file_format in ("xlsx", "xls", "xlsb", "ods"):
        from ingest.readers.workbook import read_workbook

        return read_workbook(source_file, document_id, data, sha256, file_format)
    from ingest.readers.text import read_text

    return read_text(source_file, document_id, data, sha256)


def read_path(path: Path) -> Document:
    return read_bytes(path.name, path.read_bytes())
