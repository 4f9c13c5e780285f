"""Figures the narrative (情况说明) of a budget disclosure states: amounts in 万元, percentages and counts, each
with the words before it and its line, so that they can be compared with the tables."""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.grammar.labels import is_project_table_title
from ingest.grammar.text import clean_text, squeeze

# The section heading ends with 情况说明 (a table-of-contents entry ends with its page number).
_NARRATIVE_START = re.compile(r"^第[一二三四五六七八九十]部分.{0,60}情况说明$")
_NARRATIVE_END = re.compile(
    r"^(?:第[一二三四五六七八九十]部分|[一二三四五六七八九十]+、国有资产|.{0,40}整体支出绩效目标)"
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


def _topic(text: str) -> str | None:
    return next((topic for word, topic in _TOPICS if word in text), None)


def narrative_figures(lines: tuple[str, ...], document_id: str, source_file: str) -> list[dict]:
    start = next((i for i, line in enumerate(lines)
                  if "情况说明" in line and _NARRATIVE_START.match(squeeze(line))), None)
    if start is None:
        return []
    out: list[dict] = []
    section = None
    for i in range(start + 1, len(lines)):
        text = clean_text(lines[i])
        compact = squeeze(text)
        if _NARRATIVE_END.match(compact) or is_project_table_title(lines[i]):
            break
        if _HEADING.match(compact):
            section = compact[:40]
        last_money_label = None
        for n, m in enumerate(_FIGURE.finditer(text)):
            unit = "%" if m.group("unit") in ("%", "％") else m.group("unit")
            label = m.group("label").strip("、")
            refers_to = last_money_label if unit == "%" and label.endswith("占") or label == "" else None
            out.append({
                "narrative_figure_id": f"{document_id}:{i + 1}:{n + 1}",
                "document_id": document_id,
                "source_file": source_file,
                "source_line": i + 1,
                "section": section,
                "label": label or None,
                "refers_to_label": refers_to,
                "topic": _topic((label or "") + (refers_to or "") + (section or "")),
                "value": Decimal(m.group("number").replace(",", "")),
                "unit": unit,
                "figure_text": m.group(0).strip(),
            })
            if unit == "万元":
                last_money_label = label
    return out
