"""Properties of the segmenters and parsers (hypothesis): a change that does not change what a document says must not
change what is parsed out of it.

Excerpts are cut out of the seed documents by the segmenters themselves (a few project tables, a few budget tables, a
narrative, in both layouts: TAB cells and pdftotext lines) or taken from tests/forms.py. Each property compares the
whole-document parse (`parse_document`: every table it returns, rejects and line accounting included) before and
after the change, line numbers included (shifted where lines were inserted).

What is not a neutral change, and so not tested: spaces inside the budget tables of pdftotext documents (one space
separates two cells and every further space is an empty cell, see budget_tables.py), and a TAB gained or lost by a
line (the TAB-or-text layout of a table is decided by the share of lines holding a TAB).

The number and value grammars, the header and grid labels and the structural lines come last.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from bisect import bisect_right
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ingest import grammar, records
from ingest.forms.budget.find import find_budget_tables
from ingest.forms.budget.tables import parse_budget_table
from ingest.forms.document import parse_document
from ingest.forms.document_info import describe_document
from ingest.forms.narrative import narrative_figures
from ingest.forms.project.segment import find_project_tables
from ingest.grammar import budget as bg
from ingest.grammar import header as hg
from ingest.grammar import indicators as voc
from ingest.grammar.dates import parse_filled_date
from ingest.grammar.numbers import parse_amount
from ingest.grammar.values import parse_target, peel_value
from ingest.grid.model import Document
from ingest.readers import read_bytes, read_path
from ingest.readers.text import document_of_lines
from tests.conftest import SEED_RAW
from tests.forms import pdf_report_table, pdftotext_table, tab_table, wan_yuan_application

DOC_NAME = "excerpt.txt"
DOC_ID = "excerpt"
WIDE_SPACES = ("\u00a0", "\u3000", "\u2002", "\u2003", "\u2009")  # what grammar.text treats as spaces


def _settings(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# --- excerpts -------------------------------------------------------------------------------------------------------

@cache
def _seed_lines(prefix: str) -> tuple[str, ...]:
    (path,) = SEED_RAW.glob(f"{prefix}_*")
    return read_path(path).lines


def _project_excerpt(prefix: str, first: int, count: int) -> tuple[str, ...]:
    lines = _seed_lines(prefix)
    segments = find_project_tables(lines)[first: first + count]
    assert len(segments) == count
    return lines[segments[0].title_line - 1: segments[-1].end_line]


def _budget_excerpt(prefix: str, first: int, count: int) -> tuple[str, ...]:
    """Some budget tables of a disclosure (with a few lines before them)."""
    tables = find_budget_tables(_seed_lines(prefix))
    return _seed_lines(prefix)[tables[first].title_line - 6: tables[first + count - 1].end_line]


def _narrative_excerpt(prefix: str) -> tuple[str, ...]:
    """The 情况说明 of a disclosure: from the end of its last budget table to its first project table."""
    lines = _seed_lines(prefix)
    tables = [t for t in find_budget_tables(lines) if t.table_type != "overall_expenditure_targets"]
    return lines[tables[-1].end_line: find_project_tables(lines)[0].title_line - 1]


def _overall_form_excerpt() -> tuple[str, ...]:
    lines = _seed_lines("002")
    (table,) = [t for t in find_budget_tables(lines) if t.table_type == "overall_expenditure_targets"]
    return lines[table.title_line - 3: table.title_line + 80]


# name -> (layout, lines). Layout: tab (DOCX export: TAB cells), text (pdftotext lines).
EXCERPTS: dict[str, tuple[str, Callable[[], tuple[str, ...]]]] = {
    "000 project tables 1-2": ("tab", lambda: _project_excerpt("000", 0, 2)),
    "000 project tables 10-12": ("tab", lambda: _project_excerpt("000", 9, 3)),
    "002 申报表 1-3 (万元, checkboxes)": ("tab", lambda: _project_excerpt("002", 0, 3)),
    "002 project tables 4-5 (省级, 县级)": ("tab", lambda: _project_excerpt("002", 3, 2)),
    "002 project tables 17-18": ("tab", lambda: _project_excerpt("002", 16, 2)),
    "003 project tables 1-2": ("tab", lambda: _project_excerpt("003", 0, 2)),
    "003 project tables 41-42": ("tab", lambda: _project_excerpt("003", 40, 2)),
    "001 project tables 1-2": ("text", lambda: _project_excerpt("001", 0, 2)),
    "001 project tables 21-23": ("text", lambda: _project_excerpt("001", 20, 3)),
    "004 project tables 1-2": ("text", lambda: _project_excerpt("004", 0, 2)),
    "004 project tables 201-203": ("text", lambda: _project_excerpt("004", 200, 3)),
    "004 project tables 446-447 (end of file)": ("text", lambda: _project_excerpt("004", 445, 2)),
    "forms: two TAB tables": ("tab", lambda: (*tab_table("甲项目"), "", *tab_table("乙项目", title_row_tabs=True))),
    "forms: 申报表": ("tab", lambda: tuple(wan_yuan_application())),
    "forms: two pdftotext tables": ("text", lambda: (*pdftotext_table("会议经费"), *pdftotext_table("党委业务经费"))),
    "forms: pdftotext report table": ("text", lambda: tuple(pdf_report_table())),
    "001 budget tables 1-3": ("text", lambda: _budget_excerpt("001", 0, 3)),
    "001 budget tables 8-11": ("text", lambda: _budget_excerpt("001", 7, 4)),
    "002 budget tables 1-4": ("tab", lambda: _budget_excerpt("002", 0, 4)),
    "003 budget tables 10-13": ("tab", lambda: _budget_excerpt("003", 9, 4)),
    "001 narrative": ("text", lambda: _narrative_excerpt("001")),
    "002 narrative": ("tab", lambda: _narrative_excerpt("002")),
    "002 整体支出 form": ("tab", _overall_form_excerpt),
}
TEXT_PROJECT_EXCERPTS = [name for name, (layout, _) in EXCERPTS.items()
                         if (layout == "text" and "project" in name) or name.startswith("forms: pdftotext")]


@cache
def _excerpt(name: str) -> tuple[str, ...]:
    return EXCERPTS[name][1]()


def _document(lines: list[str] | tuple[str, ...]) -> Document:
    """The document as ingest reads it: UTF-8 bytes, one line per line (a final newline, so that a last empty line
    stays a line)."""
    return read_bytes(DOC_NAME, ("\n".join(lines) + "\n").encode("utf-8"))


# --- comparing parses -----------------------------------------------------------------------------------------------

_BYTE_FACTS = ("size_bytes", "sha256", "encoding")  # facts about the bytes, not about the text
# Columns holding a line number (title_line, source_line_end, first_line_with_status …); ids hold them as
# `<document>:<line>…`.
_LINE_COLUMN = re.compile(r"(?:^|_)line(?:_end|_with_status)?$")
_LINE_IN_ID = re.compile(re.escape(DOC_ID) + r":(\d+)")
_LINES_IN_MESSAGE = re.compile(r"\blines? (\d+)(?:-(\d+))?")  # `lines 26-82 after the 支出预算 block …`
# Counts of lines by status: they count lines, so they change when a label is printed on more or fewer lines.
_LINE_COUNTS = {"project_tables": ("grid_lines", "grid_lines_indicator", "grid_lines_label", "grid_lines_placeholder",
                                   "grid_lines_rejected"),
                "table_lines": ("line_count",)}

Snapshot = dict[str, list[dict]]


def _snapshot(lines: list[str] | tuple[str, ...]) -> Snapshot:
    return _parse(_document(lines))


def _parse(doc: Document) -> Snapshot:
    parsed = parse_document(doc)
    snap = {name: [{f.name: getattr(row, f.name) for f in dataclasses.fields(row)} for row in getattr(parsed, name)]
            for name in records.TABLES}
    for rows in snap.values():
        for row in rows:
            for key in _BYTE_FACTS:
                row.pop(key, None)
    return snap


@cache
def _reference(name: str) -> Snapshot:
    return _snapshot(_excerpt(name))


def _copy(snap: Snapshot) -> Snapshot:
    return {name: [dict(row) for row in rows] for name, rows in snap.items()}


def _shifted(snap: Snapshot, new_line: Callable[[int], int], line_count: int) -> Snapshot:
    """The parse of a document whose line n became line new_line(n): every line column and every line inside an id
    or a message (`<document>:<line>…`) moved, and the file's line count."""
    out = _copy(snap)
    for name, rows in out.items():
        per_file = "sha256" in records.SCHEMAS[name].names
        for row in rows:
            for key, value in row.items():
                if _LINE_COLUMN.search(key) and isinstance(value, int):
                    row[key] = new_line(value)
                elif isinstance(value, str):
                    value = _LINE_IN_ID.sub(lambda m: f"{DOC_ID}:{new_line(int(m.group(1)))}", value)
                    row[key] = _LINES_IN_MESSAGE.sub(_moved_range(new_line), value) if key == "detail" else value
            if per_file and "line_count" in row:
                row["line_count"] = line_count
    return out


