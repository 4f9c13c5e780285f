"""Parse the header and funding block of one segmented project performance table.

Labels are found in order in a LineStream of the header (see grammar.header), so TAB cells, pdftotext lines and
labels broken across lines are read by the same code. Values are the text between one label and the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from ingest.grammar import header as hg
from ingest.grammar.dates import parse_filled_date
from ingest.grammar.numbers import AMOUNT_WITH_UNIT, fold_number_width, parse_amount, to_yuan
from ingest.grammar.text import clean_text, squeeze
from ingest.segment import TableSegment
from ingest.stream import LineStream, join_wrapped

# A 万元 figure this large (≥ 10亿元 for one project) is almost surely printed in 元 under a 万元 label.
_WAN_YUAN_IMPLAUSIBLE = Decimal(100_000)
_GOAL_PLACEHOLDER = re.compile(r"^(?:目标\s*\d+\s*[:：]?\s*)+$")
_CELL_OR_LINE = re.compile(r"[\t\n]")
_NON_SPACE_RUN = re.compile(r"\S+")
_GRID_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TEXT_FIELDS = ("overview", "basis", "necessity", "measures", "plan")


@dataclass
class FundingAmount:
    period: str  # implementation | annual
    fund_source: str
    fund_source_label: str  # as printed (line breaks removed)
    amount_as_printed: str  # '' when the cell is blank
    amount_value: Decimal | None  # the printed number, in the unit it is printed in
    unit: str | None  # 元 or 万元: the cell's own unit, else the one stated in the 项目资金 label
    amount_yuan: Decimal | None
    unit_conflict: bool
    source_line: int | None


@dataclass
class ProjectParse:
    fields: dict[str, object] = field(default_factory=dict)
    funding: list[FundingAmount] = field(default_factory=list)
    issues: list[tuple[int | None, str, str]] = field(default_factory=list)  # (line, reason, detail)


@dataclass(frozen=True)
class _Label:
    key: str
    start: int
    end: int
    match: re.Match[str]


def find_grid_start(lines: tuple[str, ...], first: int, last: int) -> int:
    """0-based index of the first line of the indicator grid (or last + 1 when the table has none)."""
    for idx in range(first, last + 1):
        line = lines[idx].lstrip()
        # Grid labels are short and start with one of these characters: skip prose cheaply.
        if line[:1] in hg.GRID_START_CHARS and hg.GRID_START.match(squeeze(line)):
            return idx
    return last + 1


def _find_header_labels(stream: LineStream) -> list[_Label]:
    found: list[_Label] = []
    pos = 0
    for spec in hg.HEADER_FIELDS:
        m = spec.pattern.search(stream.text, pos)
        if not m:
            continue
        found.append(_Label(spec.key, m.start(), m.end(), m))
        if spec.key != "goal_columns":  # the goal column headers print before or after 总体目标
            pos = m.end()
    return sorted(found, key=lambda lab: lab.start)


def _pieces(text: str) -> list[str]:
    return [p.strip() for p in _CELL_OR_LINE.split(text) if p.strip()]


def _single_value(text: str) -> str | None:
    value = " ".join(_pieces(text)).strip(" :：")
    return value or None


def _text_value(text: str, tail: str = "") -> str | None:
    pieces = [p for p in _pieces(text) if p != tail]
    value = join_wrapped(pieces).lstrip(":：").strip()
    return value or None


def split_department(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(code, name, unified credit code) of a 主管部门及代码 value such as `027-吕梁市市场监督管理局`."""
    if not value:
        return None, None, None
    credit = hg.CREDIT_CODE.search(value)
    credit_code = credit.group(0) if credit else None
    if credit:
        value = (value[: credit.start()] + value[credit.end():]).strip()
    m = hg.DEPARTMENT_CODE.match(value)
    if m:
        return m.group("code"), m.group("name").strip(), credit_code
    return None, value or None, credit_code


