"""What a narrative claims about the tables, read from its text (forms.narrative.narrative_text): the
classifications it names with an amount (to compare with the tables' lines of the same code), and the comparisons
it draws between two figures (to check the direction word and the change or share it states)."""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.grammar import narrative_claims as nc
from ingest.grammar.numbers import is_plausible
from ingest.records import NarrativeChange, NarrativeClassification

Spans = list[tuple[int, int]]  # (offset in the text, position of the line it starts)
Path = list[tuple[str, str | None, int]]  # (name, code as printed, level) from 类 down


def line_at(spans: Spans, offset: int) -> int:
    """The position of the line a text offset falls on (spans: where each joined line starts)."""
    return next((position for start, position in reversed(spans) if start <= offset), spans[0][1])


def _number(text: str) -> Decimal | None:
    value = Decimal(text.replace(",", "").replace("，", ""))
    return value if is_plausible(value) else None


def _marked_path(text: str, at: int) -> tuple[Path, int] | None:
    """A path of names marked 类 / 款 / 项 starting at `at`, each level below the one before it, and its end."""
    path: Path = []
    position = at
    while True:
        m = nc.MARKED_LEVEL.match(text, position)
        if not m:
            break
        level = nc.LEVELS[m.group("level")]
        if path and level != path[-1][2] + 1 or not path and level != 1:
            break
        path.append((m.group("name").strip("“”\" "), m.group("code"), level))
        position = m.end()
    return (path, position) if path else None


def _hyphen_path(text: str, at: int) -> tuple[Path, int] | None:
    m = nc.HYPHEN_PATH.match(text, at)
    if not m:
        return None
    names = nc.HYPHEN.split(m.group("path"))
    if not 1 <= len(names) <= 3 or not all(names):
        return None
    return [(name, None, level) for level, name in enumerate(names, start=1)], m.end()


def _items(text: str) -> list[tuple[int, int, Path, int]]:
    """(start, end, path, offset after the path) of each enumerated item that names a classification."""
    starts = [m.end() for m in nc.ITEM_START.finditer(text)]
    ends = sorted({m.start() for m in nc.ITEM_START.finditer(text)} | {m.start() for m in
                                                                       nc.SECTION_HEADING.finditer(text)}
                  | {i for i, ch in enumerate(text) if ch == "\n"} | {len(text)})
    out = []
    for start in starts:
        opening = text[start:start + 2]
        at = start + (1 if opening[:1] in "“\"" and not nc.HYPHEN_PATH.match(text, start) else 0)
        found = _marked_path(text, at) or _hyphen_path(text, start)
        if not found:
            continue
        path, after = found
        end = next((e for e in ends if e > after), len(text))
        out.append((start, end, path, after))
    return out


def narrative_classifications(text: str, spans: Spans, document_id: str, source_file: str
                              ) -> list[NarrativeClassification]:
    out: list[NarrativeClassification] = []
    for start, end, path, after in _items(text):
        names = {level: (name, code) for name, code, level in path}
        codes = [code for _, code, _ in path]
        whole = "".join(codes) if all(codes) else None
        if whole and (len(codes[0]) != 3 or any(len(c) != 2 for c in codes[1:])):
            whole = None
        amounts: list[tuple[str, int | None, str, int]] = []  # (role, year, number, offset)
        stated = nc.STATED_AMOUNT.match(text, after)
        if stated:
            amounts.append(("stated", None, stated.group("value"), stated.start("value")))
        body = text[after:end]
        for role, pattern in nc.ROLE_AMOUNTS:
            for m in pattern.finditer(body):
                year = m.groupdict().get("year")
                amounts.append((role, int(year) if year else None, m.group("value"), after + m.start("value")))
        quote = text[start:min(end, start + 160)].strip()
        for n, (role, year, number, offset) in enumerate(sorted(amounts, key=lambda a: a[3])):
            value = _number(number)
            if value is None:
                continue
            line = line_at(spans, offset)
            out.append(NarrativeClassification(
                narrative_item_id=f"{document_id}:{line}:{start}.{n + 1}", document_id=document_id,
                source_file=source_file, source_line=line,
                class_name=names.get(1, (None, None))[0], class_code=names.get(1, (None, None))[1],
                kuan_name=names.get(2, (None, None))[0], kuan_code=names.get(2, (None, None))[1],
                xiang_name=names.get(3, (None, None))[0], xiang_code=names.get(3, (None, None))[1],
                level=max(names), classification_code=whole, amount_role=role, amount_year=year, value=value,
                decimals=nc.decimals(number), unit="万元", quote=quote))
    return out


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, at) for ch in nc.SENTENCE_END + "\n") + 1
    ends = [i for i in (text.find(ch, at) for ch in nc.SENTENCE_END + "\n") if i >= 0]
    return start, min(ends) if ends else len(text)