def _moved_range(new_line: Callable[[int], int]) -> Callable[[re.Match[str]], str]:
    def moved(m: re.Match[str]) -> str:
        first = m.group(0).split(" ")[0]
        return f"{first} {new_line(int(m.group(1)))}" + (f"-{new_line(int(m.group(2)))}" if m.group(2) else "")
    return moved


def _budget_ends_at_content(snap: Snapshot, lines: list[str] | tuple[str, ...]) -> Snapshot:
    """A budget table runs to the line before the next title, blank lines included: compare its last line with
    text instead."""
    def last_text(first: int, last: int) -> int:
        while last > first and not lines[last - 1].strip():
            last -= 1
        return last

    out = _copy(snap)
    for row in out["budget_tables"]:
        row["end_line"] = last_text(row["title_line"], row["end_line"])
    for row in out.get("table_lines", []):
        if row.get("table_kind") == "budget":
            row["last_line"] = last_text(row["first_line"], row["last_line"])
    return out


def _without_line_counts(snap: Snapshot) -> Snapshot:
    out = _copy(snap)
    for name, keys in _LINE_COUNTS.items():
        for row in out.get(name, []):
            for key in keys:
                row.pop(key, None)
    return out


def _plain_spaces_in_messages(snap: Snapshot) -> Snapshot:
    """Reject details quote the printed line; quoted with its wide spaces made plain."""
    out = _copy(snap)
    for row in out["rejects"]:
        row["detail"] = grammar.clean_line(row["detail"] or "")
    return out


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 160 else text[:160] + "…"


