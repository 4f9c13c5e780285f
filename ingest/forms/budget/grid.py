"""Reading a budget table by its own column headings, whatever the template (the central forms, Shanghai's, final
accounts): the header rows of the grid give every column a heading path, top down (`项目 > 功能分类科目编码 > 类`,
`支出预算 > 合计`, `“三公”经费预算数 > 公务用车购置及运行费 > 小计`), and the path says what the column holds:

- classification codes (编码, 类 / 款 / 项): the parts of one row make one code (`201` `05` `07` -> `2010507`, level 3);
- row labels (项目, 科目名称, 单位名称);
- amounts, each with the total it adds into (`合计` = its siblings under the same heading; a sibling group with its
  own 小计 counts as that 小计), its phase (预算数 / 决算数) and its year (`2023年…`).

Columns form blocks, each a run of label columns and the amount columns right of them: a two-sided summary has an
income block and an expenditure block, told by their top headings (收入 / 支出). Nothing in here depends on the
order or the number of columns of a template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ingest.grammar import budget as bg
from ingest.grammar import budget_grid as gg
from ingest.grammar.numbers import is_plausible
from ingest.grammar.text import clean_text, squeeze
from ingest.grid.model import Table
from ingest.records import BudgetColumn, BudgetLine

Issue = tuple[int, str, str]  # (position, reason, detail)


@dataclass
class Column:
    index: int  # 0-based
    path: tuple[str, ...]
    role: str  # code | label | amount
    heading_position: int | None = None
    block: int = 0
    side: str | None = None
    total_depth: int | None = None  # where in the path a total heading (合计/小计) stands
    sums_into: int | None = None
    is_total: bool = False
    phase: str | None = None
    year: int | None = None


@dataclass
class GridTable:
    """What the header reader found: the columns, where the data rows are, the loaded cells and the statuses."""

    columns: list[Column] = field(default_factory=list)
    header_rows: int = 0
    lines: list[BudgetLine] = field(default_factory=list)
    status: dict[int, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    placeholders: int = 0  # cells printed as `-` or 无 in place of an amount
    problem: str | None = None  # why the table cannot be read by its headings


@dataclass(frozen=True)
class TableContext:
    table_id: str
    document_id: str
    source_file: str
    table_type: str
    title: str
    phase: str
    year: int | None
    unit: str | None


def _rows(grids: list[Table]) -> list[tuple[int, list[str], tuple]]:
    """(position, cell texts, cells) of every row of the grids, covered positions as empty texts."""
    out = []
    for grid in grids:
        for offset, cells in enumerate(grid.rows):
            out.append((grid.first_position + offset, [clean_text(c.text) if c else "" for c in cells], cells))
    return out


def _is_figure(text: str) -> bool:
    return bool(gg.AMOUNT.match(text)) and not gg.YEAR.fullmatch(text)


def _is_caption(texts: list[str], title: str) -> bool:
    """A row of one text over the whole grid that is the title, the unit or the department, not a heading."""
    filled = [t for t in texts if t]
    if len(filled) != 1:
        return False
    text = squeeze(filled[0])
    return text in title or title in text or bool(bg.STATED_UNIT.search(text) or bg.META_LINE.match(text)) or \
        bool(gg.YEAR.fullmatch(text.strip("（()）年度")))


def _is_data_row(filled: list[str]) -> bool:
    """A row of the body: it holds a figure, or nothing but what only rows print (合计, a code, 无, `-` in place
    of amounts): the rows of a table printed empty."""
    if bg.is_column_numbers(filled):
        return False
    if any(_is_figure(t) for t in filled):
        return True
    first = squeeze(filled[0])
    if all(gg.NO_AMOUNT.match(t) for t in filled[1:]):
        return bool(gg.TOTAL_ROW.search(first) or gg.CODE_PART.match(first) or gg.NO_AMOUNT.match(first))
    return False


def _header(rows: list[tuple[int, list[str], tuple]], title: str, status: dict[int, str]) -> int:
    """How many rows at the top are captions and headings (statuses set); the rest are data rows."""
    for n, (position, texts, _) in enumerate(rows):
        filled = [t for t in texts if t]
        if not filled:
            continue
        if _is_data_row(filled):
            return n
        status[position] = "meta" if _is_caption(texts, title) else "heading"
    return len(rows)


def _paths(rows: list[tuple[int, list[str], tuple]], header: int, width: int, title: str
           ) -> list[tuple[tuple[str, ...], int | None]]:
    """Each column's heading path and the position of its lowest heading. A merged heading covers the columns and
    rows of its span; it is named once per column."""
    owner: dict[tuple[int, int], tuple[int, int, str]] = {}
    for r in range(header):
        _, texts, cells = rows[r]
        if _is_caption(texts, title) or bg.is_column_numbers([t for t in texts if t]):
            continue
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            for dr in range(cell.row_span):
                for dc in range(cell.col_span):
                    owner.setdefault((r + dr, c + dc), (r, c, squeeze(cell.text)))
    out = []
    for c in range(width):
        path: list[str] = []
        seen: set[tuple[int, int]] = set()
        lowest = None
        for r in range(header):
            anchor = owner.get((r, c))
            if anchor is None or anchor[:2] in seen:
                continue
            seen.add(anchor[:2])
            if anchor[2]:
                path.append(anchor[2])
                lowest = rows[anchor[0]][0]
        out.append((tuple(path), lowest))
    return out


def heading_paths(grids: list[Table], title: str) -> list[tuple[str, ...]]:
    """The heading path of every column of a table's grids (empty when they print no headings)."""
    rows = _rows(grids)
    header = _header(rows, title, {})
    return [path for path, _ in _paths(rows, header, _width(rows), title)]


