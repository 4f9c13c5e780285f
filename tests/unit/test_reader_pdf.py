"""The PDF reader on PDFs the tests write: ruled tables as grids with spans, the text around them in reading order,
tables continued over pages joined once (repeated headers dropped), and every line located on its page."""

from __future__ import annotations

import pytest

from ingest.readers import read_bytes
from tests.pdf_maker import Page, pdf_bytes

HEADER = ["科目编码", "科目名称", "合计"]


def _read(*pages: Page):
    return read_bytes("test.pdf", pdf_bytes(list(pages)))


def _lines(doc):
    return [(page, line, text) for (page, line), text in zip(doc.origins, doc.lines, strict=True)]


def test_a_page_reads_as_its_text_and_table_rows_from_the_top():
    page = (Page().text(50, 30, "2024年一般公共预算支出表", 14).text(50, 60, "单位：万元")
            .table([HEADER, ["201", "一般公共服务支出", "12.50"]], top=80)
            .text(50, 140, "注：本表为示例。"))
    doc = _read(page)
    assert _lines(doc) == [
        (1, 1, "2024年一般公共预算支出表"),
        (1, 2, "单位：万元"),
        (1, 3, "科目编码\t科目名称\t合计"),
        (1, 4, "201\t一般公共服务支出\t12.50"),
        (1, 5, "注：本表为示例。"),
    ]
    (table,) = doc.tables
    assert (table.first_position, table.pages, table.column_count) == (3, (1,), 3)
    assert doc.file_format == "pdf" and doc.page_count == 1 and doc.locate(4) == (1, 4)


def test_merged_cells_keep_their_spans_and_cover_the_positions_they_span():
    doc = _read(Page().table([["项目", "支出预算", None], ["科目名称", "基本支出", "项目支出"],
                              ["合计", "1.00", "2.00"]], top=80))
    (table,) = doc.tables
    first = table.rows[0]
    assert (first[1].text, first[1].col_span, first[2]) == ("支出预算", 2, None)
    assert doc.lines[0] == "项目\t支出预算\t"
    assert table.texts()[2] == ["合计", "1.00", "2.00"]


def test_a_table_printed_over_two_pages_is_one_table_with_its_header_once():
    first = (Page().text(50, 30, "2024年支出总表", 14)
             .table([HEADER, ["201", "一般公共服务支出", "12.50"], ["20101", "人大事务", "2.50"]], top=80)
             .text(290, 800, "- 1 -"))
    # The next page prints the header again, then the last rows, the 合计 row alone at the end.
    second = Page().table([HEADER, ["20102", "政协事务", "10.00"], ["合计", None, "12.50"]], top=40)
    doc = _read(first, second)
    (table,) = doc.tables
    assert table.pages == (1, 2) and table.header_rows_dropped == 1
    assert [row[0] for row in table.texts()] == ["科目编码", "201", "20101", "20102", "合计"]
    # Rows are contiguous in the line view; the page number follows the joined table.
    assert _lines(doc)[table.first_position - 1: table.last_position + 1] == [
        (1, 2, "科目编码\t科目名称\t合计"),
        (1, 3, "201\t一般公共服务支出\t12.50"),
        (1, 4, "20101\t人大事务\t2.50"),
        (2, 2, "20102\t政协事务\t10.00"),  # line 1 of page 2 is the repeated header, dropped but counted
        (2, 3, "合计\t\t12.50"),
        (1, 5, "- 1 -"),
    ]


def test_a_continuation_without_a_repeated_header_keeps_all_its_rows():
    doc = _read(Page().table([HEADER, ["201", "一般公共服务支出", "12.50"]], top=700),
                Page().table([["合计", None, "12.50"]], top=40))
    (table,) = doc.tables
    assert table.header_rows_dropped == 0 and [r[0] for r in table.texts()] == ["科目编码", "201", "合计"]


@pytest.mark.parametrize("second, reason", [
    (Page().text(50, 20, "2024年项目支出表", 14).table([HEADER, ["201", "X", "1.00"]], top=60), "a title above it"),
    (Page().table([["财政项目支出绩效目标填报表", None, None], HEADER], top=40), "a caption row inside the frame"),
    (Page().table([["201", "一般公共服务支出"]], top=40, widths=[120, 120]), "another number of columns"),
    (Page().table([HEADER, ["201", "X", "1.00"]], top=40, x=150), "other edges"),
])
def test_a_table_on_the_next_page_is_a_table_of_its_own_when(second, reason):
    doc = _read(Page().table([HEADER, ["201", "一般公共服务支出", "12.50"]], top=700), second)
    assert len(doc.tables) == 2, reason
    assert [t.pages for t in doc.tables] == [(1,), (2,)]


def test_a_ruled_frame_with_nothing_in_it_is_no_table():
    doc = _read(Page().table([HEADER, ["201", "X", "1.00"]], top=700), Page().table([["", "", ""]], top=40))
    assert len(doc.tables) == 1 and doc.tables[0].pages == (1,)


def test_wrapped_cell_text_is_joined_without_spaces_between_chinese_characters():
    page = Page().table([HEADER, ["20805", "机关事业单位基本养老保险缴费支", "5.00"]], top=70, row_height=30,
                        widths=[80, 160, 80])
    page.text(133, 117, "出")  # the end of the name wrapped onto a second line inside the cell
    rows = _read(page).tables[0].texts()
    assert rows[1][1] == "机关事业单位基本养老保险缴费支出"


def test_pdfs_are_read_by_the_worker_pool_with_the_same_rows_as_in_one_process(tmp_path, monkeypatch):
    import ingest.pool
    from ingest.corpus import ingest_directory

    for n in range(3):
        page = Page().text(50, 30, f"2024年支出总表{n}", 14).table([HEADER, ["201", "一般公共服务支出", f"{n}.50"]])
        (tmp_path / f"doc{n}.pdf").write_bytes(pdf_bytes([page, Page().text(50, 30, "注：示例。")]))
    forked = []
    monkeypatch.setattr(ingest.pool.WorkerPool, "results",
                        lambda self, tasks, real=ingest.pool.WorkerPool.results: forked.append(self.pool) or
                        real(self, tasks))
    one = ingest_directory(tmp_path, workers=1).tables
    two = ingest_directory(tmp_path, workers=2).tables
    assert forked[0] is None and forked[1] is not None  # the second run forked its workers
    for name, frame in one.items():
        assert frame.equals(two[name]), name
    assert one["documents"]["page_count"].to_list() == [2, 2, 2]
    assert one["source_tables"]["first_page"].to_list() == [1, 1, 1]


def test_figures_set_a_little_lower_in_another_font_stay_in_their_sentence():
    # A sentence whose figures sit 4 points lower (a Latin font with another baseline) is one printed line: its
    # words and figures in reading order, not two lines of fragments.
    page = (Page().text(50, 100, "收入总计", 10).text(95, 104, "2995.39", 10).text(175, 100, "万元。", 10)
            .text(50, 130, "下一行", 10))
    doc = _read(page)
    assert [text for _, _, text in _lines(doc)] == ["收入总计 2995.39 万元。", "下一行"]


def test_lines_that_only_touch_stay_apart():
    page = Page().text(50, 100, "第一行", 10).text(50, 109, "第二行", 10)
    doc = _read(page)
    assert [text for _, _, text in _lines(doc)] == ["第一行", "第二行"]
