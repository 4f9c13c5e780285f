"""Which format a raw file is, from its bytes (never from its name): PDF, DOCX, a workbook, or text."""

from __future__ import annotations

import io
import zipfile

from ingest.readers.errors import DAMAGED, ENCRYPTED, NEEDS_OCR, UNSUPPORTED, UnreadableDocument

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file container of .xls, .doc and encrypted OOXML
_IMAGES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
           (b"GIF87a", "GIF"), (b"GIF89a", "GIF"))


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole_format(data: bytes) -> str:
    """An OLE compound file: a legacy workbook, or something we name in the reject."""
    if _utf16("EncryptedPackage") in data:
        raise UnreadableDocument("a password-protected Office file (EncryptedPackage): save it without a password",
                                 ENCRYPTED)
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    if _utf16("WordDocument") in data:
        raise UnreadableDocument("a Word 97-2003 document (.doc): save it as DOCX or PDF to load it", UNSUPPORTED)
    raise UnreadableDocument("an OLE compound file that is neither a workbook nor a document", UNSUPPORTED)


def _zip_format(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        # The ZIP signature without a readable archive: a truncated DOCX or XLSX most likely.
        raise UnreadableDocument("a ZIP container (DOCX/XLSX) that cannot be opened: truncated or corrupted",
                                 DAMAGED) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
        return "ods"
    if "content.xml" in names:
        raise UnreadableDocument("an OpenDocument text file (.odt): save it as DOCX or PDF to load it", UNSUPPORTED)
    raise UnreadableDocument(f"a ZIP archive that is not a DOCX or workbook ({len(names)} members)", UNSUPPORTED)


def detect_format(data: bytes) -> str:
    """'pdf', 'docx', 'xlsx', 'xlsb', 'ods', 'xls' or 'text' (decoded later, or rejected as unreadable there).

    Raises UnreadableDocument for formats we recognise but do not read."""
    if b"%PDF-" in data[:1024]:  # the header may follow some junk bytes (the PDF specification allows 1024)
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(_OLE):
        return _ole_format(data)
    for magic, name in _IMAGES:
        if data.startswith(magic):
            raise UnreadableDocument(f"an image ({name}), not a document with text: it needs OCR", NEEDS_OCR)
    if data.startswith(b"{\\rtf"):
        raise UnreadableDocument("a Rich Text Format file (.rtf): save it as DOCX or PDF to load it", UNSUPPORTED)
    return "text"
