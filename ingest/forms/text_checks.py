"""Text checks of a whole document: what a reviewing office sends back before publication (template placeholders,
cut sentences, doubled punctuation, unbalanced quotes, years and names that disagree with the document, tables the
contents promise but the document lacks). Vocabulary lives in ingest.grammar.text_checks.

The checks and the rule each applies:

- `placeholder`: a template field left unfilled, anywhere (table cells too): a run of X or × standing for a name, a
  number or a year (`XX单位`, `20××年`; not `XXL`, `XXI`, `XX世纪`), a fill-in instruction (`待填写`, `此处填写`),
  a bracketed field word (`{单位}`, `［单位名称］`; not a bracketed document number like `晋财社{2023}302号`).
- `template_choice`: both alternatives of a template choice in a text line (not a table row): `增加（减少）`,
  `上升/下降`, `部门/单位`, `（部门）单位`. `部门（单位）` is the forms' own name for a budget body, not a choice.
- `doubled_punctuation`: `。。`, `，，`, `；；`, `、、`, `，。`, `。，` in text lines, also across a wrapped line; not
  `……`, not in table rows.
- `unbalanced_quotes`: a “ ‘ 《 without its closing mark, or a closing mark with nothing to close. The marks of the
  text lines are read as one stream, so that a quotation may wrap over lines and hold full stops; the stream is cut
  at a table row or a chapter heading, and a mark still open QUOTE_SPAN text lines later is unbalanced. A table cell
  is read alone. ASCII `"` has no direction: it pairs with either curly half within its line and is never reported.
- `cut_sentence`: a sentence that stops where its complement should stand (`主要原因是。`, `主要用于。`, `包括：。`,
  `预算数为。`, `：。`), or a text line left hanging on `，` right before a chapter heading.
- `year_mismatch`, with Y the document's fiscal year:
  * in a budget or final-accounts report, a heading that dates the report (its cover, a contents entry, a numbered
    heading, a table title or a running title whose year is followed by 预算 / 决算 / 报表 / 表 / 公开 / 报告) prints
    Y; a budget may also print Y-1 where the heading speaks of 决算 / 执行 / 完成 (last year's outturn), final
    accounts Y+1 where it speaks of 预算 only (next year's budget); a heading that compares (比, 较, 上年, a span of
    years) is not checked;
  * in such a report, a `截至YYYY年M月D日` date (assets, vehicles) lies in Y-1..Y for a budget (the state before, or
    at, publication) and in Y..Y+1 for final accounts; the project descriptions of a project-table compilation are
    not checked (they tell a project's history);
  * the year of a project table's title or of the year line under it (`（2024年度）`) is Y.
- `self_name`: a budget whose own designation (a cover line, or a heading that opens with the kind: `五、单位预算表`,
  `吕梁市财政局2024年单位预算公开报告`, `一、部门预算收支数据变动情况及原因`) names the other kind (部门 in a unit
  budget, 单位 in a department budget). Phrases where the kind words do not open the heading (`部门预算安排…`,
  `…基本支出部门预算经济分类预算表`, `预算单位财务收支预算总表`) are not designations.
- `publisher_name`: a designation or a chapter heading (`<name>2024年度部门决算表`, `<name>主要职能`) that names a
  body other than the publisher, the region prefix allowed or left out (`上海市普陀区财政局` = `普陀区财政局` =
  `区财政局`), a region alone (`上海市普陀区2023年区级部门预算`) allowed. A department budget's heading naming a
  单位预算 is a subordinate unit's chapter and is not checked.
- `missing_table`: a budget table the contents (目录) list whose title the document does not print: entries and
  printed titles compared by table type (seeds/budget_table_types.csv) and, within a type, by their words without
  years, numbering and the body prefix; a title printed over no grid (an empty table) counts as printed.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.forms.budget.find import find_budget_tables
from ingest.forms.document_info import DocumentInfo
from ingest.grammar import budget as bg
from ingest.grammar import labels
from ingest.grammar import text_checks as tc
from ingest.grammar.text import clean_text, squeeze
from ingest.grid.model import Document
from ingest.records import TextFinding


@dataclass(frozen=True)
class Find:
    position: int  # 1-based position in the line view
    check: str
    found: str
    expected: str | None
    quote: str


@dataclass(frozen=True)
class View:
    """A document's line view joined into one text: a cheap trigger pattern scans it at C speed, and only the lines
    it hits are read further (the checks run over 2 MB project-table compilations)."""

    lines: tuple[str, ...]
    text: str
    starts: tuple[int, ...]  # offset of each line in `text`

    @classmethod
    def of(cls, lines: tuple[str, ...]) -> View:
        starts = (0, *itertools.accumulate(len(line) + 1 for line in lines[:-1]))
        return cls(lines, "\n".join(lines), starts)

    def index_of(self, offset: int) -> int:
        """0-based index of the line holding `offset`."""
        return bisect.bisect_right(self.starts, offset) - 1

    def lines_hit(self, trigger: re.Pattern[str]) -> list[int]:
        """0-based indexes of the lines holding a match of `trigger`, in order."""
        return sorted({self.index_of(m.start()) for m in trigger.finditer(self.text)})


def check_text(doc: Document, info: DocumentInfo) -> list[TextFinding]:
    """Every text finding of one document, in line order (positions, located to pages by the caller)."""
    view = View.of(doc.lines)
    finds = [*placeholders(view), *template_choices(view), *doubled_punctuation(view), *unbalanced_quotes(view),
             *cut_sentences(view), *project_years(view, info.fiscal_year), *missing_tables(doc, view)]
    if info.doc_kind in tc.REPORT_KINDS:
        report_headings = headings(view)
        finds += [*heading_years(report_headings, info), *as_of_dates(view, info), *names(report_headings, info)]
    finds.sort(key=lambda f: (f.position, tc.CHECKS.index(f.check)))
    return _records(doc, finds)


def _records(doc: Document, finds: list[Find]) -> list[TextFinding]:
    """One record per line, check and thing found (`20××年-20××年` is one placeholder of its line)."""
    seen: set[tuple[int, str, str]] = set()
    per_line: defaultdict[tuple[int, str], int] = defaultdict(int)
    out = []
    for f in finds:
        if (f.position, f.check, f.found) in seen:
            continue
        seen.add((f.position, f.check, f.found))
        per_line[(f.position, f.check)] += 1
        out.append(TextFinding(
            text_finding_id=f"{doc.document_id}:{f.position}:{f.check}:{per_line[(f.position, f.check)]}",
            document_id=doc.document_id, source_file=doc.source_file, source_line=f.position, source_page=None,
            check=f.check, found=f.found, expected=f.expected, quote=f.quote))
    return out


def shorten(line: str, start: int = 0, end: int | None = None) -> str:
    """The line as printed (cells joined by a space, outer space off), at most QUOTE_WIDTH characters centred on
    [start, end) (offsets in `line`)."""
    text = line.replace("\t", " ")
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    start, end = start - lead, (len(text) if end is None else end - lead)
    left = max(0, min((start + end) // 2 - tc.QUOTE_WIDTH // 2, len(text) - tc.QUOTE_WIDTH))
    return clean_text(text[left:left + tc.QUOTE_WIDTH])


def _line_find(view: View, index: int, m: re.Match[str], check: str, found: str | None = None) -> Find:
    return Find(index + 1, check, found or m.group(0), None, shorten(view.lines[index], m.start(), m.end()))


def _is_table_row(line: str) -> bool:
    return "\t" in line


# --- line-local checks ------------------------------------------------------------------------------------------

def placeholders(view: View) -> Iterator[Find]:
    for index in view.lines_hit(tc.PLACEHOLDER_TRIGGER):
        for m in tc.PLACEHOLDER.finditer(view.lines[index]):
            yield _line_find(view, index, m, "placeholder")


def template_choices(view: View) -> Iterator[Find]:
    for index in view.lines_hit(tc.TEMPLATE_CHOICE_TRIGGER):
        if _is_prose(view.lines[index]):
            for m in tc.TEMPLATE_CHOICE.finditer(view.lines[index]):
                yield _line_find(view, index, m, "template_choice")


def _is_prose(line: str) -> bool:
    """A text line with a sentence in it, or a long one: not a table row, not a column heading of a table that a
    text extractor left as a line."""
    return not _is_table_row(line) and (tc.SENTENCE_MARK.search(line) is not None or
                                        len(squeeze(line)) >= tc.PROSE_MIN_LENGTH)


def doubled_punctuation(view: View) -> Iterator[Find]:
    """Read on the joined text, so that `，` at the end of a wrapped line and `。` at the start of the next count."""
    end = 0
    for trigger in tc.DOUBLED_TRIGGER.finditer(view.text):
        m = tc.DOUBLED_PUNCTUATION.match(view.text, trigger.start())
        if m is None or m.start() < end:
            continue
        end = m.end()
        first, last = view.index_of(m.start()), view.index_of(m.end() - 1)
        if any(_is_table_row(view.lines[i]) for i in range(first, last + 1)):
            continue
        column = m.start() - view.starts[first]
        yield Find(first + 1, "doubled_punctuation", squeeze(m.group(0)), None,
                   shorten(view.lines[first], column, column + 2))


def cut_sentences(view: View) -> Iterator[Find]:
    for index in view.lines_hit(tc.CUT_TRIGGER):
        for m in tc.CUT_SENTENCE.finditer(view.lines[index]):
            yield _line_find(view, index, m, "cut_sentence", squeeze(m.group(0)))
    yield from _dangling_before_headings(view)


def _dangling_before_headings(view: View) -> Iterator[Find]:
    """A text line ending on `，` whose next non-blank line is a chapter heading: the sentence was cut there."""
    for index in view.lines_hit(tc.DANGLING_TRIGGER):
        line = view.lines[index]
        following = _next_text(view.lines, index)
        if not _is_table_row(line) and following is not None and _is_heading(view.lines[following]):
            text = line.rstrip()
            yield Find(index + 1, "cut_sentence", text[-1], None, shorten(text, len(text) - 1, len(text)))


def _next_text(lines: tuple[str, ...], index: int) -> int | None:
    return next(_text_lines_after(lines, index), None)


def _is_heading(line: str) -> bool:
    """A chapter heading (`一、…`, `（二）…`, `第三部分…`): short, no sentence in it, not a table row."""
    if _is_table_row(line):
        return False
    text = _undoubled(line)
    return len(text) <= tc.MAJOR_HEADING_MAX and tc.MAJOR_HEADING.match(text) is not None \
        and not tc.SENTENCE_MARK.search(text)


def _undoubled(line: str) -> str:
    """The squeezed line, a bold-doubled heading (`X X`, pdftotext) printed once."""
    return bg.undouble_line(squeeze(line))[0]


# --- unbalanced quotes --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Open:
    index: int  # 0-based line index
    column: int
    mark: str


def unbalanced_quotes(view: View) -> Iterator[Find]:
    """One stream of marks over the text lines, cut at table rows and chapter headings (a table cell is read
    alone); a mark open for more than QUOTE_SPAN text lines is reported."""
    stack: list[_Open] = []
    previous = -1
    for index in view.lines_hit(tc.QUOTE_MARK):
        line = view.lines[index]
        if stack and (_boundary_between(view.lines, previous, index) or _too_far(view.lines, stack[0].index, index)):
            yield from _left_open(view.lines, stack)
            stack = []
        previous = index
        if _is_table_row(line):
            yield from _unbalanced_cells(view.lines, index)
            continue
        heading = _is_heading(line)
        if heading:
            yield from _left_open(view.lines, stack)
            stack = []
        yield from _read_marks(view.lines, index, 0, line, stack)
        if heading:
            yield from _left_open(view.lines, stack)
            stack = []
    yield from _left_open(view.lines, stack)


def _read_marks(lines: tuple[str, ...], index: int, offset: int, text: str, stack: list[_Open]) -> Iterator[Find]:
    """Push the opening marks of `text`, pop their closing ones; report a closing mark with nothing to close, and
    the marks its arrival proves unclosed (`《…“…》`). An ASCII `"` pairs with either curly half in the same text
    (`"三公”`, `“三公"`, `"三重一大“`); it has no direction, so it is never reported."""
    ascii_open = False
    for m in tc.ANY_QUOTE.finditer(text):
        mark, column = m.group(0), offset + m.start()
        if mark == tc.FULL_STOP:
            yield from _titles_left_open(lines, stack)
        elif mark == tc.ASCII_QUOTE:
            if stack and stack[-1].mark == "“" and stack[-1].index == index and not ascii_open:
                stack.pop()
            else:
                ascii_open = not ascii_open
        elif ascii_open and mark in "“”":
            ascii_open = False
        elif mark in tc.QUOTE_PAIRS:
            stack.append(_Open(index, column, mark))
        else:
            yield from _close(lines, index, column, mark, stack)


def _titles_left_open(lines: tuple[str, ...], stack: list[_Open]) -> Iterator[Find]:
    """At a full stop outside any quotation, a book title still open is unbalanced."""
    if stack and all(opened.mark == "《" for opened in stack):
        yield from _left_open(lines, stack)
        stack.clear()


def _close(lines: tuple[str, ...], index: int, column: int, mark: str, stack: list[_Open]) -> Iterator[Find]:
    opening = tc.CLOSING[mark]
    depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].mark == opening), None)
    if depth is None:
        yield _quote_find(lines, index, column, mark)
        return
    yield from _left_open(lines, stack[depth + 1:])
    del stack[depth:]


def _left_open(lines: tuple[str, ...], stack: list[_Open]) -> Iterator[Find]:
    for opened in stack:
        yield _quote_find(lines, opened.index, opened.column, opened.mark)


def _quote_find(lines: tuple[str, ...], index: int, column: int, mark: str) -> Find:
    expected = tc.QUOTE_PAIRS.get(mark) or tc.CLOSING[mark]
    return Find(index + 1, "unbalanced_quotes", mark, expected, shorten(lines[index], column, column + 1))


def _boundary_between(lines: tuple[str, ...], previous: int, index: int) -> bool:
    """A table row, a chapter heading or more than QUOTE_SPAN text lines between two marked lines: no quotation
    runs over them. Blank lines do not count (extractors print them after every line, or not at all)."""
    text_lines = 0
    for j in range(previous + 1, index):
        if lines[j].strip():
            text_lines += 1
            if text_lines > tc.QUOTE_SPAN or _is_table_row(lines[j]) or _is_heading(lines[j]):
                return True
    return False


def _too_far(lines: tuple[str, ...], opened: int, index: int) -> bool:
    """More than QUOTE_SPAN text lines after the oldest open mark: no quotation wraps over so many."""
    text_lines = 0
    for j in range(opened + 1, index + 1):
        if lines[j].strip():
            text_lines += 1
            if text_lines > tc.QUOTE_SPAN:
                return True
    return False


def _unbalanced_cells(lines: tuple[str, ...], index: int) -> Iterator[Find]:
    """Every cell of a table row read alone: a cell holds the whole text of its box."""
    offset = 0
    for cell in lines[index].split("\t"):
        stack: list[_Open] = []
        yield from _read_marks(lines, index, offset, cell, stack)
        yield from _left_open(lines, stack)
        offset += len(cell) + 1


# --- headings: years and names ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    index: int  # 0-based line index
    text: str  # squeezed and undoubled, without its numbering and its contents leader
    line: str  # as printed
    numbered: bool  # printed with a chapter or entry number (`第二部分`, `一、`, `表一`, `4．`)


def headings(view: View) -> list[Heading]:
    """The lines that name or date a report: its cover (the lines before the contents), contents entries, numbered
    headings, table titles and running titles, i.e. short lines holding a designation word and no sentence."""
    candidates = set(view.lines_hit(tc.DESIGNATION_LINE)) | set(range(_cover_end(view.lines)))
    out = []
    for index in sorted(candidates):
        line = view.lines[index]
        if len(line) > tc.HEADING_MAX * 3:
            continue
        heading = _heading(index, line)
        if heading and len(heading.text) <= tc.HEADING_MAX and not tc.SENTENCE_MARK.search(heading.text):
            out.append(heading)
    return out


def _heading(index: int, line: str) -> Heading | None:
    """A heading or contents entry without its page number, leader and numbering (`表一`, `4．`, `第二部分`)."""
    cells = [c for c in line.split("\t") if c.strip()]
    if not cells or len(cells) > 2:
        return None  # blank, or a table row (a contents entry has at most its page number in a second cell)
    text = tc.CONTENTS_TAIL.sub("", _undoubled(cells[0]))
    numbered = tc.HEADING_MARK.match(text) is not None
    for _ in range(2):  # `第二部分 第二部分 …`, `表一 预算公开表1`
        text = tc.HEADING_MARK.sub("", text, count=1)
    text = bg.undouble_line(text)[0]
    return Heading(index, text, line, numbered) if text else None


def _cover_end(lines: tuple[str, ...]) -> int:
    """0-based index of the contents heading (目录), or of the first line after the cover's lines."""
    seen = 0
    for index, line in enumerate(lines):
        text = squeeze(line)
        if not text:
            continue
        if labels.CONTENTS.match(text):
            return index
        seen += 1
        if seen > tc.COVER_LINES:
            return index
    return len(lines)