def _difference(expected: Snapshot, got: Snapshot) -> str | None:
    """The first difference between two parses, readably; None when they are equal."""
    for name in records.TABLES:
        a, b = expected[name], got[name]
        for n, (row_a, row_b) in enumerate(zip(a, b, strict=False)):
            if row_a != row_b:
                keys = sorted(row_a.keys() | row_b.keys())
                changed = {k: f"{_short(row_a.get(k))} -> {_short(row_b.get(k))}" for k in keys
                           if row_a.get(k) != row_b.get(k)}
                return f"{name} row {n + 1}: {changed}"
        if len(a) != len(b):
            extra = a[len(b):] or b[len(a):]
            return f"{name}: {len(a)} rows expected, {len(b)} parsed; first extra row {_short(extra[0])}"
    return None


def _assert_same_parse(expected: Snapshot, got: Snapshot) -> None:
    difference = _difference(expected, got)
    assert difference is None, difference


# --- edits -----------------------------------------------------------------------------------------------------------

def _space_significant_lines(lines: tuple[str, ...]) -> set[int]:
    """0-based lines of the budget tables printed as pdftotext lines: their spaces are cell separators and empty
    cells, not layout."""
    out: set[int] = set()
    for table in find_budget_tables(lines):
        if parse_budget_table(document_of_lines(lines, DOC_NAME), table).budget_tables[0].layout == "text":
            out.update(range(table.title_line - 1, table.end_line))
    return out


_MARKUP = re.compile(r"<[^<>\n]*>")  # HTML residue (checkboxes): its spaces are markup, not printed text


