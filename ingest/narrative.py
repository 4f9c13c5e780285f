"""Figures the narrative (情况说明) of a budget disclosure states: amounts in 万元, percentages and counts, each
with the words before it and its line, so that they can be compared with the tables."""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.grammar.labels import is_project_table_title
from ingest.grammar.numbers import is_plausible
from ingest.grammar.text import clean_text, contains_spaced, squeeze

# The section heading ends with 情况说明 (a table-of-contents entry ends with its page number).
_NARRATIVE_START = re.compile(r"^第[一二三四五六七八九十]部分.{0,60}情况说明$")
_NARRATIVE_END = re.compile(
    r"^(?:第[一二三四五六七八九十]部分|[一二三四五六七八九十]+、国有资产|.{0,40}整体支出绩效目标(?:申报)?表$)"
)
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_FIGURE = re.compile(
    r"(?P<label>[\u4e00-\u9fff“”\"（）()、]{0,24}?)\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|%|％|个)"
)
# Topics by keyword, first match wins.
_TOPICS = (
    ("三公", "three_public"), ("机关运行", "admin_operating"), ("政府采购", "procurement"),
    ("人员经费", "personnel"), ("公用经费", "public_use"), ("基本支出", "basic_expenditure"),
    ("项目支出", "project_expenditure"), ("绩效", "performance"), ("项目", "projects"),
    ("收入", "income"), ("支出", "expenditure"), ("拨款", "appropriation"),
)


# Amounts that compare with last year are not parts of a total.
_CHANGE_WORDS = ("增加", "减少", "增长", "下降", "比上年", "同比")


def _topic(text: str) -> str | None:
    return next((topic for word, topic in _TOPICS if word in text), None)


def _paragraphs(lines: tuple[str, ...], start: int) -> list[tuple[str, list[tuple[int, int]], str | None]]:
    """(text, [(offset, line)], section) per paragraph: wrapped lines (pdftotext) are joined until a sentence
    ends or a heading starts, so that a figure and the words before it stay together."""
    out: list[tuple[str, list[tuple[int, int]], str | None]] = []
    text, spans, section = "", [], None

    def flush() -> None:
        nonlocal text, spans
        if text:
            out.append((text, spans, section))
        text, spans = "", []

    for i in range(start + 1, len(lines)):
        line = clean_text(lines[i])
        compact = squeeze(line)
        if not compact:
            continue
        if _NARRATIVE_END.match(compact) or is_project_table_title(lines[i]):
            break
        if _HEADING.match(compact):
            flush()
            section = compact[:40]
        spans.append((len(text), i + 1))
        text += line
        if line.endswith(("。", "：", ":")) or _HEADING.match(compact):
            flush()
    flush()
    return out


def _line_of(spans: list[tuple[int, int]], offset: int) -> int:
    return next(line for start, line in reversed(spans) if start <= offset)


def narrative_figures(lines: tuple[str, ...], document_id: str, source_file: str) -> list[dict]:
    start = next((i for i, line in enumerate(lines)
                  if contains_spaced(line, "情况说明") and _NARRATIVE_START.match(squeeze(line))), None)
    if start is None:
        return []
    out: list[dict] = []
    for p, (text, spans, section) in enumerate(_paragraphs(lines, start)):
        figures = []
        last_money_label = None
        for n, m in enumerate(_FIGURE.finditer(text)):
            if not is_plausible(Decimal(m.group("number").replace(",", ""))):
                continue  # a run of digits, not a figure (and too wide for the column)
            unit = "%" if m.group("unit") in ("%", "％") else m.group("unit")
            label = m.group("label").strip("、")
            refers_to = last_money_label if unit == "%" and label.endswith("占") or label == "" else None
            line = _line_of(spans, m.start())
            figures.append({
                "narrative_figure_id": f"{document_id}:{line}:{p + 1}.{n + 1}",
                "part_of_figure_id": None,
                "document_id": document_id,
                "source_file": source_file,
                "source_line": line,
                "section": section,
                "label": label or None,
                "refers_to_label": refers_to,
                "topic": _topic((label or "") + (refers_to or "") + (section or "")),
                "value": Decimal(m.group("number").replace(",", "")),
                "unit": unit,
                "figure_text": m.group(0).strip(),
                "_offset": m.start("number"),
            })
            if unit == "万元":
                last_money_label = label
        _link_breakdowns(text, figures)
        for figure in figures:
            del figure["_offset"]
        out += figures
    return out


def _link_breakdowns(text: str, figures: list[dict]) -> None:
    """`X万元，其中：a万元，b万元` states X = a + b: link each part to its whole. The whole is the last amount
    before 其中 (also across a full stop: `…共计X万元。其中：…`); the parts run to the sentence end."""
    money = [f for f in figures if f["unit"] == "万元" and not any(w in (f["label"] or "") for w in _CHANGE_WORDS)]
    openers = [m.start() for m in re.finditer("其中", text)]
    wholes = {}
    for q in openers:
        sentence_start = text.rfind("。", 0, q) + 1
        before = [f for f in money if f["_offset"] < q]
        if not before:
            continue
        if before[-1]["_offset"] < sentence_start:
            # `…共计X万元。其中：…` continues the sentence before only when that sentence states one amount.
            previous_start = text.rfind("。", 0, sentence_start - 1) + 1
            if sum(previous_start <= f["_offset"] < sentence_start for f in money) != 1:
                continue
        wholes[q] = before[-1]
    whole_ids = {id(f) for f in wholes.values()}
    for f in money:
        if id(f) in whole_ids:
            continue
        q = max((q for q in wholes if q < f["_offset"]), default=None)
        if q is not None and "。" not in text[q: f["_offset"]]:
            f["part_of_figure_id"] = wholes[q]["narrative_figure_id"]