def heading_years(report_headings: list[Heading], info: DocumentInfo) -> Iterator[Find]:
    """The years of the headings that date the report, against its fiscal year (see the module's rule)."""
    if info.fiscal_year is None:
        return
    for heading in report_headings:
        if tc.COMPARISON.search(heading.text) or not _titles_a_part(heading):
            continue
        for m in tc.DATED_HEADING.finditer(heading.text):
            printed = int(m.group("year"))
            if printed not in _allowed_years(info.fiscal_year, info.doc_kind, heading.text):
                yield _heading_find(heading, "year_mismatch", f"{printed}年", f"{info.fiscal_year}年",
                                    anchor=m.group("year"))


def _titles_a_part(heading: Heading) -> bool:
    """A heading that titles a part of the report: numbered, a table title, a designation, a chapter ending in
    说明 / 情况 / 报告 / 公开; not a short line of a project table's text (`2023年度预算执行率`)."""
    return heading.numbered or tc.TABLE_END.search(heading.text) is not None or \
        tc.SELF_DESIGNATION.match(heading.text) is not None or heading.text.endswith(tc.PART_ENDINGS)


def _allowed_years(year: int, kind: str, dated: str) -> set[int]:
    allowed = {year}
    if kind != "final_accounts" and tc.LOOKS_BACK.search(dated):
        allowed.add(year - 1)
    if kind == "final_accounts" and tc.LOOKS_AHEAD.search(dated) and not tc.LOOKS_BACK.search(dated):
        allowed.add(year + 1)
    return allowed