def _interior_spaces(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """(line, column) of every space between two printed characters, outside markup and budget-table cells."""
    protected = _space_significant_lines(lines)
    out = []
    for i, line in enumerate(lines):
        if i in protected or " " not in line:
            continue
        markup = [range(m.start(), m.end()) for m in _MARKUP.finditer(line)]
        for j, ch in enumerate(line):
            if ch == " " and 0 < j < len(line) - 1 and not line[j - 1].isspace() and not line[j + 1].isspace() \
                    and not any(j in span for span in markup):
                out.append((i, j))
    return out


def _insert_blank_lines(lines: tuple[str, ...], counts: dict[int, int]) -> tuple[list[str], Callable[[int], int]]:
    """counts: 0-based index -> how many empty lines go before that line. Returns the new lines and the new number of
    every old (1-based) line."""
    new: list[str] = []
    moved: dict[int, int] = {}
    for i, line in enumerate(lines):
        new += [""] * counts.get(i, 0)
        new.append(line)
        moved[i + 1] = len(new)
    return new, moved.__getitem__


def _between_tables(lines: tuple[str, ...]) -> list[int]:
    """0-based indices where a line between two tables may go: before every title, after every table."""
    tables = [*find_project_tables(lines), *find_budget_tables(lines)]
    starts = [t.title_line - 1 for t in tables]
    ends = [t.end_line for t in tables]
    return sorted({*starts, *(end for end in ends if end < len(lines))})


# --- trailing whitespace, wide spaces, encodings ---------------------------------------------------------------------

@pytest.mark.parametrize("name", EXCERPTS)
@_settings(12)
@given(data=st.data())
def test_trailing_spaces_and_tabs_do_not_change_the_parse(name, data):
    """Spaces and TABs added to or removed from the end of any printed line (keeping whether the line holds a TAB at
    all, which decides the layout of its table) change no segment, field, amount, indicator or reject."""
    lines = _excerpt(name)
    protected = _space_significant_lines(lines)
    editable = [i for i, line in enumerate(lines) if line.strip() and i not in protected]
    chosen = data.draw(st.lists(st.sampled_from(editable), unique=True, min_size=1, max_size=60), label="lines")
    edited = list(lines)
    for i in chosen:
        stripped = lines[i].rstrip(" \t")
        suffix = data.draw(st.text(alphabet=" \t" if "\t" in lines[i] else " ", max_size=3), label=f"end of {i + 1}")
        if "\t" in lines[i] and "\t" not in stripped + suffix:
            suffix += "\t"
        edited[i] = stripped + suffix
    _assert_same_parse(_reference(name), _snapshot(edited))


@pytest.mark.parametrize("name", [name for name in EXCERPTS if _interior_spaces(_excerpt(name))])
@_settings(12)
@given(data=st.data())
def test_wide_spaces_in_place_of_spaces_do_not_change_the_parse(name, data):
    """NBSP, ideographic and thin spaces in place of spaces between printed characters (grammar.text makes them
    plain spaces) change nothing."""
    lines = _excerpt(name)
    spaces = _interior_spaces(lines)
    if data.draw(st.booleans(), label="every space"):
        chosen = spaces
        wide = [data.draw(st.sampled_from(WIDE_SPACES), label="space")] * len(chosen)
    else:
        chosen = data.draw(st.lists(st.sampled_from(spaces), unique=True, min_size=1, max_size=80), label="spaces")
        wide = [data.draw(st.sampled_from(WIDE_SPACES)) for _ in chosen]
    edited = [list(line) for line in lines]
    for (i, j), space in zip(chosen, wide, strict=True):
        edited[i][j] = space
    got = _snapshot(["".join(chars) for chars in edited])
    _assert_same_parse(_plain_spaces_in_messages(_reference(name)), _plain_spaces_in_messages(got))


ENCODINGS = {  # name -> (byte-order mark, codec, the encoding read_path reports)
    "utf-8": (b"", "utf-8", "utf-8"),
    "utf-8 with BOM": (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    "gb18030": (b"", "gb18030", "gb18030"),
    "utf-16 LE with BOM": (b"\xff\xfe", "utf-16-le", "utf-16"),
    "utf-16 BE with BOM": (b"\xfe\xff", "utf-16-be", "utf-16"),
}


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as directory:
        yield Path(directory)


@pytest.mark.parametrize("name", EXCERPTS)
@_settings(6)
@given(encoding=st.sampled_from(sorted(ENCODINGS)), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       final_newline=st.booleans())
def test_encoding_and_line_endings_round_trip(scratch, name, encoding, newline, final_newline):
    """The same text as UTF-8 (with or without BOM), GB18030 or UTF-16 (either byte order), with LF, CRLF or CR line
    ends, read by read_path: the same lines, the same parse (line numbers included)."""
    lines = _excerpt(name)
    bom, codec, reported = ENCODINGS[encoding]
    final = newline if final_newline or lines[-1] == "" else ""  # a last empty line needs its newline to count
    path = scratch / DOC_NAME
    path.write_bytes(bom + (newline.join(lines) + final).encode(codec))
    doc = read_path(path)
    assert doc.encoding == reported
    assert doc.lines == lines
    _assert_same_parse(_reference(name), _parse(doc))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_whole_seed_documents_decode_to_the_same_lines_in_every_encoding(scratch, prefix, encoding):
    lines = _seed_lines(prefix)
    bom, codec, reported = ENCODINGS[encoding]
    for newline in ("\r\n", "\r"):
        path = scratch / f"{prefix}.txt"
        path.write_bytes(bom + (newline.join(lines) + newline).encode(codec))
        doc = read_path(path)
        assert (doc.encoding, doc.lines) == (reported, lines)


# --- blank lines, wrapped labels, prose ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [name for name in EXCERPTS if _between_tables(_excerpt(name))])
@_settings(10)
@given(data=st.data())
def test_blank_lines_between_tables_change_nothing_but_line_numbers(name, data):
    """Empty lines before a title or after the end of a table: the same tables, rows and rejects, shifted."""
    lines = _excerpt(name)
    counts = data.draw(st.dictionaries(st.sampled_from(_between_tables(lines)), st.integers(1, 3), min_size=1),
                       label="blank lines before")
    edited, new_line = _insert_blank_lines(lines, counts)
    expected = _budget_ends_at_content(_shifted(_reference(name), new_line, len(edited)), edited)
    _assert_same_parse(expected, _budget_ends_at_content(_snapshot(edited), edited))


@pytest.mark.parametrize("name", [name for name in EXCERPTS if "" in _excerpt(name)])
@_settings(8)
@given(data=st.data())
def test_longer_runs_of_blank_lines_change_nothing_but_line_numbers(name, data):
    """A run of empty lines made longer anywhere (inside tables too): the parsers read non-blank lines (LineStream,
    the name-row and year-line windows) and skip empty ones, and a paragraph break stays a paragraph break. Half of
    the runs are taken from the first lines under a title, where the segmenters look for what belongs to it."""
    lines = _excerpt(name)
    empty = [i for i, line in enumerate(lines) if line == ""]
    titles = [t.title_line for t in [*find_project_tables(lines), *find_budget_tables(lines)]]
    under_titles = [i for i in empty if any(0 < i + 1 - t <= 8 for t in titles)] or empty
    counts = data.draw(st.dictionaries(st.sampled_from(under_titles) | st.sampled_from(empty), st.integers(1, 3),
                                       min_size=1, max_size=40), label="empty lines added before")
    edited, new_line = _insert_blank_lines(lines, counts)
    expected = _budget_ends_at_content(_shifted(_reference(name), new_line, len(edited)), edited)
    _assert_same_parse(expected, _budget_ends_at_content(_snapshot(edited), edited))


# Labels of the header and the grid that pdftotext breaks over lines (`项目\n概况`, `服务对象\n满意度指标`).
REWRAP_LABELS = (
    "主管部门及代码", "项目属性", "项目资金（元）", "项目资金（万元）", "项目概况", "立项依据", "项目设立必要性",
    "保证项目实施的制度、措施", "项目实施计划", "实施期目标", "年度目标", "总体目标", "产出指标", "效益指标",
    "满意度指标", "服务对象满意度指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "数量指标",
    "质量指标", "时效指标", "成本指标",
)
_WHOLE_LINE_LABEL = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:" + "|".join(hg.spaced(label) for label in sorted(REWRAP_LABELS, key=len, reverse=True))
    + r")[ \t]*(?=\n|$)"
)
# A line holding only one of these is a fragment of the vertical 绩效指标 heading (grid_text._is_heading_line).
_GRID_HEADING_FRAGMENTS = frozenset({"绩", "效", "指", "标", "绩效", "指标"})


@cache
def _single_tables() -> dict[str, tuple[str, ...]]:
    """Each project table of the pdftotext excerpts on its own, smallest first (cheap to parse, and hypothesis
    shrinks towards the first)."""
    out = {}
    for name in TEXT_PROJECT_EXCERPTS:
        lines = _excerpt(name)
        for seg in find_project_tables(lines):
            out[f"{name}, table at line {seg.title_line}"] = lines[seg.title_line - 1: seg.end_line]
    return dict(sorted(out.items(), key=lambda item: len(item[1])))


@cache
def _label_blocks(key: str) -> tuple[tuple[int, int, str], ...]:
    """(first, last, label): 0-based lines of a table that hold nothing but one label, printed on one line or broken
    over several (blank lines between them included)."""
    lines = _single_tables()[key]
    (seg,) = find_project_tables(lines)
    if seg.name_line is None:
        return ()
    owners = [i for i in range(seg.name_line, seg.end_line) if lines[i].strip()]
    text = "\n".join(lines[i] for i in owners)
    starts = [0]
    for i in owners[:-1]:
        starts.append(starts[-1] + len(lines[i]) + 1)
    return tuple((owners[bisect_right(starts, m.start()) - 1], owners[bisect_right(starts, m.end() - 1) - 1],
                  grammar.squeeze(m.group(0))) for m in _WHOLE_LINE_LABEL.finditer(text))


@cache
def _table_reference(key: str) -> Snapshot:
    return _snapshot(_single_tables()[key])


@cache
def _labels_in_text_excerpts() -> list[str]:
    found = {label for key in _single_tables() for _, _, label in _label_blocks(key)}
    return [label for label in REWRAP_LABELS if label in found]


@pytest.mark.parametrize("label", _labels_in_text_excerpts())
@_settings(12)
@given(data=st.data())
def test_a_label_wrapped_differently_over_lines_reads_the_same(label, data):
    """pdftotext layouts: a label that fills its lines, broken at other places (or joined onto one line, or with
    blank lines between its pieces), gives the same fields, amounts and indicators (header.py: every gap between two
    characters of a label may hold whitespace). A first piece that is itself a fragment of the vertical 绩效指标
    heading (`效` of `效\\n益指标`) is the one break the grid cannot tell from that heading, and is not made."""
    blocks = [(key, block) for key in _single_tables() for block in _label_blocks(key) if block[2] == label]
    key, (first, last, _) = data.draw(st.sampled_from(blocks), label="where")
    cuts = data.draw(st.lists(st.integers(1, len(label) - 1), unique=True, max_size=3).map(sorted), label="cuts")
    pieces = [label[a:b] for a, b in zip([0, *cuts], [*cuts, len(label)], strict=True)]
    assume(pieces[0] not in _GRID_HEADING_FRAGMENTS)
    blank_between = data.draw(st.booleans(), label="blank lines between pieces")
    block: list[str] = []
    for n, piece in enumerate(pieces):
        block += [""] * (n > 0 and blank_between) + [piece]
    lines = _single_tables()[key]
    edited = list(lines[:first]) + block + list(lines[last + 1:])
    delta = len(block) - (last - first + 1)

    def new_line(n: int) -> int:  # the label's own lines all become its first new line
        return n if n <= first else (first + 1 if n <= last + 1 else n + delta)

    expected = _without_line_counts(_shifted(_table_reference(key), new_line, len(edited)))
    _assert_same_parse(expected, _without_line_counts(_snapshot(edited)))


def _segments(lines: tuple[str, ...]) -> tuple[list[tuple], list[tuple]]:
    def last_text(n: int) -> int:
        while n > 1 and not lines[n - 1].strip():
            n -= 1
        return n

    return ([(s.title_line, s.end_line, s.title, s.year_printed, s.end_reason, s.name_line)
             for s in find_project_tables(lines)],
            [(t.title_line, last_text(t.end_line), t.title, t.table_type) for t in find_budget_tables(lines)])


def _structural(piece: str) -> bool:
    """A line that reads as a structural line on its own (a title, footer, section heading, year line, name row)."""
    compact = grammar.squeeze(piece)
    return bool(find_project_tables((piece,)) or find_budget_tables((piece,)) or grammar.is_footer(piece)
                or grammar.is_section_end(piece) or bg.BUDGET_SECTION_END.match(compact)
                or compact.startswith(grammar.PROJECT_NAME_LABEL) or grammar.YEAR_LINE.match(compact))


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
@_settings(15)
@given(data=st.data())
def test_splitting_prose_outside_the_tables_finds_the_same_tables(prefix, data):
    """Whole disclosures: prose lines outside every table (not the headings that close one), each cut in two
    (optionally with a blank line between the halves), leave the project and budget tables found where they were
    (line numbers shifted)."""
    lines = _seed_lines(prefix)
    inside = {i for s in find_project_tables(lines) for i in range(s.title_line - 1, s.end_line)}
    inside |= {i for t in find_budget_tables(lines) for i in range(t.title_line - 1, t.end_line)}
    prose = [i for i, line in enumerate(lines) if i not in inside and len(line.strip()) >= 2 and not _structural(line)]
    chosen = set(data.draw(st.lists(st.sampled_from(prose), unique=True, min_size=1, max_size=30), label="lines"))
    edited: list[str] = []
    moved: dict[int, int] = {}
    for i, line in enumerate(lines):
        if i in chosen:
            cut = data.draw(st.integers(1, len(line) - 1), label=f"cut of {i + 1}")
            head, tail = line[:cut], line[cut:]
            if not (_structural(head) or _structural(tail)):
                edited.append(head)
                moved[i + 1] = len(edited)
                edited += [""] * data.draw(st.integers(0, 1), label="blank") + [tail]
                continue
        edited.append(line)
        moved[i + 1] = len(edited)
    projects, budgets = _segments(lines)
    expected = ([(moved[t], moved[e], title, year, reason, moved[n] if n else None)
                 for t, e, title, year, reason, n in projects],
                [(moved[t], moved[e], title, kind) for t, e, title, kind in budgets])
    assert _segments(tuple(edited)) == expected


# --- grammars --------------------------------------------------------------------------------------------------------

_TO_FULL_WIDTH = dict(zip("0123456789%.,<>=:", "０１２３４５６７８９％．，＜＞＝：", strict=True))
_WHITESPACE = st.sampled_from([" ", "  ", "\t", *WIDE_SPACES])


def _full_width(text: str, draw) -> str:
    return "".join(_TO_FULL_WIDTH[ch] if ch in _TO_FULL_WIDTH and draw(st.booleans()) else ch for ch in text)


def _with_whitespace(text: str, draw) -> str:
    """Whitespace of any kind inserted at any gaps."""
    out = ""
    for ch in text:
        out += ch + (draw(_WHITESPACE) if draw(st.booleans()) else "")
    return out


@_settings(200)
@given(data=st.data(), whole=st.integers(0, 10**12 - 1), fraction=st.text(alphabet="0123456789", max_size=4),
       sign=st.sampled_from(["", "-", "−", "－"]), unit=st.sampled_from([None, "元", "万元", "亿元"]))
def test_amounts_with_full_width_digits_and_wide_spaces_keep_their_value(data, whole, fraction, sign, unit):
    """numbers.parse_amount: thousands separators with one space of any kind after the comma (`2,131, 157`),
    full-width digits and punctuation, any space around the number and before its unit: the same value and unit."""
    digits = str(whole)
    if len(digits) > 3 and data.draw(st.booleans(), label="grouped"):
        groups = [digits[max(0, k - 3):k] for k in range(len(digits), 0, -3)][::-1]
        digits = groups[0] + "".join("," + data.draw(st.sampled_from(["", " ", *WIDE_SPACES])) + g for g in groups[1:])
    number = digits + ("." + fraction if fraction else "")
    space = st.sampled_from(["", " ", "\t", *WIDE_SPACES])
    text = data.draw(space) + sign + _full_width(number, data.draw) + (
        (data.draw(space) + unit) if unit else "") + data.draw(space)
    parsed = parse_amount(text)
    assert parsed is not None, text
    expected = Decimal(str(whole) + ("." + fraction if fraction else ""))
    assert (parsed.value, parsed.unit) == ((-expected if sign else expected), unit), text


@_settings(50)
@given(whole=st.integers(10**12, 10**40), unit=st.sampled_from(["", "元", "万元", "亿元"]))
def test_numbers_beyond_any_budget_figure_are_not_amounts(whole, unit):
    """A trillion or more in any unit is a misprint or garbage: not an amount (the line becomes a reject), and not
    a numeric target, rather than an overflow of the warehouse's decimal columns."""
    assert parse_amount(f"{whole}{unit}") is None
    target = parse_target(f"≥{whole}{unit}")
    assert (target.kind, target.value, target.value_yuan) == ("qualitative", None, None)


_TARGET_EXAMPLES = (
    "≥95%", "≤5072219元", "≤500万元/家", "1821万公里", "60%以上", "<2小时", "≥193 人", "≤60. 1594 万元", "> 90%",
    "≤1亿元", "100%", "不低于98%", "不超过 1,200 元/人", "大于等于上年度", "及时", "有效提升", "2025年12月", "12月底前",
    "10月 15 日前", "30 个工作日内", ">=85%", "=100%", "2,131, 157元", "会议成本 51万", "", "5%以内",
)


def _target_fields(text: str) -> tuple:
    t = parse_target(text)
    return t.comparator, t.value, t.unit, t.kind, t.value_yuan


@_settings(300)
@given(data=st.data(), text=st.sampled_from(_TARGET_EXAMPLES) | st.builds(
    "{}{}{}".format, st.sampled_from(["", "≥", "≤", "<", ">", "=", "不低于", "小于等于"]),
    st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["%", "元", "万元", "人", "个", "元/人/天", "万元/家", "平方米", ""])))