def _role(path: tuple[str, ...], data: list[str]) -> str:
    if any(gg.CODE_HEADING.search(p) for p in path):
        return "code"
    if path and gg.LABEL_HEADING.search(path[-1]):
        return "label"
    words = sum(1 for t in data if t and not _is_figure(t) and not gg.NO_AMOUNT.match(t))
    figures = sum(1 for t in data if _is_figure(t))
    # A column without a heading, or whose cells are words: the row labels.
    return "label" if words > figures or (not path and not figures) else "amount"


def _blocks_and_sides(columns: list[Column]) -> None:
    block, previous = -1, "amount"
    for col in columns:
        if col.role != "amount" and previous == "amount":
            block += 1
        col.block = max(block, 0)
        previous = col.role
    if block < 1:
        return
    for n in range(block + 1):
        members = [c for c in columns if c.block == n]
        top = next((c.path[0] for c in members if c.path), "")
        side = "expenditure" if gg.EXPENDITURE_HEADING.search(top) else \
            "income" if gg.INCOME_HEADING.search(top) else None
        for col in members:
            col.side = side


def _total_depth(path: tuple[str, ...]) -> int | None:
    depths = [d for d, text in enumerate(path) if gg.TOTAL_HEADING.search(text)]
    return depths[-1] if depths else None


def _sums(columns: list[Column]) -> None:
    """Which total each amount column adds into: the siblings of a total under the same headings (with the same
    trailing headings: 合计 > 预算数 adds up the 预算数 of its siblings); a sibling group that prints its own total
    counts as that total. Nearest totals claim their parts first."""
    amounts = [c for c in columns if c.role == "amount"]
    for col in amounts:
        col.total_depth = _total_depth(col.path)
    for total in sorted((c for c in amounts if c.total_depth is not None), key=lambda c: -(c.total_depth or 0)):
        d = total.total_depth or 0
        parent, suffix = total.path[:d], total.path[d + 1:]
        groups: dict[str, list[Column]] = {}
        for col in amounts:
            if col is total or col.block != total.block or len(col.path) <= d or col.path[:d] != parent:
                continue
            if gg.TOTAL_HEADING.search(col.path[d]) or gg.PART_OF_NEIGHBOUR.match(col.path[d]):
                continue
            if suffix and col.path[len(col.path) - len(suffix):] != suffix:
                continue
            groups.setdefault(col.path[d], []).append(col)
        for members in groups.values():
            inner = [c for c in members
                     if any(gg.TOTAL_HEADING.search(p) for p in c.path[d + 1:len(c.path) - len(suffix)])]
            for col in inner[:1] or members:
                if col.sums_into is None:
                    col.sums_into = total.index
    for n in {c.block for c in amounts}:
        members = [c for c in amounts if c.block == n]
        for col in members:
            col.is_total = (col.total_depth is not None and col.sums_into is None) or len(members) == 1


def _phase(path: tuple[str, ...], table_phase: str) -> str:
    for text in reversed(path):
        for phase, pattern in gg.COLUMN_PHASES:
            if pattern.search(text):
                return phase
    return table_phase


def _width(rows: list[tuple[int, list[str], tuple]]) -> int:
    """Columns up to the last one printing anything (a format may pad rows with empty cells)."""
    return max((max((c + 1 for c, t in enumerate(texts) if t), default=0) for _, texts, _ in rows), default=0)


def read_columns(rows: list[tuple[int, list[str], tuple]], header: int, context: TableContext) -> list[Column]:
    width = _width(rows)
    data = [texts for _, texts, _ in rows[header:]]
    columns = []
    for c, (path, lowest) in enumerate(_paths(rows, header, width, context.title)):
        role = _role(path, [texts[c] if c < len(texts) else "" for texts in data])
        columns.append(Column(c, path, role, lowest))
    _blocks_and_sides(columns)
    _sums(columns)
    for col in columns:
        if col.role == "amount":
            col.phase = _phase(col.path, context.phase)
            col.year = gg.column_year(col.path) or context.year
    return columns