def as_of_dates(view: View, info: DocumentInfo) -> Iterator[Find]:
    """`截至2025年8月31日`: a budget of Y states its assets at Y-1 (or early Y); final accounts at Y (or later)."""
    if info.fiscal_year is None:
        return
    year = info.fiscal_year
    first, last = (year, year + 1) if info.doc_kind == "final_accounts" else (year - 1, year)
    for index in view.lines_hit(tc.AS_OF_TRIGGER):
        for m in tc.AS_OF.finditer(view.lines[index]):
            if not first <= int(m.group("year")) <= last:
                yield Find(index + 1, "year_mismatch", squeeze(m.group(0)), f"{first}年至{last}年",
                           shorten(view.lines[index], m.start(), m.end()))


def project_years(view: View, year: int | None) -> Iterator[Find]:
    """The year a project table's title, or the year line under it (`（2024年度）`), prints."""
    if year is None:
        return
    for index in view.lines_hit(tc.PROJECT_TITLE_WORD):
        if not labels.is_project_table_title(view.lines[index]):
            continue
        printed = _project_year(view.lines, index)
        if printed and int(printed[1]) != year:
            position, found = printed
            line = view.lines[position]
            column = max(line.find(found[:2]), 0)
            yield Find(position + 1, "year_mismatch", f"{found}年", f"{year}年", shorten(line, column, column + 4))