def parse_project_category(raw_lines: list[str]) -> tuple[str | None, str | None]:
    """Checked 项目分类 options: (group letters such as 'A,C', the checked option texts joined by '；')."""
    groups: set[str] = set()
    items: list[str] = []
    for raw in raw_lines:
        cells = [c.strip() for c in raw.split("\t")]
        letter = next((c for c in cells if c in {"A", "B", "C", "D"}), None)
        parts = hg.CHECKBOX.split(raw)
        # split() with one group yields: text, checked-flag, text, checked-flag, text, ...
        for i in range(1, len(parts) - 1, 2):
            if parts[i]:
                option = clean_text(parts[i + 1].split("\t")[0])
                if option:
                    items.append(option)
                    if letter:
                        groups.add(letter)
    return (",".join(sorted(groups)) or None, "；".join(items) or None)


def _find_fund_labels(text: str) -> list[tuple[str, re.Match[str]]]:
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for period, pattern in hg.TOTAL_LABELS.items():
        candidates += [(m.start(), -m.end(), "total:" + period, m) for m in pattern.finditer(text)]
    for source, pattern in hg.FUND_SOURCE_LABELS:
        candidates += [(m.start(), -m.end(), source, m) for m in pattern.finditer(text)]
    chosen: list[tuple[str, re.Match[str]]] = []
    covered = -1
    for start, neg_end, key, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        if start >= covered:  # the longest label wins where several start at the same place
            chosen.append((key, m))
            covered = -neg_end
    return chosen


def _read_amount(text: str) -> tuple[str, object]:
    """('blank'|'amount'|'unparsable', value) for the text after a funding label."""
    value_text = text.strip().lstrip(":：").strip()
    pieces = [p for p in _CELL_OR_LINE.split(value_text) if p.strip() and p.strip() not in hg.LABEL_FRAGMENTS]
    value_text = " ".join(p.strip() for p in pieces)
    if not value_text:
        return "blank", ""
    m = AMOUNT_WITH_UNIT.match(value_text)
    if m:
        rest = value_text[m.end():].strip()
        if not rest or all(tok in hg.LABEL_FRAGMENTS for tok in rest.split()):
            parsed = parse_amount(m.group(0))
            if parsed:
                return "amount", parsed
    return "unparsable", value_text


def parse_funding(stream: LineStream, start: int, end: int, stated_unit: str | None, result: ProjectParse) -> None:
    text = stream.text[start:end]
    labels = _find_fund_labels(text)
    seen: dict[str, int] = {}
    previous_source: str | None = None
    for n, (key, m) in enumerate(labels):
        value_end = labels[n + 1][1].start() if n + 1 < len(labels) else len(text)
        kind, value = _read_amount(text[m.end():value_end])
        label_text = squeeze(m.group(0))
        if key.startswith("total:"):
            period, source = key.split(":")[1], "total"
            if key in seen:
                result.issues.append((stream.line_at(start + m.start()), "column_shift_unresolved",
                                      f"second {label_text} label in the funding block"))
                continue
            seen[key] = 1
        else:
            source = key
            if source == "transfer_unspecified" and previous_source and previous_source.startswith("transfer_") \
                    and seen.get(previous_source) == 1:
                source = previous_source
            count = seen.get(source, 0)
            seen[source] = count + 1
            previous_source = source
            if count >= 2:
                result.issues.append((stream.line_at(start + m.start()), "column_shift_unresolved",
                                      f"third {label_text} label in the funding block"))
                continue
            period = "implementation" if count == 0 else "annual"
        value_offset = start + m.end() + (len(text[m.end():value_end]) - len(text[m.end():value_end].lstrip()))
        line = stream.line_at(value_offset if kind != "blank" else start + m.start())
        amount = FundingAmount(period, source, label_text, "", None, stated_unit, None, False, line)
        if kind == "amount":
            amount.amount_as_printed = value.text
            amount.amount_value = value.value
            amount.unit = value.unit or stated_unit
            if value.unit and stated_unit and value.unit != stated_unit:
                amount.unit_conflict = True
            if amount.unit == "万元" and abs(value.value) >= _WAN_YUAN_IMPLAUSIBLE and value.unit is None:
                amount.unit_conflict = True
            if amount.unit:
                amount.amount_yuan = to_yuan(value.value, amount.unit)
                if amount.amount_yuan is None:
                    result.issues.append((line, "unparsable_amount", f"{label_text} {value.text}: implausibly large"))
            else:
                result.issues.append((line, "missing_funds_unit", f"no 项目资金 unit for {label_text} {value.text}"))
            if amount.unit_conflict:
                result.issues.append((line, "unit_conflict",
                                      f"{label_text} {value.text} under a （{stated_unit}） label"))
        elif kind == "unparsable":
            amount.amount_as_printed = value
            result.issues.append((line, "unparsable_amount", f"{label_text} {value!r}"))
        result.funding.append(amount)


