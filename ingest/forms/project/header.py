"""The header of one segmented project performance table: its labelled fields, funding block, goals and footer
date, read from the lines between the 项目名称 row and the indicator grid."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ingest.forms.project.funding import FundingAmount, parse_funding
from ingest.forms.project.goals import parse_goals
from ingest.forms.project.labels import TEXT_FIELDS, HeaderLabel, find_header_labels, pieces
from ingest.forms.project.segment import TableSegment
from ingest.forms.stream import LineStream
from ingest.grammar import header as hg
from ingest.grammar.dates import parse_filled_date
from ingest.grammar.numbers import GRID_NUMBER, fold_number_width
from ingest.grammar.text import clean_line, clean_text, join_wrapped, split_cells, squeeze

# Header fields whose value is one short text (not prose): read the same way wherever the label stands.
SINGLE_FIELDS = ("department", "implementing_unit", "project_attribute", "project_class", "project_period",
                 "planned_start", "planned_end")


@dataclass
class ProjectHeader:
    fields: dict[str, object] = field(default_factory=dict)  # ProjectTable fields, by name
    funding: list[FundingAmount] = field(default_factory=list)
    issues: list[tuple[int | None, str, str]] = field(default_factory=list)  # (position, reason, detail)


def parse_project_name(line: str) -> str | None:
    """The value of a `项目名称` row: the first cell after the label (TAB rows) or the rest of the line."""
    rest = hg.PROJECT_NAME_PREFIX.sub("", clean_text(line), count=1)
    cells = split_cells(rest)
    if not cells:
        return None
    return cells[0] if "\t" in rest else clean_text(rest)


def name_row_rest(line: str) -> str:
    """What a TAB 项目名称 row prints after the name cell (`…⇥项目性质⇥经常性项目⇥项目类别⇥特定目标类` on the Shanghai
    填报表), where further labelled fields may stand; '' for a row without TABs."""
    if "\t" not in line:
        return ""
    rest = hg.PROJECT_NAME_PREFIX.sub("", clean_line(line), count=1)
    cells = rest.split("\t")
    name_at = next((i for i, c in enumerate(cells) if c.strip()), None)
    return "" if name_at is None else "\t".join(cells[name_at + 1:]).rstrip()


def parse_planned_date(text: str | None) -> date | None:
    m = hg.PLANNED_DATE.match(squeeze(text or ""))
    if not m:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def find_grid_start(lines: tuple[str, ...], first: int, last: int) -> int:
    """0-based index of the first line of the indicator grid (or last + 1 when the table has none)."""
    for idx in range(first, last + 1):
        line = lines[idx].lstrip()
        # Grid labels are short and start with one of these characters: skip prose cheaply.
        if line[:1] in hg.GRID_START_CHARS and hg.GRID_START.match(squeeze(line)):
            return idx
    return last + 1


def _single_value(text: str) -> str | None:
    value = " ".join(pieces(text)).strip(" :：")
    return value or None


def _text_value(text: str, tail: str = "") -> str | None:
    kept = [p for p in pieces(text) if p != tail]
    value = join_wrapped(kept).lstrip(":：").strip()
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


def parse_footer(lines: tuple[str, ...], seg: TableSegment, result: ProjectHeader) -> None:
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


def read_project_header(lines: tuple[str, ...], seg: TableSegment) -> ProjectHeader:
    result = ProjectHeader()
    assert seg.name_line is not None
    last = seg.end_line - 1 - (1 if seg.end_reason == "footer" else 0)
    grid = find_grid_start(lines, seg.name_line, last)
    result.fields["grid_line"] = grid + 1 if grid <= last else None
    stream = LineStream.from_lines(lines, seg.name_line, grid - 1)  # the lines after 项目名称, up to the grid
    labels = find_header_labels(stream)
    by_key = {lab.key: lab for lab in labels}

    def value_span(lab: HeaderLabel) -> tuple[int, int]:
        following = [other.start for other in labels if other.start > lab.start]
        return lab.end, min(following) if following else len(stream.text)

    # Fields printed on the 项目名称 row itself, after the name; the lines below have the last word.
    singles = _single_values(_name_row_stream(lines, seg.name_line))
    singles.update({key: (_single_value(stream.text[slice(*value_span(by_key[key]))]),
                          stream.line_at(by_key[key].start) or seg.name_line)
                    for key in SINGLE_FIELDS if key in by_key})
    values = {key: value for key, (value, _) in singles.items()}
    department = values.get("department")
    code, name, credit = split_department(department)
    result.fields.update(
        department_as_printed=department, department_code=code, department_name=name, department_credit_code=credit,
        implementing_unit=values.get("implementing_unit"), project_attribute=values.get("project_attribute"),
        project_class=values.get("project_class"), project_period=values.get("project_period"),
    )
    for key in ("planned_start", "planned_end"):
        text = values.get(key)
        result.fields[f"{key}_date"] = parse_planned_date(text)
        if text and result.fields[f"{key}_date"] is None:
            result.issues.append((singles[key][1], "unparsable_date", f"{key.replace('_', ' ')} date {text!r}"))
    previous_text_field = None
    for key, spec in ((s.key, s) for s in hg.HEADER_FIELDS if s.key in TEXT_FIELDS):
        lab = by_key.get(key)
        if not lab:
            continue
        value = stream.text[slice(*value_span(lab))]
        if spec.optional_tail and spec.optional_tail not in squeeze(lab.match.group(0)):
            # `立项\n依\n<prose>\n据\n<basis>`: the label's last character was printed after some prose; that prose
            # belongs to the field before it.
            parts = hg.split_at_label_tail(value, spec.optional_tail)
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
        amounts, issues = parse_funding(stream, funds.end, value_span(funds)[1], unit)
        result.funding += amounts
        result.issues += issues
    else:
        result.issues.append((seg.name_line, "missing_funding_block", "no 项目资金（元/万元） label in the table"))
    result.fields.update(parse_goals(lines, stream, labels, grid))
    parse_footer(lines, seg, result)
    result.fields["grid_number_set"] = grid_number_set(lines, grid, last)
    return result


def _name_row_stream(lines: tuple[str, ...], name_line: int) -> LineStream:
    rest = name_row_rest(lines[name_line - 1])
    return LineStream(rest, (0,), (name_line,)) if rest.strip() else LineStream("", (), ())


def _single_values(stream: LineStream) -> dict[str, tuple[str | None, int]]:
    """The short fields labelled in a one-line stream: {key: (the text up to the next label, line)}."""
    labels = find_header_labels(stream)
    out: dict[str, tuple[str | None, int]] = {}
    for n, lab in enumerate(labels):
        if lab.key in SINGLE_FIELDS:
            end = labels[n + 1].start if n + 1 < len(labels) else len(stream.text)
            out[lab.key] = (_single_value(stream.text[lab.end:end]), stream.line_numbers[0])
    return out


def grid_number_set(lines: tuple[str, ...], first: int, last: int) -> str:
    """The distinct numbers printed in the indicator grid, sorted: a fingerprint that survives re-wrapping, row
    swaps and truncated names, used to tell a reprinted copy of a table from a revised project."""
    text = squeeze("".join(lines[first: last + 1]))
    return " ".join(sorted(set(GRID_NUMBER.findall(fold_number_width(text))), key=lambda n: (len(n), n)))
