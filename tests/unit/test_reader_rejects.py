"""Files that cannot be read are rejected with a reason a user can act on, whatever their format, and the rest of
the folder is built. Every file here is made by the test."""

from __future__ import annotations

import io
import zipfile

import polars as pl
import pytest
from pypdf import PdfReader, PdfWriter

from ingest.corpus import ingest_directory
from ingest.readers import UnreadableDocument, read_bytes
from tests.forms import tab_table
from tests.pdf_maker import Page, pdf_bytes, scanned_pdf_bytes

TEXT_PAGE = (Page().text(50, 40, "2024年支出总表", 14)
             .table([["科目编码", "科目名称", "合计"], ["201", "一般公共服务支出", "12.50"]], top=80))
UNMAPPED_PAGE = Page(unmapped_text=True).text(50, 40, "2024年支出总表", 14).text(50, 80, "单位：万元")


def _encrypted(user_password: str, owner_password: str = "owner") -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes([TEXT_PAGE]))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _ole(*stream_names: str) -> bytes:
    """The start of an OLE compound file with the named streams in its directory (what the sniffer looks at)."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in stream_names)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + directory


def _mixed_pdf() -> bytes:
    """A text page, then a scanned page."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes([TEXT_PAGE]))))
    writer.append(PdfReader(io.BytesIO(scanned_pdf_bytes(1))))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SAMPLE_PDF = pdf_bytes([TEXT_PAGE])
REJECTED = {
    "password.pdf": (_encrypted("secret"), "encrypted", "password-protected PDF"),
    "truncated.pdf": (SAMPLE_PDF[: len(SAMPLE_PDF) // 3], "damaged", "damaged PDF"),
    "garbage.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "damaged", "damaged PDF"),
    "scan.pdf": (scanned_pdf_bytes(2), "needs_ocr", "no text layer"),
    "cid.pdf": (pdf_bytes([UNMAPPED_PAGE]), "needs_ocr", "no Unicode mapping"),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "needs_ocr", "an image (PNG)"),
    "archive.zip": (_zip({"notes.txt": b"hello"}), "unsupported_format", "not a DOCX or workbook"),
    "letter.rtf": (rb"{\rtf1\ansi 2024}", "unsupported_format", "Rich Text Format"),
    "old.doc": (_ole("Root Entry", "WordDocument"), "unsupported_format", "Word 97-2003"),
    "locked.xlsx": (_ole("Root Entry", "EncryptedPackage"), "encrypted", "password-protected Office file"),
    "broken.docx": (_zip({"word/document.xml": b"<w:document"})[:-30], "damaged", "ZIP container"),
    "broken.xlsx": (_zip({"xl/workbook.xml": b"<not-a-workbook", "[Content_Types].xml": b"<x"}), "damaged",
                    "damaged XLSX"),
    "noise.bin": (b"\x00\x01\x02binary\x00", "unreadable_document", "binary content"),
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_a_file_that_cannot_be_read_says_why(name):
    data, reason, words = REJECTED[name]
    with pytest.raises(UnreadableDocument) as caught:
        read_bytes(name, data)
    assert caught.value.reason == reason
    assert words in caught.value.detail


def test_a_pdf_with_only_an_owner_password_opens_as_published():
    doc = read_bytes("owner_only.pdf", _encrypted(user_password=""))
    assert "201\t一般公共服务支出\t12.50" in doc.lines


def test_a_scanned_page_among_text_pages_is_reported_and_the_rest_is_read():
    doc = read_bytes("mixed.pdf", _mixed_pdf())
    assert doc.page_count == 2 and doc.tables[0].pages == (1,)
    assert [(page, reason) for page, reason, _ in doc.page_problems] == [(2, "needs_ocr")]


def test_every_rejected_file_is_a_reject_and_a_manifest_entry_and_the_rest_is_built(tmp_path):
    for name, (data, _, _) in REJECTED.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("\n".join(tab_table("甲项目")), encoding="utf-8")
    (tmp_path / "mixed.pdf").write_bytes(_mixed_pdf())
    tables = ingest_directory(tmp_path, workers=1).tables

    rejects = tables["rejects"].filter(pl.col("stage") == "read")
    assert dict(rejects.select("source_file", "reason").rows()) == {
        **{name: reason for name, (_, reason, _) in REJECTED.items()}, "mixed.pdf": "needs_ocr"}
    assert rejects.filter(pl.col("source_file") == "mixed.pdf")["source_page"].to_list() == [2]
    files = tables["files"]
    statuses = dict(files.select("source_file", "status").rows())
    assert {statuses[name] for name in REJECTED} == {"unreadable"}
    assert statuses["good.txt"] == statuses["mixed.pdf"] == "loaded"
    formats = dict(files.select("source_file", "file_format").rows())
    assert (formats["password.pdf"], formats["broken.xlsx"], formats["old.doc"]) == ("pdf", "xlsx", None)
    assert tables["project_tables"]["source_file"].to_list() == ["good.txt"]
    assert set(tables["documents"]["source_file"]) == {"good.txt", "mixed.pdf"}