def test_targets_read_the_same_with_any_whitespace_or_full_width_characters(data, text):
    """values.parse_target reads a target with every space removed: whitespace of any kind (NBSP, ideographic, TAB)
    anywhere, and full-width digits, ％, ．, ，, ＜, ＞, ＝, give the same comparator, value, unit, kind and 元
    value."""
    expected = _target_fields(text)
    assert _target_fields(_with_whitespace(text, data.draw)) == expected
    assert _target_fields(_full_width(text, data.draw)) == expected


@_settings(150)
@given(data=st.data(), name=st.text(alphabet="服务对象满意度群众覆盖率数量培训人次", min_size=2, max_size=10),
       value=st.sampled_from(["≥95%", "100%", "≥193 人", "≤18000 元/个", "9 月底前", "10月 15 日前", "及时",
                              "审批后 7 日内"]))
def test_peel_value_treats_every_kind_of_space_as_one_space(data, name, value):
    text = f"{name} {value}"
    expected = peel_value(text)
    spaced = "".join("".join(data.draw(st.lists(_WHITESPACE, min_size=1, max_size=2))) if ch == " " else ch
                     for ch in text)
    assert peel_value(data.draw(_WHITESPACE) + spaced + data.draw(_WHITESPACE)) == expected


@_settings(150)
@given(data=st.data(), text=st.sampled_from(["20250103161515", "202212130 90154", "2024.1.4", "2024. 01. 03", "2023.12",
                                             "2024年1月4日", "2024-01-03", "20241345000000"]))
