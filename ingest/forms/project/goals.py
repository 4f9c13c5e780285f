"""The overall goal (总体目标) of a project table, split into its implementation-period and annual goals."""

from __future__ import annotations

from difflib import SequenceMatcher

from ingest.forms.project.labels import TEXT_FIELDS, HeaderLabel, pieces
from ingest.forms.stream import LineStream
from ingest.grammar import header as hg
from ingest.grammar.text import NON_SPACE_RUN, clean_text, join_wrapped, squeeze


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


def _wraps_across_blank_lines(stream: LineStream, labels: list[HeaderLabel]) -> bool:
    """True when wrapped text lines are separated by blank lines (pdftotext of some PDFs): blank lines then
    say nothing about paragraphs."""
    text_labels = [lab for lab in labels if lab.key in TEXT_FIELDS]
    for lab in text_labels:
        following = [o.start for o in labels if o.start > lab.start]
        end = min(following) if following else len(stream.text)
        value = stream.text[lab.end:end]
        numbers = sorted({stream.line_at(lab.end + m.start()) for m in NON_SPACE_RUN.finditer(value)})
        if any(b - a > 1 for a, b in zip(numbers, numbers[1:], strict=False)):
            return True
    return False


def parse_goals(lines: tuple[str, ...], stream: LineStream, labels: list[HeaderLabel], goal_end_line: int,
                ) -> dict[str, str | None]:
    """The goal fields (overall_goal_text, overall_goal_implementation, overall_goal_annual, goal_split)."""
    fields: dict[str, str | None] = {}
    goal_labels = [lab for lab in labels if lab.key in ("goal_columns", "overall_goal")]
    if not goal_labels:
        return fields
    start = min(lab.start for lab in goal_labels)
    # Remove the labels themselves from the region; what is left is goal text.
    region = stream.text[start:]
    for lab in sorted(goal_labels, key=lambda lab: lab.start, reverse=True):
        a, b = lab.start - start, lab.end - start
        region = region[:a] + " " * (b - a) + region[b:]
    tabbed = "\t" in region
    region_pieces = pieces(region)
    text = join_wrapped(region_pieces) if not tabbed else " ".join(region_pieces)
    fields["overall_goal_text"] = text or None
    if not text or all(hg.GOAL_PLACEHOLDER.match(squeeze(p)) for p in region_pieces):
        fields["goal_split"] = "placeholder" if text else "empty"
        return fields
    if tabbed:
        annual_column = None
        columns = next((lab for lab in goal_labels if lab.key == "goal_columns"), None)
        if columns:
            row_start = stream.text.rfind("\n", 0, columns.start) + 1
            header_cells = stream.text[row_start:columns.end].split("\t")
            annual_column = next((i for i, c in enumerate(header_cells)
                                  if any(h in squeeze(c) for h in hg.ANNUAL_GOAL_HEADERS)), None)
            # A header row that starts with its own 实施期目标 cell is not aligned with the goal rows (which start
            # with the 总体目标 label): its column numbers cannot place a lone cell.
            if header_cells and squeeze(header_cells[0]) \
                    and not any(h in squeeze(header_cells[0]) for h in hg.ANNUAL_GOAL_HEADERS):
                annual_column = None
        impl, annual = _split_goal_cells(region, annual_column)
        if annual_column is None and len(impl) == 1 and not annual:
            fields["goal_split"] = "unsplit"  # one lone cell and no reliable column: say so
            return fields
        impl = [c for c in impl if not hg.GOAL_PLACEHOLDER.match(squeeze(c))]
        annual = [c for c in annual if not hg.GOAL_PLACEHOLDER.match(squeeze(c))]
        fields["overall_goal_implementation"] = " ".join(impl) or None
        fields["overall_goal_annual"] = " ".join(annual) or None
        fields["goal_split"] = "cells"
        return fields
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
        if squeeze(piece) in hg.GOAL_LABEL_PIECES or squeeze(piece).startswith(hg.GOAL_COLUMN_HEADERS):
            piece = ""
        if piece.startswith(hg.OVERALL_GOAL_LABEL):
            piece = piece[len(hg.OVERALL_GOAL_LABEL):].strip()
        if piece:
            paragraphs[-1].append(piece)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    reliable = not _wraps_across_blank_lines(stream, labels)
    impl_goal, annual_goal, method = _split_goal_text(region_pieces, paragraphs, reliable)
    fields["overall_goal_implementation"] = impl_goal
    fields["overall_goal_annual"] = annual_goal
    fields["goal_split"] = method
    return fields
