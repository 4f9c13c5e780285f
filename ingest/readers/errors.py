"""Why a raw file cannot be read. The reason is a stable code (it lands in `fct_parse_reject.reason`); the detail
says what was seen, in words a user can act on."""

from __future__ import annotations

# Reasons a whole file is not loaded (the `read` stage of the rejects table).
UNREADABLE = "unreadable_document"  # text that decodes as no known encoding, or binary data of no known format
UNSUPPORTED = "unsupported_format"  # a known format that is not a published-document format we read (RTF, .doc …)
ENCRYPTED = "encrypted"  # a password-protected PDF or Office file
DAMAGED = "damaged"  # a PDF, DOCX or workbook whose structure cannot be parsed (truncated, corrupted)
NEEDS_OCR = "needs_ocr"  # no text layer (a scan or an image), or text that extracts as (cid:123) / U+FFFD
EMPTY = "empty_document"  # no text at all


class UnreadableDocument(ValueError):
    """The file cannot be read; `reason` is one of the codes above."""

    def __init__(self, detail: str, reason: str = UNREADABLE, file_format: str | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.file_format = file_format  # the format the file was recognised as, when it was
