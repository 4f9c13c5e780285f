"""Reading a budget table with the Shanxi layout of its type (预算公开表1-13, grammar.budget.SCHEMAS): cells map
onto the type's columns by position.

TAB documents (and the tables of PDF/DOCX/workbook files, whose rows read as TAB cells) keep every cell, so a row
maps onto the columns by position. pdftotext documents separate cells by one space (an empty cell is an extra
space), glue some amounts to the next label and double bold text; those rows are repaired first (survey §6.5) and
then read the same way.
"""

from __future__ import annotations

from decimal import Decimal

from ingest.forms.budget.find import FoundTable, title_of
from ingest.grammar import budget as bg
from ingest.grammar.budget_grid import row_role
from ingest.grammar.labels import DISCLOSURE_COVER
from ingest.grammar.numbers import is_plausible
from ingest.grammar.text import PAGE_NUMBER, clean_text, squeeze
from ingest.records import BudgetColumn, BudgetLine


def _amount(text: str) -> Decimal | None:
    if not bg.AMOUNT.match(text):
        return None
    value = Decimal(text.replace(",", ""))
    return value if is_plausible(value) else None


def _cells(line: str, tabbed: bool) -> tuple[list[str], list[bool], int]:
    """(cells, undone flags, indent level) of one row."""
    # U+3000 indentation is the row's level (a stray leading space from a page break may precede it).
    unspaced = line.lstrip(" ")
    indent = len(unspaced) - len(unspaced.lstrip("\u3000"))
    body = unspaced.lstrip("\u3000") if indent else line
    if tabbed:
        raw = [clean_text(c) for c in body.split("\t")]
    else:
        raw = [c.strip() for c in bg.split_glued(body.rstrip()).split(" ")]
        if raw and raw[0] == "" and not body.startswith(" "):
            raw = raw[1:]
    cells, flags = [], []
    for cell in raw:
        text, undone = bg.undouble_token(cell)
        cells.append(text)
        flags.append(undone)
    return cells, flags, indent


def _map_row(cells: list[str], schema: bg.Schema, tabbed: bool) -> list[tuple[str, str]] | None:
    """Pair cells with columns. Two-sided tables and TAB rows are positional; one-sided pdftotext rows put their
    leading text cells in the label columns (as many as the type has) and the rest in the amount columns."""
    if tabbed or schema.income_side:
        return list(zip(schema.columns, cells, strict=False))
    label_columns = [c for c in schema.columns if c in schema.labels]
    amount_columns = [c for c in schema.columns if c not in schema.labels]
    labels: list[str] = []
    rest = list(cells)
    while rest and len(labels) < len(label_columns) and _amount(rest[0]) is None:
        labels.append(rest.pop(0))
    pairs = list(zip(label_columns, labels, strict=False)) + list(zip(amount_columns, rest, strict=False))
    return pairs


def _detached_pairs(label: str, cells: list[str], flags: list[bool], schema: bg.Schema
                    ) -> tuple[list[tuple[str, str]], list[bool]]:
    """Values printed on their own line below a wrapped label (`八、社会保障和就业支\n出\n\n196.54 196.54`): the
    label goes in the label column before the amounts, the values fill the amount columns from the left."""
    target = [c for c in schema.columns if c not in schema.labels and c not in schema.income_side]
    skipped = next((k for k, c in enumerate(cells) if c != ""), len(cells))
    values = cells[skipped:]
    label_column = schema.columns[schema.columns.index(target[0]) - 1]
    return [(label_column, label), *zip(target, values, strict=False)], [False, *flags[skipped:]]