def _split_goal_cells(region: str, annual_column: int | None) -> tuple[list, list]:
    """TAB layout: goal cells left of the 年度目标 column are implementation, the rest annual."""
    impl: list[str] = []
    annual: list[str] = []
    for row in region.split("\n"):
        cells = [(i, c.strip()) for i, c in enumerate(row.split("\t")) if c.strip()]
        if len(cells) >= 2:
            impl.append(cells[0][1])
            annual.append(" ".join(c for _, c in cells[1:]))
        elif cells:
            i, c = cells[0]
            (annual if annual_column is not None and i >= annual_column else impl).append(c)
    return impl, annual


def _similar_halves(pieces: list[str]) -> tuple[str, str] | None:
    """Split at the line break after which the text restates the beginning of what came before (the annual goal
    is usually a shorter restatement of the implementation goal)."""
    best: tuple[float, int] | None = None
    for k in range(1, len(pieces)):
        impl, annual = join_wrapped(pieces[:k]), join_wrapped(pieces[k:])
        # Compare the beginnings only: enough to see a restatement, and cheap.
        matcher = SequenceMatcher(None, impl[: min(len(annual) + 2, 60)], annual[:60], autojunk=False)
        if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
            continue
        score = matcher.ratio()
        if score >= 0.75 and (best is None or score > best[0]):
            best = (score, k)
    if best is None:
        return None
    return join_wrapped(pieces[: best[1]]), join_wrapped(pieces[best[1]:])


