"""Indicator grids extracted by pdftotext: labels split over lines (`产出\\n指标`, `服务对象\\n满意度指标`), wrapped
cells emitted column by column, and the annual half of a row following its implementation half.

Most rows print the same indicator for both periods, so the text between labels is cut wherever it reads as two
equal halves (whitespace ignored, so different wrapping does not matter). What never forms equal halves (values
that differ between periods, truncated annual names) is split into `name value` items and paired by name.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ingest.forms.project.indicator_rows import GridParse, IndicatorRow
from ingest.forms.stream import LineStream
from ingest.grammar import indicators as voc
from ingest.grammar.labels import DISCLOSURE_COVER
from ingest.grammar.text import PAGE_NUMBER, SPACE_RUN, join_wrapped, squeeze
from ingest.grammar.values import parse_target, peel_value


def _is_heading_line(text: str) -> bool:
    compact = squeeze(text)
    return (compact in voc.VERTICAL_HEADING_PIECES or voc.LEVEL1_HEADING in compact
            or bool(PAGE_NUMBER.match(text.strip())) or bool(DISCLOSURE_COVER.match(compact)))


class _Fragment:
    __slots__ = ("text", "line", "side", "compact")

    def __init__(self, text: str, line: int, side: str | None = None) -> None:
        # side: the period the fragment is known to belong to, when it directly follows a level-2 label
        # (the first label of a group opens the implementation half, its repetition the annual half).
        self.text, self.line, self.side = text, line, side
        self.compact = squeeze(text)


def _equal_halves(fragments: list[_Fragment]) -> tuple[list[_Fragment], list[_Fragment]] | None:
    """Cut the buffer into two halves that read the same with whitespace removed; the cut may fall between
    fragments or at a space inside one."""
    whole = "".join(f.compact for f in fragments)
    if len(whole) < 4 or len(whole) % 2 or whole[: len(whole) // 2] != whole[len(whole) // 2:]:
        return None
    half = len(whole) // 2
    seen = 0
    for i, frag in enumerate(fragments):
        compact = frag.compact
        if seen == half:
            return fragments[:i], fragments[i:]
        if seen < half < seen + len(compact):
            # Find the space in this fragment where the compact offset reaches `half`.
            count = 0
            for pos, ch in enumerate(frag.text):
                if count == half - seen and ch == " ":
                    left = _Fragment(frag.text[:pos].strip(), frag.line, frag.side)
                    right = _Fragment(frag.text[pos:].strip(), frag.line, frag.side)
                    return fragments[:i] + [left], [right] + fragments[i + 1:]
                if not ch.isspace():
                    count += 1
            return None
        seen += len(compact)
    return None


def _lines_agree(a: _Fragment, b: _Fragment) -> bool:
    if a.compact == b.compact:
        return True
    shorter, longer = sorted((a.compact, b.compact), key=len)
    return len(shorter) >= 2 and longer.startswith(shorter)


def _linewise_halves(fragments: list[_Fragment]) -> tuple[list[_Fragment], list[_Fragment]] | None:
    """A wrapped row whose two halves wrap alike but differ in a word (`纳入救助范` / `纳入救助范围`): line i of
    the first half agrees with line i of the second."""
    n = len(fragments)
    if n < 4 or n % 2:
        return None
    m = n // 2
    if all(_lines_agree(fragments[i], fragments[m + i]) for i in range(m)):
        return fragments[:m], fragments[m:]
    return None


def _name_and_value(fragments: list[_Fragment]) -> tuple[str, str]:
    """One half of a row: name lines first, value lines last. Candidates are every line boundary and a value
    peeled off the last line; the best reads as a name that ends like a name and a value that reads as a value
    (values are short: on a tie, the shorter value wins)."""
    if len(fragments) == 1:
        return peel_value(fragments[0].text)
    texts = [f.text for f in fragments]
    # A space between two words on the last line is a cell boundary (`…服务水平 / 提升 明显`); a space next to a
    # digit is only an extraction artifact (`20 日前完成`).
    last = texts[-1]
    cut = last.rfind(" ")
    if cut > 0 and not last[cut - 1].isdigit() and not last[cut + 1:cut + 2].isdigit():
        head = "".join(t.replace(" ", "") for t in texts[:-1])
        return head + last[:cut].replace(" ", ""), last[cut + 1:]
    candidates: list[tuple[int, int, tuple[str, str]]] = []
    for k in range(1, len(texts)):
        name = "".join(t.replace(" ", "") for t in texts[:k])
        value = join_wrapped(texts[k:])
        score = (2 if voc.NAME_ENDING.search(name) else 0) + (1 if parse_target(value).kind != "qualitative" else 0)
        score -= 2 * sum(len(t) > 14 for t in texts[k:])
        candidates.append((score, -len(value), (name, value)))
    last_name, last_value = peel_value(texts[-1])
    if last_value and last_name:  # the last line holds the end of the name and the value
        name = "".join(t.replace(" ", "") for t in texts[:-1]) + last_name.replace(" ", "")
        score = 1 + (2 if voc.NAME_ENDING.search(name) else 0) + (1 if parse_target(last_value).kind != "qualitative"
                                                                 else 0)
        candidates.append((score, -len(last_value), (name, last_value)))
    return max(candidates)[2]


def _similar_names(a: str, b: str) -> bool:
    a, b = squeeze(a), squeeze(b)
    return bool(a and b) and (a.startswith(b) or b.startswith(a) or SequenceMatcher(None, a, b).ratio() >= 0.6)


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:] if n else ""


def _recover_glued(item: tuple[str, str], other: tuple[str, str]) -> tuple[str, str]:
    """A truncated annual name glued to its value (`服务验收合格率（100%`, `提高工作人员工作有效改善`): take the
    value the other period prints, or the longest common ending of both cells."""
    name, value = item
    if value:
        return item
    if other[1] and name.endswith(other[1].replace(" ", "")) and len(name) > len(other[1]):
        return name[: -len(other[1].replace(" ", ""))], other[1]
    suffix = _common_suffix(squeeze(name), squeeze(other[0] + other[1]))
    if 2 <= len(suffix) < len(squeeze(name)):
        return name[: len(name) - len(suffix)], suffix
    return item


def _two_items(text: str) -> tuple[int, tuple[str, str], tuple[str, str]] | None:
    """`name value name value` on one line: (cut position, left item, right item), or None. Values glued to
    their names (`…规范性促进 …对工促进`) are recovered from what the two cells share."""
    for m in SPACE_RUN.finditer(text):
        left, right = peel_value(text[: m.start()]), peel_value(text[m.start():])
        if not (left[0] and right[0]):
            continue
        if not left[1] and not _similar_names(left[0], right[0]):
            continue
        left, right = _recover_glued(left, right), _recover_glued(right, left)
        if left[1] and right[1]:
            return m.start(), left, right
    return None


def _split_line(frag: _Fragment) -> tuple[_Fragment, _Fragment]:
    """Cut a `name value name value` line into its two halves."""
    found = _two_items(frag.text)
    if found is None:
        return frag, _Fragment("", frag.line, "annual")
    cut = found[0]
    return (_Fragment(frag.text[:cut], frag.line, "implementation"),
            _Fragment(frag.text[cut:], frag.line, "annual"))


def _merge_value_continuations(fragments: list[_Fragment]) -> list[_Fragment]:
    """A line that is only a number (`≥18430000`) or only a unit (`万元`, `平方米`) continues the line before."""
    merged: list[_Fragment] = []
    for frag in fragments:
        kind = parse_target(frag.text).kind
        only_number = kind in ("numeric", "percent") and frag.text[:1] in "≥≤<>＜＞=0123456789"
        only_unit = bool(voc.UNIT_ONLY.match(frag.compact)) and merged and merged[-1].compact[-1:].isdigit()
        if merged and (only_number or only_unit):
            joiner = "" if only_unit else " "
            merged[-1] = _Fragment(merged[-1].text + joiner + frag.text, merged[-1].line, merged[-1].side)
        else:
            merged.append(frag)
    return merged


def _items_of(fragments: list[_Fragment]) -> list[tuple[str, str, int, str | None]]:
    """Split leftover text into `name value` items: a line may hold one item or two side by side."""
    items: list[tuple[str, str, int, str | None]] = []
    for frag in fragments:
        found = _two_items(frag.text)
        if found:
            _, left, right = found
            items += [(left[0], left[1], frag.line, "implementation"), (right[0], right[1], frag.line, "annual")]
        else:
            name, value = peel_value(frag.text)
            items.append((name, value, frag.line, frag.side))
    return items


class _TextGridParser:
    def __init__(self) -> None:
        self.result = GridParse()
        self.level1: tuple[str | None, str | None] = (None, None)
        self.level2: tuple[str | None, str | None] = (None, None)
        self.buffer: list[_Fragment] = []
        self.pending_side: str | None = None
        self.positions = {"implementation": 0, "annual": 0}

    def _emit(self, period: str, name: str, value: str, line: int) -> None:
        level1 = self.level1[0] or voc.vocabulary().parent.get(self.level2[0] or "")
        placeholder = voc.is_placeholder(name)
        self.result.rows.append(IndicatorRow(period, level1, self.level1[1], self.level2[0], self.level2[1],
                                             name, value, placeholder, line, self.positions[period]))
        self.positions[period] += 1
        self.result.mark(line, "indicator")

    def _emit_pair(self, first: list[_Fragment], second: list[_Fragment]) -> None:
        impl, annual = _name_and_value(first), _name_and_value(second)
        impl, annual = _recover_glued(impl, annual), _recover_glued(annual, impl)
        for period, half, (name, value) in (("implementation", first, impl), ("annual", second, annual)):
            self._emit(period, name, value, half[0].line)
            for frag in half:
                self.result.mark(frag.line, "indicator")

    def add_text(self, text: str, line: int) -> None:
        text = text.strip()
        if not text:
            return
        self.buffer.append(_Fragment(text, line, self.pending_side))
        self.pending_side = None
        halves = self._complete_row()
        if halves:
            self._emit_pair(*halves)
            self.buffer = []

    def _complete_row(self) -> tuple[list[_Fragment], list[_Fragment]] | None:
        """The buffer as a finished row (implementation half, annual half), or None while it is incomplete."""
        buffer = self.buffer
        if buffer[0].side == "implementation":
            # First row of a group: its annual half starts where the repeated level-2 label stood.
            cut = next((i for i, f in enumerate(buffer) if f.side == "annual"), None)
            if not cut:
                return None
            first, second = buffer[:cut], buffer[cut:]
            a, b = "".join(f.compact for f in first), "".join(f.compact for f in second)
            if a == b:
                return first, second
            value = squeeze(_name_and_value(first)[1])
            if value and b == value and len(second) == 1:
                return first, second  # the annual half prints the value alone, its name left blank
            if not value or len(b) < len(value) + 2:
                return None
            # A value printed on a line of its own must end the annual half the same way.
            ends = second[-1].compact == value if first[-1].compact == value else b.endswith(value)
            if not ends:
                return None
            if len(b) >= len(a) - 3 and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75:
                return first, second  # the same indicator, wrapped or cut differently in the annual column
            if parse_target(value).kind != "qualitative" and len(b) <= len(a) + 4:
                # Names differ, but the label marks the cut and the same number ends both (an annual half longer
                # than the first would hold further rows).
                return first, second
            return None
        halves = _equal_halves(buffer) or _linewise_halves(buffer)
        if halves and halves[0] and halves[1]:
            return halves
        if len(buffer) == 1:
            items = _items_of(buffer)  # `name value name value` on one line with different values
            if len(items) == 2 and items[0][3] == "implementation" and items[1][3] == "annual":
                left, right = _split_line(buffer[0])
                return [left], [right]
        return None

    def flush(self) -> None:
        if not self.buffer:
            return
        for frag in self.buffer:  # every buffered line ends up in the items below
            self.result.mark(frag.line, "indicator")
        items = _items_of(_merge_value_continuations(self.buffer))
        used = [False] * len(items)
        for i, (name, value, line, side) in enumerate(items):
            if used[i]:
                continue
            used[i] = True
            partner = next((j for j in range(i + 1, len(items)) if not used[j]
                            and _similar_names(name, items[j][0])), None)
            if partner is None:
                # One-sided row (or a column shifted by a row): placed by the label it follows when there is one.
                self._emit(side or "implementation", name, value, line)
                if side is None:
                    self.result.rejects.append((line, "one_sided_row_period_assumed",
                                                f"{name} {value}: no counterpart; taken as implementation"))
                continue
            used[partner] = True
            first, second = (name, value), items[partner][:2]
            first, second = _recover_glued(first, second), _recover_glued(second, first)
            self._emit("implementation", *first, line)
            self._emit("annual", *second, items[partner][2])
        self.buffer = []

    def label(self, kind: str, canonical: str, printed: str, line: int) -> None:
        self.result.mark(line, "label")
        if kind == "2" and not self.buffer and self.pending_side == "implementation" and self.level2[1] \
                and voc.promotes_to_level1(self.level2[1], printed):
            # The label just printed (成本指标) is the level 1 of this one (经济成本指标): the 2021 framework.
            self.level1 = (voc.level1_of(self.level2[1]), self.level2[1])
            self.level2 = (canonical, printed)
            return
        if kind == "1":
            self.flush()
            self.level1 = (canonical, printed)
            self.level2 = (None, None)
            self.pending_side = None
        elif canonical != self.level2[0]:
            self.flush()
            self.level2 = (canonical, printed)
            self.pending_side = "implementation"
        else:
            self.pending_side = "annual"


def parse_text_grid(lines: tuple[str, ...], first: int, last: int) -> GridParse:
    """Grid lines first..last (0-based, inclusive) of a pdftotext table."""
    parser = _TextGridParser()
    headings = {idx + 1 for idx in range(first, last + 1) if lines[idx].strip() and _is_heading_line(lines[idx])}
    for line in headings:
        parser.result.mark(line, "label")
    stream = LineStream.from_lines(lines, first, last)
    text = stream.text
    pattern, label_keys = voc.text_label_pattern()
    pos = 0
    for m in pattern.finditer(text):
        line_of_match = stream.line_at(m.start())
        if line_of_match in headings:
            continue
        _add_span(parser, stream, headings, pos, m.start())
        key = label_keys[m.lastgroup]
        level, canonical = key.split(":", 1)
        parser.label(level, canonical, squeeze(m.group(0)), stream.line_at(m.start()))
        for line in {stream.line_at(offset) for offset in range(m.start(), m.end())}:  # each line of a broken label
            parser.result.mark(line, "label")
        pos = m.end()
    _add_span(parser, stream, headings, pos, len(text))
    parser.flush()
    return parser.result


def _add_span(parser: _TextGridParser, stream: LineStream, headings: set[int], start: int, end: int) -> None:
    """Feed the text between two labels to the parser, one fragment per line."""
    offset = start
    for piece in stream.text[start:end].split("\n"):
        line = stream.line_at(offset)
        if line is not None and line not in headings:
            parser.add_text(piece, line)
        offset += len(piece) + 1