def read_layout_rows(lines: tuple[str, ...], table: FoundTable, document_id: str, source_file: str,
                     status: dict[int, str], issues: list[tuple[int, str, str]], cells: bool = False,
                     ) -> tuple[list[BudgetLine], bool]:
    """The amount cells of a table (and whether its rows are TAB cells); line statuses and issues on the side."""
    schema = bg.SCHEMAS[table.table_type]
    body = [i for i in range(table.title_line, table.end_line) if lines[i].strip()]
    # Rows are cells in a paged document (its tables are grids); a text dump says so by its TABs.
    tabbed = cells or sum("\t" in lines[i] for i in body) * 2 >= max(1, len(body))
    table_id = f"{document_id}:{table.title_line}"
    block = "current"
    pending_label: list[str] = []
    pending_line: int | None = None
    pending_indent = 0
    pending_lines: list[int] = []  # the lines of a wrapped label, 1-based
    row_number = 0
    rows: list[BudgetLine] = []
    phase, year = bg.phase_of(table.title) or "budget", table.year
    totals = _total_columns(schema)
    after_balance = {"income": False, "expenditure": False, None: False}  # a balance carried over was read
    status[table.title_line] = "title"
    for i in range(table.title_line, table.end_line):
        if not lines[i].strip():
            if lines[i]:  # a row of empty cells (`    `) ends a wrapped label that had no amounts
                pending_label, pending_line, pending_lines = [], None, []
            continue
        text = clean_text(lines[i])
        compact = squeeze(text)
        if (bg.META_LINE.match(compact) or PAGE_NUMBER.match(text) or DISCLOSURE_COVER.match(compact)
                or bg.EMPTY_TABLE.match(compact) or title_of(lines[i]) or compact.startswith(bg.PART_TWO)):
            status[i + 1] = "meta"
            continue
        cells, flags, indent = _cells(lines[i], tabbed)
        amounts = [_amount(c) for c in cells]
        if not any(a is not None for a in amounts):
            # A label without amounts: a header row, an empty category, or the first part of a wrapped label.
            texts = [c for c in cells if c]
            raw = lines[i].lstrip("\u3000")
            # A wrapped fragment is a bare line; a row of empty cells keeps its separators (`  四、公共安全支出  `).
            status[i + 1] = "heading"  # until a row below takes it as its wrapped label
            if len(texts) == 1 and not tabbed and raw == raw.strip():
                if not pending_label:
                    pending_line, pending_indent = i + 1, indent
                pending_label.append(texts[0])
                pending_lines.append(i + 1)
            else:
                pending_label, pending_line, pending_lines = [], None, []
            if row_number and squeeze(cells[0] if cells else "") in bg.CARRYOVER_LABELS:
                block = "carryover"
            continue
        wrapped: list[int] = []
        if all(c == "" or a is not None for c, a in zip(cells, amounts, strict=True)) and pending_label:
            pairs, flags = _detached_pairs("".join(pending_label), cells, flags, schema)
            row_line, indent = pending_line, pending_indent
            wrapped = pending_lines
        else:
            pairs = _map_row(cells, schema, tabbed)
            row_line = i + 1
        pending_label, pending_line, pending_lines = [], None, []
        rows_before = len(rows)
        row_number += 1
        by_column = dict(pairs)
        code_text = by_column.get(schema.code_column or "", "")
        code = code_text if bg.CODE.match(code_text) else None
        label_values = [by_column.get(c, "") for c in schema.columns if c in schema.labels and c != schema.code_column]
        income_label = by_column.get(schema.income_side[0], "") if schema.income_side else ""
        if squeeze(income_label) in bg.CARRYOVER_LABELS or squeeze(label_values[0] if label_values else "") in \
                bg.CARRYOVER_LABELS:
            block = "carryover"
        if squeeze(income_label) in bg.GRAND_TOTAL_LABELS:
            block = "total"
        roles: dict[str | None, str | None] = {}
        for col_index, (column, value) in enumerate(pairs):
            if column in schema.labels:
                continue
            amount = _amount(value)
            if amount is None:
                continue
            side = None
            row_label = next((v for v in label_values if v), code_text or "")
            if schema.income_side:
                side = "income" if column in schema.income_side else "expenditure"
                expenditure_labels = [by_column.get(c, "") for c in schema.columns
                                      if c in schema.labels and c not in schema.income_side]
                row_label = income_label if side == "income" else next(iter(expenditure_labels), "")
            label_for_total = squeeze(row_label or code_text)
            if side not in roles:
                roles[side] = row_role(row_label or code_text, after_balance[side])
            rows.append(BudgetLine(
                budget_line_id=f"{document_id}:{row_line}:{col_index + 1}", document_id=document_id,
                source_file=source_file, table_id=table_id, table_type=table.table_type, table_title=table.title,
                row_number=row_number, row_label=row_label or code_text or None,
                row_label_2=(label_values[1] or None) if len(label_values) > 1 and not schema.income_side else None,
                row_role=roles[side], classification_code=code,
                classification_level=_level(code), column_label=column,
                column_index=schema.columns.index(column) + 1, column_path=column, is_total_column=column in totals,
                side=side, block=block if side in (None, "income") else "current",
                is_total_row=label_for_total in bg.TOTAL_LABELS or code_text == bg.TOTAL_LABEL, is_aggregate_row=False,
                indent_level=indent, unit=bg.LAYOUT_UNIT, amount_value=amount, amount_as_printed=value, phase=phase,
                amount_year=year, is_undoubled=flags[col_index] if col_index < len(flags) else False,
                source_line=row_line))
        for side, role in roles.items():
            after_balance[side] = after_balance[side] or role == "carryover"
        if len(rows) > rows_before:
            status[i + 1] = "amounts"
            status.update(dict.fromkeys(wrapped, "wrapped_label"))
        else:
            status[i + 1] = "reject"
            issues.append((i + 1, "amounts_not_loaded",
                           f"{table_id}: a row with numbers that fall in no amount column: {text[:60]}"))
    mark_aggregate_rows(rows)
    return rows, tabbed


