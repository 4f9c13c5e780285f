"""Describe a document from its own text: region, government level, fiscal year, kind and publisher."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ingest import grammar
from ingest.forms.project.segment import TableSegment


@dataclass(frozen=True)
class DocumentInfo:
    region_name: str | None
    admin_level: str | None  # province | city | county
    fiscal_year: int | None
    doc_kind: str  # budget_disclosure | project_targets | unknown
    publisher_name: str | None
    cover_line: int | None  # 1-based line the publisher/year came from


def _find_cover(lines: tuple[str, ...]) -> tuple[str | None, int | None, int | None]:
    """(publisher, year, line) from a `…2024年度部门预算公开` cover or running title."""
    for i, line in enumerate(lines):
        if not grammar.contains_spaced(line, grammar.DISCLOSURE_WORD):
            continue
        m = grammar.DISCLOSURE_COVER.match(grammar.squeeze(line))
        if not m:
            continue
        publisher = m.group("publisher") or None
        if publisher is None:
            # The publisher stands on its own line just above the year line.
            for j in range(i - 1, max(-1, i - 6), -1):
                text = grammar.squeeze(lines[j])
                if text:
                    publisher = text
                    break
        return publisher, int(m.group("year")), i + 1
    return None, None, None


def describe_document(lines: tuple[str, ...], segments: list[TableSegment]) -> DocumentInfo:
    publisher, cover_year, cover_line = _find_cover(lines)

    regions: Counter[str] = Counter()
    levels: dict[str, Counter[str]] = {}
    for seg in segments:
        region, level = grammar.region_and_level(seg.title)
        if region:
            regions[region] += 1
            if level:
                levels.setdefault(region, Counter())[level] += 1
    region = regions.most_common(1)[0][0] if regions else None
    if region is None and publisher:
        region, _ = grammar.region_and_level(publisher)

    level = None
    if region in levels:
        level = levels[region].most_common(1)[0][0]
    elif region:
        level = grammar.level_from_region_suffix(region)

    years = Counter(seg.year_printed for seg in segments if seg.year_printed)
    fiscal_year = cover_year or (years.most_common(1)[0][0] if years else None)

    if cover_line is not None:
        kind = "budget_disclosure"
    elif segments:
        kind = "project_targets"
    else:
        kind = "unknown"
    return DocumentInfo(region, level, fiscal_year, kind, publisher, cover_line)