def _project_year(lines: tuple[str, ...], title: int) -> tuple[int, str] | None:
    """(line index, year) of the year printed in a project table's title or on one of the two lines under it."""
    title_match = labels.PROJECT_TABLE_TITLE.match(squeeze(lines[title]))
    if title_match and title_match.group("year"):
        return title, title_match.group("year")
    for j in itertools.islice(_text_lines_after(lines, title), 2):
        year_line = labels.YEAR_LINE.match(squeeze(lines[j]))
        if year_line:
            return j, year_line.group("year")
    return None


def _text_lines_after(lines: tuple[str, ...], index: int) -> Iterator[int]:
    """0-based indexes of the non-blank lines after `index`."""
    return (j for j in range(index + 1, len(lines)) if lines[j].strip())


def names(report_headings: list[Heading], info: DocumentInfo) -> Iterator[Find]:
    """self_name and publisher_name, from the headings that designate the report or name its body."""
    scope = tc.KIND_SCOPE.get(info.doc_kind)
    for heading in report_headings:
        designation = tc.SELF_DESIGNATION.match(heading.text)
        if designation:
            printed = designation.group("scope")
            if scope and designation.group("phase") == "预算" and printed != scope:
                yield _heading_find(heading, "self_name", printed + "预算", scope + "预算")
            if scope == "部门" and printed == "单位":
                continue  # a subordinate unit's chapter of a department budget
            name = designation.group("name")
        else:
            named = tc.NAMED_HEADING.match(heading.text)
            name = named.group("name") if named else ""
        if info.publisher_name and _names_a_body(name) and not same_body(name, info.publisher_name, info.region_name):
            yield _heading_find(heading, "publisher_name", name, info.publisher_name)


