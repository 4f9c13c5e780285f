"""Who published what: a document's publisher, region, government level, fiscal year and kind, read from its own
text, whatever the template.

- The cover: the Shanxi `…2024年度部门预算公开` (publisher on the line above or in front), or another template's
  `上海市普陀区2023年区级部门预算` / `财政部2024年部门预算` / `…年度部门决算` with the year on a line of its own (the
  cover's first lines are read together). The cover says the kind (部门/单位, 预算/决算) and the level (区级, 市级 …).
- The publisher: the cover's, else a `预算主管部门：` / `预算单位：` / `编制部门：` / `编制单位：` line.
- The region: the region printed at the start of the project tables' titles (their level marker too), else the
  region at the start of the cover or of the publisher's name (`上海市普陀区` of `上海市普陀区财政局`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ingest import grammar
from ingest.forms.project.segment import TableSegment
from ingest.grammar import labels


@dataclass(frozen=True)
class DocumentInfo:
    region_name: str | None
    admin_level: str | None  # central | province | city | county | district | township
    fiscal_year: int | None
    doc_kind: str  # department_budget | unit_budget | final_accounts | project_targets | unknown
    publisher_name: str | None
    cover_line: int | None  # 1-based position the publisher/year came from


@dataclass(frozen=True)
class _Cover:
    publisher: str | None
    year: int | None
    kind: str
    level: str | None
    region: str | None
    line: int


def _shanxi_cover(lines: tuple[str, ...]) -> _Cover | None:
    """A `…2024年度部门预算公开` cover or running title."""
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
        kind = labels.KINDS[(m.group("scope"), "预算")]
        return _Cover(publisher, int(m.group("year")), kind, None, None, i + 1)
    return None


def _other_cover(lines: tuple[str, ...]) -> _Cover | None:
    """The first lines of the document, read together: `上海市普陀区2023年区级部门预算`, `…局 / 年度部门决算 / 2024`."""
    kept: list[tuple[int, str]] = []  # (index, squeezed text)
    raw: list[str] = []
    for i, line in enumerate(lines):
        text = grammar.squeeze(line)
        if not text:
            continue
        if labels.CONTENTS.match(text) or len(kept) >= labels.COVER_LINES:
            break
        kept.append((i, text))
        raw.append(grammar.clean_text(line))
    for n, (i, text) in enumerate(kept):
        m = labels.BUDGET_COVER.search(text)
        if not m or len(text) > 60:
            continue
        joined = "".join(t for _, t in kept[max(0, n - 2): n + 3])
        year = m.group("year") or next(iter(labels.COVER_YEAR.findall(joined)), None)
        prefix = m.group("region") or None
        if prefix is None and n > 0:  # the publisher on the line above (`上海市普陀区财政局` / `年度部门决算`)
            prefix = kept[n - 1][1] if not labels.COVER_YEAR.fullmatch(kept[n - 1][1]) else None
        level = labels.LEVEL_MARKERS.get(m.group("level") or "")
        publisher = next((p.group("name") for t in raw if (p := labels.PUBLISHER_LINE.match(t))), None)
        region = labels.region_of_name(prefix) if prefix else None
        if publisher is None and prefix and prefix != region:
            publisher = prefix  # `上海市普陀区财政局`, `财政部`: the cover names the publisher, not only its region
        kind = labels.KINDS[(m.group("scope"), m.group("phase"))]
        return _Cover(publisher, int(year) if year else None, kind, level, region, i + 1)
    return None


def _publisher_line(lines: tuple[str, ...]) -> str | None:
    """The first `编制部门：…` (or 编制单位, 预算单位, 预算主管部门) line or cell."""
    for line in lines:
        if "：" in line or ":" in line:
            for cell in line.split("\t"):
                m = labels.PUBLISHER_LINE.match(grammar.clean_text(cell))
                if m:
                    return m.group("name")
    return None


def describe_document(lines: tuple[str, ...], segments: list[TableSegment]) -> DocumentInfo:
    cover = _shanxi_cover(lines) or _other_cover(lines)
    publisher = cover.publisher if cover else None
    publisher = publisher or _publisher_line(lines)

    regions: Counter[str] = Counter()
    levels: dict[str, Counter[str]] = {}
    for seg in segments:
        region, level = grammar.region_and_level(seg.title)
        if region:
            regions[region] += 1
            if level:
                levels.setdefault(region, Counter())[level] += 1
    region = regions.most_common(1)[0][0] if regions else None
    if region is None and cover and cover.region:
        region = cover.region
    if region is None and publisher:
        region = labels.region_of_name(publisher) or grammar.region_and_level(publisher)[0]

    level = None
    if region in levels:
        level = levels[region].most_common(1)[0][0]
    elif cover and cover.level:
        level = cover.level
    elif region:
        level = grammar.level_from_region_suffix(region)
    elif publisher and labels.CENTRAL_BODY.search(publisher):
        level = "central"

    years = Counter(seg.year_printed for seg in segments if seg.year_printed)
    fiscal_year = (cover.year if cover else None) or (years.most_common(1)[0][0] if years else None)

    if cover is not None:
        kind = cover.kind
    elif segments:
        kind = "project_targets"
    else:
        kind = "unknown"
    return DocumentInfo(region, level, fiscal_year, kind, publisher, cover.line if cover else None)