def test_filled_dates_read_the_same_with_whitespace_anywhere(data, text):
    assert parse_filled_date(_with_whitespace(text, data.draw)) == parse_filled_date(text)


# Labels as the forms print them, with the header field (or funding row) each one names.
_HEADER_LABELS = [
    ("department", "主管部门及代码"), ("department", "主管部门"), ("implementing_unit", "实施单位"),
    ("project_attribute", "项目属性"), ("project_period", "项目期"), ("project_period", "项目日期"),
    ("project_category", "项目分类"), ("funds", "项目资金（元）"), ("funds", "项目资金（万元）"),
    ("overview", "项目概况"),
    ("basis", "立项依据"), ("necessity", "项目设立必要性"), ("necessity", "项目设立必妥性"),
    ("measures", "保证项目实施的制度、措施"), ("measures", "保障项目实施的制度、措施"), ("plan", "项目实施计划"),
    ("goal_columns", "实施期目标年度目标"), ("goal_columns", "中期目标"), ("overall_goal", "总体目标"),
]
_FUND_LABELS = [
    ("total:implementation", "实施期资金总额："), ("total:annual", "年度资金总额："), ("central", "其中：中央财政资金"),
    ("provincial", "省级财政资金"), ("local", "市县（区）财政资金"), ("self_raised", "单位自筹"),
    ("self_raised", "单位自筹资金"), ("general_public_budget", "其中：一般公共预算资金"),
    ("government_fund", "政府性基金"),
    ("transfer_central", "上级转移支付资金（中央）"), ("transfer_provincial", "上级转移支付资金（省）"),
    ("transfer_city", "上级转移支付资金（吕梁市）"), ("other", "其他资金"),
]