def _heading_find(heading: Heading, check: str, found: str, expected: str, anchor: str | None = None) -> Find:
    """A finding on a heading, quoted around `anchor` (the thing found, by default)."""
    anchor = anchor or found
    column = max(heading.line.find(anchor[:2]), 0)
    return Find(heading.index + 1, check, found, expected, shorten(heading.line, column, column + len(anchor)))


def _names_a_body(name: str) -> bool:
    """A body's name (`…局`, `…办事处`) or a region's (`上海市普陀区`), not a subject (`项目支出概况`)."""
    return bool(name) and (tc.BODY_NAME.search(name) is not None or labels.region_of_name(name) == name)


def same_body(name: str, publisher: str, region: str | None) -> bool:
    """Whether a heading's name is the publisher's: the same name, or a short form of it (`普陀区财政局`, `区财政局`
    for 上海市普陀区财政局, `管委会` for 管理委员会: its characters in order, the same last one), or the publisher's
    region alone (a cover's `上海市普陀区`), or a generic word (本部门)."""
    name, publisher = squeeze(name), squeeze(publisher)
    if name in tc.GENERIC_NAMES or name == publisher:
        return True
    if labels.region_of_name(name) == name:
        return any(_abbreviates(name, r) for r in (publisher, region) if r)
    return name[-1] == publisher[-1] and (_abbreviates(name, publisher) or _abbreviates(publisher, name))