def _code(parts: list[str]) -> tuple[str | None, int | None]:
    """One classification code from its printed parts (类 款 项 in columns, or a whole code in one), and its level."""
    filled = [p for p in parts if p]
    if not filled or not all(gg.CODE_PART.match(p) for p in filled):
        return None, None
    if len(parts) == 1:
        code = filled[0]
        extra = len(code) - gg.CLASS_DIGITS
        if extra < 0 or extra % gg.LEVEL_DIGITS:
            return None, None
        return code, 1 + extra // gg.LEVEL_DIGITS
    leading = []
    for p in parts:
        if not p:
            break
        leading.append(p)
    if len(leading) != len(filled) or len(leading[0]) != gg.CLASS_DIGITS or \
            any(len(p) != gg.LEVEL_DIGITS for p in leading[1:]):
        return None, None
    return "".join(leading), len(leading)


def _amount(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "").replace("，", "").replace("−", "-"))
    except InvalidOperation:
        return None
    return value if is_plausible(value) else None


def read_grid_rows(grids: list[Table], context: TableContext) -> GridTable:
    """The amount cells of a table read by its headings, with the columns, line statuses and issues."""
    out = GridTable()
    rows = _rows(grids)
    header = _header(rows, context.title, out.status)
    if not any(out.status.get(position) == "heading" for position, _, _ in rows[:header]):
        out.problem = "no column headings above the figures: the columns cannot be named"
        return out
    out.header_rows = sum(1 for position, _, _ in rows[:header] if out.status.get(position) == "heading")
    out.columns = read_columns(rows, header, context)
    if not any(c.role == "amount" for c in out.columns):
        out.problem = "no amount column under the headings"
        return out
    has_labels = any(c.role != "amount" for c in out.columns)
    after_balance: dict[str | None, bool] = {}
    blocks: dict[str | None, str] = {}
    row_number = 0
    for position, texts, _ in rows[header:]:
        filled = [t for t in texts if t]
        if not filled:
            continue
        if bg.is_column_numbers(filled):
            out.status[position] = "heading"
            continue
        row_number += 1
        loaded = rejected = 0
        for n in sorted({c.block for c in out.columns}):
            members = [c for c in out.columns if c.block == n]
            cell = {c.index: texts[c.index] if c.index < len(texts) else "" for c in members}
            codes = [c for c in members if c.role == "code"]
            code, level = _code([cell[c.index] for c in codes]) if codes else (None, None)
            label = next((cell[c.index] for c in reversed(members) if c.role == "label" and cell[c.index]), None) \
                or next((cell[c.index] for c in codes if cell[c.index] and not gg.CODE_PART.match(cell[c.index])),
                        None)
            side = next((c.side for c in members), None)
            role = gg.row_role(label, after_balance.get(side, False))
            after_balance[side] = after_balance.get(side, False) or role == "carryover"
            if side == "income" and role == "carryover":
                blocks[side] = "carryover"
            if side == "income" and role == "grand_total":
                blocks[side] = "total"
            for col in (c for c in members if c.role == "amount"):
                text = cell[col.index]
                if not text:
                    continue
                if gg.NO_AMOUNT.match(text):
                    out.placeholders += 1
                    continue
                amount = _amount(text) if gg.AMOUNT.match(text) else None
                if amount is None:
                    rejected += 1
                    out.issues.append((position, "amount_not_read",
                                       f"{context.table_id}: {'/'.join(col.path) or col.index + 1}: {text[:30]!r} is "
                                       "not an amount"))
                    continue
                loaded += 1
                out.lines.append(BudgetLine(
                    budget_line_id=f"{context.document_id}:{position}:{col.index + 1}",
                    document_id=context.document_id, source_file=context.source_file, table_id=context.table_id,
                    table_type=context.table_type, table_title=context.title, row_number=row_number,
                    row_label=label or code, row_label_2=None, row_role=role, classification_code=code,
                    classification_level=level, column_label=col.path[-1] if col.path else str(col.index + 1),
                    column_index=col.index + 1, column_path=" > ".join(col.path) or None,
                    is_total_column=col.is_total, side=side,
                    block=blocks.get(side, "current") if side in (None, "income") else "current",
                    is_total_row=role in ("grand_total", "year_total", "total") or not has_labels,
                    is_aggregate_row=False, indent_level=0, unit=context.unit, amount_value=amount,
                    amount_as_printed=text, phase=col.phase, amount_year=col.year, is_undoubled=False,
                    source_line=position))
        out.status[position] = "reject" if rejected else "amounts" if loaded else "heading"
    return out


def column_records(grid: GridTable, context: TableContext) -> list[BudgetColumn]:
    return [BudgetColumn(
        table_id=context.table_id, document_id=context.document_id, source_file=context.source_file,
        column_index=col.index + 1, column_label=col.path[-1] if col.path else str(col.index + 1),
        column_path=" > ".join(col.path), role=col.role, side=col.side, is_total_column=col.is_total,
        sums_into=None if col.sums_into is None else col.sums_into + 1, phase=col.phase, amount_year=col.year,
        heading_line=col.heading_position) for col in grid.columns]
