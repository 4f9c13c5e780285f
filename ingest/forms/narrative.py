"""The narrative form parser: the figures the 情况说明 of a budget disclosure states (amounts in 万元, percentages
and counts), each with the words before it and its line, so that they can be compared with the tables."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ingest.forms.narrative_claims import line_at, narrative_changes, narrative_classifications
from ingest.forms.result import ParseResult
from ingest.grammar import narrative as ng
from ingest.grammar.labels import CONTENTS, is_project_table_title
from ingest.grammar.numbers import is_plausible
from ingest.grammar.text import clean_text, contains_spaced, squeeze
from ingest.grid.model import Document
from ingest.records import NarrativeFigure

Paragraph = tuple[str, list[tuple[int, int]], str | None]  # (text, [(offset, position)], section heading)


def _topic(text: str) -> str | None:
    return next((topic for word, topic in ng.TOPICS if word in text), None)


def _narrative_lines(lines: tuple[str, ...], start: int) -> Iterator[tuple[int, str | None, str]]:
    """(index, cleaned line, line without spaces) of the narrative's non-blank lines after its heading, up to its
    end (the next part, or the project tables); a table row comes as (index, None, "")."""
    for i in range(start + 1, len(lines)):
        if "\t" in lines[i]:
            yield i, None, ""
            continue
        line = clean_text(lines[i])
        compact = squeeze(line)
        if not compact:
            continue
        if ng.NARRATIVE_END.match(compact) or is_project_table_title(lines[i]):
            return
        yield i, line, compact


def _paragraphs(lines: tuple[str, ...], start: int) -> list[Paragraph]:
    """(text, [(offset, line)], section) per paragraph: wrapped lines (pdftotext) are joined until a sentence
    ends or a heading starts, so that a figure and the words before it stay together."""
    out: list[Paragraph] = []
    text, spans, section = "", [], None

    def flush() -> None:
        nonlocal text, spans
        if text:
            out.append((text, spans, section))
        text, spans = "", []

    for i, line, compact in _narrative_lines(lines, start):
        if line is None:  # a table row: the paragraph before it has ended
            flush()
            continue
        if ng.HEADING.match(compact):
            flush()
            section = compact[:40]
        spans.append((len(text), i + 1))
        text += line
        if line.endswith(ng.SENTENCE_ENDS) or ng.HEADING.match(compact):
            flush()
    flush()
    return out


def narrative_start(lines: tuple[str, ...]) -> int | None:
    """0-based index of the heading the narrative starts after: the Shanxi `第X部分…情况说明`, else the first
    narrative heading of another template (`部门预算编制说明`, `…决算情况`) that prose follows."""
    start = next((i for i, line in enumerate(lines)
                  if contains_spaced(line, ng.NARRATIVE_WORD) and ng.NARRATIVE_START.match(squeeze(line))
                  and _prose_follows(lines, i)), None)
    if start is not None:
        return start
    for i in range(_after_contents(lines), len(lines)):
        line = lines[i]
        if "\t" in line or len(line) > 80 or not any(w in line for w in ng.SECTION_WORDS):
            continue
        if ng.SECTION_START.match(squeeze(line)) and _prose_follows(lines, i):
            return i
    return None


def _after_contents(lines: tuple[str, ...]) -> int:
    """0-based index of the first line after the table of contents (目录 and the short lines without a sentence
    that follow it, up to the first prose), or 0 when the document prints none."""
    start = next((i for i, line in enumerate(lines) if CONTENTS.match(squeeze(line))), None)
    if start is None:
        return 0
    for i in range(start + 1, len(lines)):
        text = squeeze(lines[i])
        if len(text) >= ng.PROSE_MIN_LENGTH and ng.PROSE.search(text):
            return i
    return len(lines)


def _prose_follows(lines: tuple[str, ...], index: int) -> bool:
    seen = 0
    for line in lines[index + 1:]:
        text = squeeze(line)
        if not text:
            continue
        if "\t" not in line and len(text) >= ng.PROSE_MIN_LENGTH and ng.PROSE.search(text):
            return True
        seen += 1
        if seen >= ng.PROSE_WITHIN:
            return False
    return False


def narrative_figures(lines: tuple[str, ...], document_id: str, source_file: str) -> list[NarrativeFigure]:
    start = narrative_start(lines)
    if start is None:
        return []
    out: list[NarrativeFigure] = []
    for p, (text, spans, section) in enumerate(_paragraphs(lines, start)):
        figures: list[tuple[NarrativeFigure, int]] = []  # (figure, offset of its number in the paragraph)
        last_money_label = None
        last_money_id = None
        for n, m in enumerate(ng.FIGURE.finditer(text)):
            value = Decimal(m.group("number").replace(",", ""))
            if not is_plausible(value):
                continue  # a run of digits, not a figure (and too wide for the column)
            unit = "%" if m.group("unit") in ng.PERCENT_UNITS else m.group("unit")
            label = m.group("label").strip("、")
            share = unit == "%" and label.endswith(ng.SHARE_OF) or label == ""
            refers_to = last_money_label if share else None
            line = line_at(spans, m.start())
            figure_id = f"{document_id}:{line}:{p + 1}.{n + 1}"
            figures.append((NarrativeFigure(
                narrative_figure_id=figure_id, document_id=document_id,
                source_file=source_file, source_line=line, section=section, label=label or None,
                refers_to_label=refers_to, topic=_topic((label or "") + (refers_to or "") + (section or "")),
                value=value, unit=unit, figure_text=m.group(0).strip(),
                refers_to_figure_id=last_money_id if share and unit == "%" else None), m.start("number")))
            if unit == ng.MONEY_UNIT:
                last_money_label, last_money_id = label, figure_id
        _link_breakdowns(text, figures)
        out += [figure for figure, _ in figures]
    return out


def _link_breakdowns(text: str, figures: list[tuple[NarrativeFigure, int]]) -> None:
    """`X万元，其中：a万元，b万元` states X = a + b: link each part to its whole. The whole is the last amount
    before 其中 (also across a full stop: `…共计X万元。其中：…`); the parts run to the sentence end."""
    money = [(f, offset) for f, offset in figures
             if f.unit == ng.MONEY_UNIT and not any(w in (f.label or "") for w in ng.CHANGE_WORDS)]
    openers = [m.start() for m in ng.BREAKDOWN.finditer(text)]
    wholes: dict[int, NarrativeFigure] = {}
    for q in openers:
        sentence_start = text.rfind(ng.FULL_STOP, 0, q) + 1
        before = [(f, offset) for f, offset in money if offset < q]
        if not before:
            continue
        if before[-1][1] < sentence_start:
            # `…共计X万元。其中：…` continues the sentence before only when that sentence states one amount.
            previous_start = text.rfind(ng.FULL_STOP, 0, sentence_start - 1) + 1
            if sum(previous_start <= offset < sentence_start for _, offset in money) != 1:
                continue
        wholes[q] = before[-1][0]
    whole_ids = {id(f) for f in wholes.values()}
    for f, offset in money:
        if id(f) in whole_ids:
            continue
        q = max((q for q in wholes if q < offset), default=None)
        if q is not None and ng.FULL_STOP not in text[q:offset]:
            f.part_of_figure_id = wholes[q].narrative_figure_id


def narrative_text(lines: tuple[str, ...], start: int) -> tuple[str, list[tuple[int, int]]]:
    """The narrative after its heading as one text, wrapped lines joined, a new line before each heading and in
    place of a table, with (offset, position) of every line: what the claims of forms.narrative_claims read."""
    text, spans = "", []
    for i, line, compact in _narrative_lines(lines, start):
        if line is None:
            text += "\n"
            continue
        heading = ng.HEADING.match(compact) or ng.SUBHEADING.match(compact)
        if heading:
            text += "\n"
        spans.append((len(text), i + 1))
        text += line + ("\n" if heading else "")
    return text, spans


def parse_narrative(doc: Document) -> ParseResult:
    """The narrative form parser's result: the figures of the document's 情况说明 (none when it has none), the
    classifications it names with their amounts and the comparisons it draws."""
    out = ParseResult()
    out.narrative_figures += narrative_figures(doc.lines, doc.document_id, doc.source_file)
    start = narrative_start(doc.lines)
    if start is not None:
        text, spans = narrative_text(doc.lines, start)
        out.narrative_classifications += narrative_classifications(text, spans, doc.document_id, doc.source_file)
        out.narrative_changes += narrative_changes(text, spans, doc.document_id, doc.source_file)
    return out