def mark_aggregate_rows(rows: list[BudgetLine]) -> None:
    """Unit and department rows of a 项目支出 table sum the project rows below them: mark them so that they are
    not summed twice. Shallower U+3000 indentation marks them where the document indents (吕梁 reports); else
    the leading rows whose 合计 equals the sum of the rest (the 孝义 table prints its department row twice)."""
    for row in rows:
        row.is_aggregate_row = False
    if not rows or not rows[0].table_type.startswith("project_expenditure"):
        return
    totals: dict[int, tuple[Decimal, list[BudgetLine]]] = {}
    for row in rows:
        if row.column_label == bg.TOTAL_LABEL:
            totals[row.source_line] = (row.amount_value, [])
    for row in rows:
        totals.get(row.source_line, (None, []))[1].append(row)
    ordered = sorted(totals.items())
    deepest = max(r.indent_level for r in rows)
    aggregate_lines: set[int] = set()
    if deepest > 0:
        aggregate_lines = {line for line, (_, cells) in ordered if cells[0].indent_level < deepest}
    else:
        for k in range(len(ordered)):
            rest = [amount for _, (amount, _) in ordered[k + 1:]]
            if not rest:
                break
            tolerance = Decimal("0.01") * len(rest) + Decimal("0.01")
            if abs(ordered[k][1][0] - sum(rest)) <= tolerance or (
                    k + 1 < len(ordered) and ordered[k][1][0] == ordered[k + 1][1][0] and
                    abs(ordered[k][1][0] - sum(rest[1:])) <= tolerance):
                aggregate_lines.add(ordered[k][0])
            else:
                break
    for row in rows:
        row.is_aggregate_row = row.source_line in aggregate_lines


def _level(code: str | None) -> int | None:
    """1 类, 2 款, 3 项: a functional code of 3, 5 or 7 digits."""
    return (len(code) - 1) // 2 if code else None


def _total_columns(schema: bg.Schema) -> frozenset[str]:
    """The total column of each side: 合计 or 小计, or a side's only amount column (收入金额)."""
    amounts = [c for c in schema.columns if c not in schema.labels]
    totals = {c for c in amounts if c in ("合计", "小计")}
    for side in ([c for c in amounts if c in schema.income_side], [c for c in amounts if c not in schema.income_side]):
        if len(side) == 1:
            totals.add(side[0])
    return frozenset(totals)


def layout_columns(schema: bg.Schema, table_id: str, document_id: str, source_file: str, title: str,
                   year: int | None, title_line: int) -> list[BudgetColumn]:
    """The columns of a table read with its type's layout, as the layout names them."""
    totals = _total_columns(schema)
    total_index = schema.columns.index("合计") + 1 if "合计" in schema.columns else None
    out = []
    for index, name in enumerate(schema.columns, start=1):
        role = "code" if name == schema.code_column else "label" if name in schema.labels else "amount"
        side = ("income" if name in schema.income_side else "expenditure") if schema.income_side else None
        out.append(BudgetColumn(
            table_id=table_id, document_id=document_id, source_file=source_file, column_index=index,
            column_label=name, column_path=name, role=role, side=side, is_total_column=name in totals,
            sums_into=total_index if name in schema.sums else None,
            phase=(bg.phase_of(title) or "budget") if role == "amount" else None,
            amount_year=year if role == "amount" else None, heading_line=title_line))
    return out