def _change(document_id: str, source_file: str, spans: Spans, text: str, m: re.Match, pattern: str,
            previous: str | None, current: str, subject: str | None, direction_word: str | None, n: int,
            change: str | None = None, change_unit: str | None = None, completion: str | None = None
            ) -> NarrativeChange | None:
    cur = _number(current)
    prev = _number(previous) if previous else None
    if cur is None or (previous and prev is None):
        return None
    amount = _number(change) if change and change_unit == "万元" else None
    percent = _number(change) if change and change_unit in ("%", "％") else None
    done = _number(completion) if completion else None
    line = line_at(spans, m.start())
    return NarrativeChange(
        narrative_change_id=f"{document_id}:{line}:{m.start()}.{n}", document_id=document_id, source_file=source_file,
        source_line=line, pattern=pattern, subject=subject, previous_value=prev,
        previous_decimals=nc.decimals(previous) if previous else None, current_value=cur,
        current_decimals=nc.decimals(current), direction=nc.DIRECTIONS[direction_word] if direction_word else None,
        direction_word=direction_word, change_amount=amount,
        change_amount_decimals=nc.decimals(change) if amount is not None and change else None,
        change_percent=percent, change_percent_decimals=nc.decimals(change) if percent is not None and change else None,
        completion_percent=done, completion_percent_decimals=nc.decimals(completion) if completion else None,
        unit="万元", quote=text[max(0, m.start() - 30):m.end() + 10].strip())


def narrative_changes(text: str, spans: Spans, document_id: str, source_file: str) -> list[NarrativeChange]:
    out: list[NarrativeChange | None] = []
    items = _items(text)

    def subject_at(offset: int) -> str | None:
        item = next((path for start, end, path, _ in items if start <= offset < end), None)
        return "/".join(name for name, _, _ in item) if item else None

    for n, m in enumerate(nc.PRIOR_YEAR_EXECUTION.finditer(text)):
        out.append(_change(document_id, source_file, spans, text, m, "prior_year_execution", m.group("prev"),
                           m.group("cur"), subject_at(m.start()), m.group("dir"), n, m.group("chg"),
                           m.group("chg_unit")))
    for n, m in enumerate(nc.BUDGET_OUTTURN.finditer(text)):
        # `…决算为Y万元。决算数小于预算数` (the direction word may be missing: only the completion share is then
        # a claim)
        word = nc.OUTTURN_DIRECTION.match(text, m.end())
        if word or m.group("completion"):
            out.append(_change(document_id, source_file, spans, text, m, "budget_outturn", m.group("prev"),
                               m.group("cur"), subject_at(m.start()), word.group("dir") if word else None, n,
                               completion=m.group("completion")))
    for n, m in enumerate(nc.YEAR_ON_YEAR.finditer(text)):
        current = _current_before(text, m.start())
        if current is None:
            continue
        number, subject = current
        change = _change(document_id, source_file, spans, text, m, "year_on_year", None, number, subject,
                         m.group("dir"), n, m.group("chg"), "万元")
        if change is not None and m.group("pct"):
            change.change_percent = _number(m.group("pct"))
            change.change_percent_decimals = nc.decimals(m.group("pct"))
        out.append(change)
    return [c for c in out if c is not None]


def _current_before(text: str, at: int) -> tuple[str, str | None] | None:
    """The amount a year-on-year change is about: in a sentence that breaks a total down (`总计X万元，其中：…，比上年
    增加…`) the total; else the amount right before the comparison (`…33.50万元，比2022年…`); or, when the
    comparison opens its sentence (`。与2023年度相比，…`), the only amount of the sentence before. None otherwise."""
    start, _ = _sentence_bounds(text, at)
    breakdown = text.rfind(nc.BREAKDOWN_WORD, start, at)
    if breakdown >= 0:
        wholes = list(nc.MONEY.finditer(text, start, breakdown))
        m = wholes[-1] if wholes else None
    else:
        before = [m for m in nc.MONEY.finditer(text, start, at) if nc.ADJACENT.fullmatch(text[m.end():at])]
        m = before[-1] if before else None
        if m is None and not any(True for _ in nc.MONEY.finditer(text, start, at)):
            if start == 0 or text[start - 1] not in nc.SENTENCE_END:
                return None
            previous_start, _ = _sentence_bounds(text, start - 1)
            amounts = list(nc.MONEY.finditer(text, previous_start, start - 1))
            m = amounts[0] if len(amounts) == 1 else None
    if m is None:
        return None
    label_start = max(text.rfind(ch, 0, m.start()) for ch in "，,。；;：:\n") + 1
    return m.group("value"), text[label_start:m.start()].strip() or None