def _abbreviates(short: str, full: str) -> bool:
    """Every character of `short` in `full`, in order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


# --- missing tables -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    index: int  # 0-based line index of the contents entry
    title: str  # as the contents print it, without leader and page number
    table_type: str
    key: str


def contents_entries(view: View) -> list[Entry]:
    """The budget-table titles a table of contents (目录) lists: its entries up to the first prose line or the first
    entry printed again (where the body starts)."""
    start = next((i for i in view.lines_hit(tc.CONTENTS_TRIGGER) if labels.CONTENTS.match(squeeze(view.lines[i]))),
                 None)
    if start is None:
        return []
    out, first_entry = [], None
    for index in itertools.islice(_text_lines_after(view.lines, start), tc.CONTENTS_MAX_LINES):
        line = view.lines[index]
        heading = _heading(index, line)
        if heading is None or tc.CONTENTS_END.search(heading.text) or heading.text == first_entry:
            break
        first_entry = first_entry or heading.text
        table_type = _table_type(heading.text)
        if table_type:
            title = clean_text(tc.CONTENTS_TAIL.sub("", line.split("\t")[0]))
            out.append(Entry(index, title, table_type, title_key(heading.text)))
    return out


def _table_type(title: str) -> str | None:
    if not tc.TABLE_END.search(title) or bg.PERFORMANCE_WORD in title:
        return None
    return bg.table_type_of(title)


def title_key(title: str) -> str:
    """What a title means, for matching a contents entry with a printed title: no years, numbering, body prefix."""
    text = tc.HEADING_MARK.sub("", squeeze(title), count=1)
    return tc.TITLE_NOISE.sub("", tc.TITLE_NOISE.sub("", text))


def missing_tables(doc: Document, view: View) -> Iterator[Find]:
    """Per table type, the contents entries the printed titles do not account for: as many as the type has more
    entries than printed tables, those whose words no printed title of the type (or title-like line) shares."""
    entries = contents_entries(view)
    if not entries:
        return
    body_start = entries[-1].index + 1
    printed: defaultdict[str, list[str]] = defaultdict(list)
    for table in find_budget_tables(doc.lines, doc.tables if doc.is_paged else None):
        if table.title_line > body_start:
            printed[table.table_type].append(title_key(table.title))
    title_lines = _printed_title_keys(view, body_start)
    listed: defaultdict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        listed[entry.table_type].append(entry)
    for table_type, type_entries in listed.items():
        unmatched = [e for e in type_entries if e.key not in printed[table_type] and e.key not in title_lines]
        deficit = len(type_entries) - len(printed[table_type])
        for entry in unmatched[:max(deficit, 0)]:
            yield Find(entry.index + 1, "missing_table", entry.title, None, shorten(view.lines[entry.index]))


def _printed_title_keys(view: View, start: int) -> set[str]:
    """The keys of the title-like lines after the contents: a table printed without a grid (an empty table)."""
    out = set()
    for index in view.lines_hit(tc.TABLE_TITLE_TRIGGER):
        if index >= start and len(view.lines[index]) <= tc.HEADING_MAX * 2:
            heading = _heading(index, view.lines[index])
            if heading and _table_type(heading.text):
                out.add(title_key(heading.text))
    return out