def _broken(label: str, draw) -> str:
    """The label with spaces, TABs or line breaks in some of its gaps."""
    gaps = set(draw(st.lists(st.integers(1, len(label) - 1), unique=True, min_size=1), label="gaps"))
    space = draw(st.sampled_from([" ", "\n", "\n\n", "\t", " \n "]), label="whitespace")
    return "".join((space if k in gaps else "") + ch for k, ch in enumerate(label))


@pytest.mark.parametrize("key, label", _HEADER_LABELS, ids=[label for _, label in _HEADER_LABELS])
@_settings(25)
@given(data=st.data())
def test_header_labels_match_when_broken_at_any_gap(key, label, data):
    """grammar.header: every gap between two characters of a label may hold whitespace (`项目\\n概况`)."""
    text = _broken(label, data.draw)
    (spec,) = [s for s in hg.HEADER_FIELDS if s.key == key]
    m = spec.pattern.match(text)
    assert m is not None and m.end() == len(text), repr(text)


@pytest.mark.parametrize("key, label", _FUND_LABELS, ids=[label for _, label in _FUND_LABELS])
@_settings(25)
@given(data=st.data())
def test_funding_labels_match_when_broken_at_any_gap(key, label, data):
    text = _broken(label, data.draw)
    pattern = hg.TOTAL_LABELS[key.split(":")[1]] if key.startswith("total:") else dict(hg.FUND_SOURCE_LABELS)[key]
    m = pattern.match(text)
    assert m is not None and m.end() == len(text), repr(text)