def _split_goal_text(pieces: list[str], paragraphs: list[list[str]], paragraphs_reliable: bool,
                     ) -> tuple[str | None, str | None, str]:
    """Space layout (pdftotext): impl and annual goals as two halves of one line, two paragraphs, or a
    restatement; else left unsplit (the full text stays in overall_goal_text)."""
    if len(pieces) == 1 and pieces[0].count(" ") == 1:
        left, right = pieces[0].split(" ")
        return left, right, "one_line"
    if paragraphs_reliable and len(paragraphs) == 2:
        return join_wrapped(paragraphs[0]), join_wrapped(paragraphs[1]), "paragraphs"
    compact = join_wrapped(pieces).replace(" ", "")
    # The annual goal may repeat the beginning of the implementation goal exactly: the longest such tail.
    for k in range(len(compact) // 2, len(compact) - 3):
        tail = compact[k:]
        if compact.startswith(tail):
            return compact[:k], tail, "repeated_prefix"
    halves = _similar_halves(pieces)
    if halves:
        return halves[0], halves[1], "similar_halves"
    return None, None, "unsplit"


def _wraps_across_blank_lines(stream: LineStream, labels: list[_Label]) -> bool:
    """True when wrapped text lines are separated by blank lines (pdftotext of some PDFs): blank lines then
    say nothing about paragraphs."""
    text_labels = [lab for lab in labels if lab.key in _TEXT_FIELDS]
    for lab in text_labels:
        following = [o.start for o in labels if o.start > lab.start]
        end = min(following) if following else len(stream.text)
        value = stream.text[lab.end:end]
        numbers = sorted({stream.line_at(lab.end + m.start()) for m in _NON_SPACE_RUN.finditer(value)})
        if any(b - a > 1 for a, b in zip(numbers, numbers[1:], strict=False)):
            return True
    return False


def parse_goals(lines: tuple[str, ...], stream: LineStream, labels: list[_Label], goal_end_line: int,
                result: ProjectParse) -> None:
    goal_labels = [lab for lab in labels if lab.key in ("goal_columns", "overall_goal")]
    if not goal_labels:
        return
    start = min(lab.start for lab in goal_labels)
    # Remove the labels themselves from the region; what is left is goal text.
    region = stream.text[start:]
    for lab in sorted(goal_labels, key=lambda lab: lab.start, reverse=True):
        a, b = lab.start - start, lab.end - start
        region = region[:a] + " " * (b - a) + region[b:]
    tabbed = "\t" in region
    pieces = [p for p in _pieces(region)]
    text = join_wrapped(pieces) if not tabbed else " ".join(pieces)
    result.fields["overall_goal_text"] = text or None
    if not text or all(_GOAL_PLACEHOLDER.match(squeeze(p)) for p in pieces):
        result.fields["goal_split"] = "placeholder" if text else "empty"
        return
    if tabbed:
        annual_column = None
        columns = next((lab for lab in goal_labels if lab.key == "goal_columns"), None)
        if columns:
            row_start = stream.text.rfind("\n", 0, columns.start) + 1
            header_cells = stream.text[row_start:columns.end].split("\t")
            annual_column = next((i for i, c in enumerate(header_cells) if "年度目标" in squeeze(c)), None)
            # A header row that starts with its own 实施期目标 cell is not aligned with the goal rows (which start
            # with the 总体目标 label): its column numbers cannot place a lone cell.
            if header_cells and squeeze(header_cells[0]) and "年度目标" not in squeeze(header_cells[0]):
                annual_column = None
        impl, annual = _split_goal_cells(region, annual_column)
        if annual_column is None and len(impl) == 1 and not annual:
            result.fields["goal_split"] = "unsplit"  # one lone cell and no reliable column: say so
            return
        impl = [c for c in impl if not _GOAL_PLACEHOLDER.match(squeeze(c))]
        annual = [c for c in annual if not _GOAL_PLACEHOLDER.match(squeeze(c))]
        result.fields["overall_goal_implementation"] = " ".join(impl) or None
        result.fields["overall_goal_annual"] = " ".join(annual) or None
        result.fields["goal_split"] = "cells"
        return
    # Paragraphs need the blank lines the stream dropped: re-read the raw lines of the goal region.
    first_line = stream.line_at(start) or goal_end_line
    # Lines that hold only a piece of a goal label, however the label wrapped (`总` / `体目标`).
    label_pieces: dict[int, str] = {}
    for lab in goal_labels:
        for offset in range(lab.start, lab.end):
            label_pieces.setdefault(stream.line_at(offset), squeeze(stream.text[lab.start:lab.end]))
    paragraphs: list[list[str]] = [[]]
    for idx in range(first_line - 1, goal_end_line):
        piece = clean_text(lines[idx])
        if squeeze(piece) and squeeze(piece) in label_pieces.get(idx + 1, ""):
            piece = ""
        for lab_text in ("实施期目标", "年度目标", "总体目标", "总体", "目标"):
            if squeeze(piece) == lab_text:
                piece = ""
        if squeeze(piece).startswith("实施期目标年度目标"):
            piece = ""
        if piece.startswith("总体目标"):
            piece = piece[len("总体目标"):].strip()
        if piece:
            paragraphs[-1].append(piece)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    impl_goal, annual_goal, method = _split_goal_text(pieces, paragraphs, not _wraps_across_blank_lines(stream, labels))
    result.fields["overall_goal_implementation"] = impl_goal
    result.fields["overall_goal_annual"] = annual_goal
    result.fields["goal_split"] = method


def parse_footer(lines: tuple[str, ...], seg: TableSegment, result: ProjectParse) -> None:
    """Only the 填报日期 of the footer: its other fields are names and phone numbers (kept out of the warehouse)."""
    if seg.end_reason != "footer":
        return
    footer = clean_text(lines[seg.end_line - 1])
    m = hg.FOOTER_DATE.search(footer)
    text = m.group("date").strip() if m else None
    result.fields["filled_date_text"] = text
    result.fields["filled_date"], result.fields["filled_date_precision"] = parse_filled_date(text)
    result.fields["footer_line"] = seg.end_line
    if text and result.fields["filled_date"] is None:
        result.issues.append((seg.end_line, "unparsable_date", f"填报日期 {text!r}"))


def parse_project_table(lines: tuple[str, ...], seg: TableSegment) -> ProjectParse:
    result = ProjectParse()
    assert seg.name_line is not None
    last = seg.end_line - 1 - (1 if seg.end_reason == "footer" else 0)
    grid = find_grid_start(lines, seg.name_line, last)
    result.fields["grid_line"] = grid + 1 if grid <= last else None
    stream = LineStream.from_lines(lines, seg.name_line, grid - 1)  # the lines after 项目名称, up to the grid
    labels = _find_header_labels(stream)
    by_key = {lab.key: lab for lab in labels}

    def value_span(lab: _Label) -> tuple[int, int]:
        following = [other.start for other in labels if other.start > lab.start]
        return lab.end, min(following) if following else len(stream.text)

    def single(key: str) -> str | None:
        lab = by_key.get(key)
        return _single_value(stream.text[slice(*value_span(lab))]) if lab else None

    department = single("department")
    code, name, credit = split_department(department)
    result.fields.update(
        department_as_printed=department, department_code=code, department_name=name, department_credit_code=credit,
        implementing_unit=single("implementing_unit"), project_attribute=single("project_attribute"),
        project_period=single("project_period"),
    )
    previous_text_field = None
    for key, spec in ((s.key, s) for s in hg.HEADER_FIELDS if s.key in _TEXT_FIELDS):
        lab = by_key.get(key)
        if not lab:
            continue
        value = stream.text[slice(*value_span(lab))]
        if spec.optional_tail and spec.optional_tail not in squeeze(lab.match.group(0)):
            # `立项\n依\n<prose>\n据\n<basis>`: the label's last character was printed after some prose; that prose
            # belongs to the field before it.
            parts = re.split(rf"\n[ \t]*{re.escape(spec.optional_tail)}[ \t]*(?:\n|$)", value, maxsplit=1)
            if len(parts) == 2:
                if previous_text_field and not result.fields.get(previous_text_field):
                    result.fields[previous_text_field] = _text_value(parts[0])
                value = parts[1]
        result.fields[key] = _text_value(value, spec.optional_tail)
        previous_text_field = key

    if "project_category" in by_key:
        lab = by_key["project_category"]
        first = stream.line_at(lab.start)
        last_cat = stream.line_at(value_span(lab)[1] - 1)
        raw = list(lines[first - 1: (last_cat or first)])
        result.fields["project_category"], result.fields["project_category_items"] = parse_project_category(raw)

    funds = by_key.get("funds")
    if funds:
        unit = squeeze(funds.match.group("unit"))  # `万\n元` when the label wraps
        result.fields["funds_unit_stated"] = unit
        result.fields["funds_line"] = stream.line_at(funds.start)
        parse_funding(stream, funds.end, value_span(funds)[1], unit, result)
    else:
        result.issues.append((seg.name_line, "missing_funding_block", "no 项目资金（元/万元） label in the table"))
    parse_goals(lines, stream, labels, grid, result)
    parse_footer(lines, seg, result)
    result.fields["grid_number_set"] = grid_number_set(lines, grid, last)
    return result


def grid_number_set(lines: tuple[str, ...], first: int, last: int) -> str:
    """The distinct numbers printed in the indicator grid, sorted: a fingerprint that survives re-wrapping, row
    swaps and truncated names, used to tell a reprinted copy of a table from a revised project."""
    text = squeeze("".join(lines[first: last + 1]))
    return " ".join(sorted(set(_GRID_NUMBER.findall(fold_number_width(text))), key=lambda n: (len(n), n)))
