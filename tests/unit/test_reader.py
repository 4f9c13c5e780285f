import pytest

from ingest.readers import UnreadableDocument, read_path
from ingest.readers.text import decode_bytes, split_lines

TEXT = "项目名称\t测试项目\n主管部门及代码\t001-某局\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_decode_bytes_gives_the_same_text_in_every_encoding(data, encoding):
    text, used = decode_bytes(data)
    assert text == TEXT
    assert used == encoding


def test_binary_content_is_rejected_with_a_reason():
    with pytest.raises(UnreadableDocument, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_do_not_depend_on_the_line_convention(newline):
    lines = ["标题", "", "项目名称 A", "last line without newline"]
    assert split_lines(newline.join(lines)) == tuple(lines)


def test_a_final_line_without_newline_is_counted_and_a_final_newline_adds_none():
    assert len(split_lines("a\nb")) == 2
    assert len(split_lines("a\nb\n")) == 2


def test_form_feed_does_not_split_a_line():
    # str.splitlines() would split here and shift every later line number.
    assert split_lines("a\x0cb\nc") == ("a\x0cb", "c")


def test_read_document_keeps_lineage_facts(tmp_path):
    path = tmp_path / "county_2024.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    doc = read_path(path)
    assert doc.source_file == "county_2024.txt"
    assert doc.document_id == "county_2024"
    assert doc.encoding == "gb18030"
    assert doc.lines[0] == "项目名称\t测试项目"
    assert doc.size_bytes == path.stat().st_size
    assert len(doc.sha256) == 64