@_settings(150)
@given(data=st.data(), printed=st.sampled_from(sorted(p for p in voc.vocabulary().level2 if p.endswith(("指标", "指")))
                                               + sorted(p for p in voc.vocabulary().level1 if p.endswith("指标"))))
def test_grid_labels_match_when_broken_at_any_gap(data, printed):
    pattern, keys = voc.text_label_pattern()
    text = _broken(printed, data.draw)
    m = pattern.match(text)
    level = "2" if printed in voc.vocabulary().level2 else "1"
    canonical = (voc.vocabulary().level2 if level == "2" else voc.vocabulary().level1)[printed]
    assert m is not None and m.end() == len(text), repr(text)
    assert keys[m.lastgroup] == f"{level}:{canonical}"


def _line_kind(line: str) -> tuple:
    """What every structural test of the parsers makes of one line."""
    return (
        grammar.is_project_table_title(line),
        grammar.is_footer(line),
        grammar.is_section_end(line),
        tuple(t.table_type for t in find_budget_tables((line,))),
        bool(grammar.YEAR_LINE.match(grammar.squeeze(line))),
        describe_document((line,), []).cover_line,
        len(narrative_figures((line, "收入预算合计100万元。"), DOC_ID, DOC_NAME)),
    )


_STRUCTURAL_LINES = [
    "吕梁市市级预算部门（单位）项目支出绩效目标表",
    " 襄垣县部门（单位）项目支出绩效目标表",
    "孝义市预算部门（单位）项目绩效目标申报表 (2024 年度)",
    "负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t20250103161515",
    "项目负责人：张三 填表人：李四 联系电话：13500000000 填报日期：2024.1.4",
    " 十一、国有资产占有使用情况",
    "第四部分 名词解释",
    "孝义市预算部门（单位）整体支出绩效目标申报表",
    "表一2024年预算收支总表",
    "2024年一般公共预算支出预算表（不含上年结转）",
    "（2024年度）",
    "2024年度部门预算公开",
    "第三部分 2024年度部门预算情况说明",
    "实行项目负责人制度，明确责任。",  # prose: stays prose
]


@pytest.mark.parametrize("line", _STRUCTURAL_LINES)
@_settings(30)
@given(data=st.data())
def test_structural_lines_keep_their_meaning_when_spaced_out(line, data):
    """Titles, footers, section headings, year lines and covers are compared squeezed (grammar.text.squeeze:
    `绩效 指 标` == `绩效指标`): spaces of any kind between their characters (letter-spaced headings) change
    nothing."""
    gaps = set(data.draw(st.lists(st.integers(1, len(line) - 1), unique=True, min_size=1), label="gaps"))
    space = data.draw(st.sampled_from([" ", "\u3000", "\u00a0"]), label="space")
    spaced = "".join((space if k in gaps else "") + ch for k, ch in enumerate(line))
    assert _line_kind(spaced) == _line_kind(line), repr(spaced)


@pytest.mark.parametrize("name", ["004 project tables 1-2", "000 project tables 1-2", "002 budget tables 1-4"])
@_settings(25)
@given(data=st.data())
def test_clean_text_and_squeeze_see_wide_spaces_as_spaces(name, data):
    lines = [line for line in _excerpt(name) if " " in line and "<" not in line]
    line = data.draw(st.sampled_from(lines))
    wide = "".join(data.draw(st.sampled_from(WIDE_SPACES)) if ch == " " else ch for ch in line)
    assert grammar.clean_text(wide) == grammar.clean_text(line)
    assert grammar.squeeze(wide) == grammar.squeeze(line)
