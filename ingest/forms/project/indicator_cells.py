"""Indicator grids printed as TAB cells (DOCX exports). Column positions mean nothing here: cells shift left and
right row by row, so each cell is classified by its vocabulary (level 1, level 2, placeholder, heading, content)
and each row is split into its implementation half and its annual half by the level-2 labels it carries."""

from __future__ import annotations

from difflib import SequenceMatcher

from ingest.forms.project.indicator_rows import GridParse, IndicatorRow
from ingest.grammar import indicators as voc
from ingest.grammar.text import clean_text, squeeze


def _similar(a: str, b: str) -> bool:
    a, b = squeeze(a), squeeze(b)
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a) or SequenceMatcher(None, a, b).ratio() >= 0.7


class _Side:
    """The running level-2 label of one period's column."""

    def __init__(self) -> None:
        self.level2: str | None = None
        self.level2_printed: str | None = None
        self.level1: tuple[str | None, str | None] | None = None  # a level 1 printed inside this half


def _classify(cells: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for cell in cells:
        if voc.is_grid_heading(cell):
            out.append(("heading", cell))
        elif voc.is_placeholder(cell):
            out.append(("placeholder", cell))
        elif voc.level2_of(cell):
            out.append(("l2", cell))
        elif voc.level1_of(cell):
            out.append(("l1", cell))
        else:
            out.append(("content", voc.STRAY_LABEL_CHAR.sub("", cell)))
    return out


def _split_halves(tokens: list[tuple[str, str]], first_column: int | None = None,
                  annual_column: int | None = None) -> tuple[list, list]:
    """Split a row's tokens (level 1 removed) into the implementation and the annual half. Column numbers are
    used only to place a one-sided row (a name and a value, no label), which vocabulary cannot place."""
    l2_positions = [i for i, (kind, _) in enumerate(tokens) if kind == "l2"]
    if len(l2_positions) > 2 and l2_positions[:2] == [0, 1] and 3 not in l2_positions and \
            voc.level2_of(tokens[0][1]) == voc.level2_of(tokens[1][1]):
        tokens = tokens[1:]  # a level-2 word printed in the level-1 cell (`数量指标⇥数量指标⇥…`)
        l2_positions = [i for i, (kind, _) in enumerate(tokens) if kind == "l2"]
    # A level-2 word right after a level-2 label is an indicator name (`服务对象满意度` as 三级指标) when the row
    # carries more labels than its two halves need; two adjacent labels alone are an empty category.
    if len(l2_positions) > 2:
        for i in list(l2_positions):
            if i - 1 in l2_positions:
                tokens[i] = ("content", tokens[i][1])
    l2_positions = [i for i, (kind, _) in enumerate(tokens) if kind == "l2"]
    if len(l2_positions) >= 2:
        cut = l2_positions[1]
        if l2_positions[0] > 0:  # content before the first label belongs to the first half
            cut = l2_positions[0] if len(l2_positions) == 2 and l2_positions[0] >= 2 else cut
        return tokens[:cut], tokens[cut:]
    if len(l2_positions) == 1 and l2_positions[0] > 0:
        return tokens[: l2_positions[0]], tokens[l2_positions[0]:]
    body = [t for t in tokens if t[0] != "l2"]
    head = tokens[:1] if l2_positions == [0] else []
    in_annual_columns = annual_column is not None and first_column is not None and first_column >= annual_column
    if head and len(body) == 1 and in_annual_columns:
        # `⇥⇥⇥⇥服务对象满意度⇥⇥≥95%`: a level-2 word standing as the name of a row printed in the annual columns.
        return [], [("content", head[0][1])] + body
    if head and len(body) == 2 and in_annual_columns:
        return head, body  # the label belongs to the empty implementation half
    if len(body) >= 4 or len(body) == 2 and not _similar(body[0][1], body[1][1]):
        half = (len(body) + 1) // 2
        if len(body) == 2:  # one name and its value: a one-sided row
            if not head and annual_column is not None and first_column is not None and first_column >= annual_column:
                return [], body
            return head + body, []
        return head + body[:half], body[half:]
    if len(body) == 3:
        if _similar(body[2][1], body[0][1]):
            return head + body[:2], body[2:]
        return head + body[:1], body[1:]
    if len(body) == 2:  # two names without values
        return head + body[:1], body[1:]
    return head + body, []


def parse_cell_grid(lines: tuple[str, ...], first: int, last: int) -> GridParse:
    """Grid lines first..last (0-based, inclusive) of a TAB-cell table."""
    result = GridParse()
    level1: tuple[str | None, str | None] = (None, None)
    sides = {"implementation": _Side(), "annual": _Side()}
    positions = {"implementation": 0, "annual": 0}
    annual_column: int | None = None
    for idx in range(first, last + 1):
        line_no = idx + 1
        indexed = [(i, clean_text(c)) for i, c in enumerate(lines[idx].split("\t"))]
        indexed = [(i, c) for i, c in indexed if c]
        if not indexed:
            continue
        cells = [c for _, c in indexed]
        squeezed = [squeeze(c) for c in cells]
        if squeezed.count(voc.LEVEL2_HEADING) == 2:  # the heading row: where the annual columns start
            annual_column = indexed[[i for i, c in enumerate(squeezed) if c == voc.LEVEL2_HEADING][1]][0]
        tokens = _classify(cells)
        if all(kind in ("heading",) for kind, _ in tokens):
            result.mark(line_no, "label")
            continue
        tokens = [t for t in tokens if t[0] != "heading"]
        if len(tokens) >= 2 and tokens[0][0] == "l2" and voc.promotes_to_level1(tokens[0][1], tokens[1][1]):
            tokens[0] = ("l1", tokens[0][1])  # 成本指标⇥经济成本指标⇥…: a level 1 of the 2021 framework
        if tokens and tokens[0][0] == "l1":
            printed = tokens.pop(0)[1]
            new_group = voc.level1_of(printed) != level1[0]
            level1 = (voc.level1_of(printed), printed)
            result.mark(line_no, "label")
            # A new level-1 group starts without the previous group's level 2: its only child where it has one
            # (满意度指标 -> 服务对象满意度指标), else none until a level-2 label is printed.
            children = [c for c, p in voc.vocabulary().parent.items() if p == level1[0]]
            for side in sides.values():
                side.level1 = None
                if new_group:
                    side.level2, side.level2_printed = (children[0] if len(children) == 1 else None), None
        # A level-1 label in the middle of a row starts the annual half (its cells shifted left by one).
        tokens = [t if t[0] != "l1" else ("l2", t[1]) for t in tokens]
        if all(kind == "placeholder" for kind, _ in tokens) and any(set(squeeze(t)) <= set("-") for _, t in tokens):
            result.mark(line_no, "label")  # markdown table residue
            continue
        content_columns = [i for (i, c), (kind, _) in zip(indexed, _classify(cells), strict=True)
                           if kind == "content"]
        first_half, second_half = _split_halves(tokens, content_columns[0] if content_columns else None,
                                                annual_column)
        for period, half in (("implementation", first_half), ("annual", second_half)):
            side = sides[period]
            body = []
            for kind, text in half:
                if kind == "l2":
                    level2 = voc.level2_of(text)
                    if level2 is None:  # a level-1 label printed in the annual half's level-2 column
                        children = [c for c, p in voc.vocabulary().parent.items() if p == voc.level1_of(text)]
                        level2 = children[0] if len(children) == 1 else side.level2
                        side.level1 = (voc.level1_of(text), text)
                    side.level2, side.level2_printed = level2, text
                    result.mark(line_no, "label")
                else:
                    body.append((kind, text))
            if not body:
                continue
            name_kind, name = body[0]
            value = " ".join(text for _, text in body[1:])
            placeholder = name_kind == "placeholder"
            glued = voc.PLACEHOLDER_PREFIX.match(squeeze(name)) if not placeholder else None
            if glued:
                name = voc.PLACEHOLDER_PREFIX.sub("", name.strip())
            if placeholder and not value and set(squeeze(name)) <= set(".…。-"):
                result.mark(line_no, "placeholder")  # `……` rows: nothing to load
                continue
            row_level1 = side.level1 or level1
            level1_canonical = row_level1[0] or voc.vocabulary().parent.get(side.level2 or "")
            result.rows.append(
                IndicatorRow(period, level1_canonical, row_level1[1], side.level2, side.level2_printed, name, value,
                             placeholder, line_no, positions[period])
            )
            positions[period] += 1
            result.mark(line_no, "placeholder" if placeholder else "indicator")
        if line_no not in result.line_status:
            result.mark(line_no, "reject")
            result.rejects.append((line_no, "column_shift_unresolved", f"grid row not understood: {cells}"))
    return result
