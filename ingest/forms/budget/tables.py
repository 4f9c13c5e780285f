"""The budget-table form parser: one department budget table (预算公开表1-13) read into amount cells.

TAB documents (and the tables of PDF/DOCX/workbook files, whose rows read as TAB cells) keep every cell, so a row
maps onto the table type's columns by position. pdftotext documents separate cells by one space (an empty cell is an
extra space), glue some amounts to the next label and double bold text; those rows are repaired first (survey §6.5)
and then read the same way.
"""

from __future__ import annotations

from decimal import Decimal

from ingest.forms.budget.find import FoundTable, title_of
from ingest.forms.budget.overall import parse_overall_block
from ingest.forms.line_accounting import account_table
from ingest.forms.result import ParseResult
from ingest.grammar import budget as bg
from ingest.grammar.labels import DISCLOSURE_COVER
from ingest.grammar.numbers import is_plausible
from ingest.grammar.text import PAGE_NUMBER, clean_text, is_page_furniture, squeeze
from ingest.grid.model import Document, Table
from ingest.records import BudgetLine, BudgetTable


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


def _read_rows(lines: tuple[str, ...], table: FoundTable, document_id: str, source_file: str,
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
            rows.append(BudgetLine(
                budget_line_id=f"{document_id}:{row_line}:{col_index + 1}", document_id=document_id,
                source_file=source_file, table_id=table_id, table_type=table.table_type, table_title=table.title,
                row_number=row_number, row_label=row_label or code_text or None,
                row_label_2=(label_values[1] or None) if len(label_values) > 1 and not schema.income_side else None,
                classification_code=code, column_label=column, side=side,
                block=block if side in (None, "income") else "current",
                is_total_row=label_for_total in bg.TOTAL_LABELS or code_text == bg.TOTAL_LABEL, is_aggregate_row=False,
                indent_level=indent, amount_wan_yuan=amount, amount_as_printed=value,
                is_undoubled=flags[col_index] if col_index < len(flags) else False, source_line=row_line))
        if len(rows) > rows_before:
            status[i + 1] = "amounts"
            status.update(dict.fromkeys(wrapped, "wrapped_label"))
        else:
            status[i + 1] = "reject"
            issues.append((i + 1, "amounts_not_loaded",
                           f"{table_id}: a row with numbers that fall in no amount column: {text[:60]}"))
    _mark_aggregate_rows(rows)
    return rows, tabbed


def _grids_below(doc: Document, table: FoundTable) -> tuple[list[Table], int]:
    """The grids (tables of the grid model) that hold the table's rows, and the table's last line: the first grid
    after its title (or the one its title is printed in) and those that follow it with nothing but blank lines or
    page numbers between (a table split where the document left a blank line). A grid after text (another table
    under a title the parsers do not know) ends the table on the line before it; lines below the last grid (a
    note such as 注：本表无数据) stay in the table."""
    grids: list[Table] = []
    end = table.end_line
    for grid in doc.tables:
        if grid.last_position <= table.title_line or grid.first_position > table.end_line:
            continue
        if grids and any(doc.lines[p - 1].strip() and not is_page_furniture(doc.lines[p - 1])
                         for p in range(grids[-1].last_position + 1, grid.first_position)):
            end = grid.first_position - 1
            break
        grids.append(grid)
    return grids, end


def _layout_problem(doc: Document, table: FoundTable) -> tuple[FoundTable, str | None]:
    """Whether the table can be read with its type's column layout (grammar.budget.SCHEMAS): (the table, ending
    before any unrelated grid in a paged document, and the reason it cannot be read, or None).

    The layout is positional and in 万元, so a table stating another unit is not read; in a paged document (PDF,
    DOCX, workbook) the table is its ruled grid, which must not have more filled columns than the layout."""
    if doc.is_paged:
        grids, end = _grids_below(doc, table)
        table = FoundTable(table.title_line, end, table.title, table.table_type)
        # Columns that rows with figures fill: header rows may print more (two-level headings), and a table with
        # no figures cannot be misread.
        figure_rows = [row for grid in grids for row in grid.rows
                       if any(cell is not None and bg.FIGURE_CELL.match(cell.text) for cell in row)
                       and not bg.is_column_numbers([cell.text for cell in row if cell is not None and cell.text])]
        filled = {c for row in figure_rows for c, cell in enumerate(row) if cell is not None and cell.text}
        schema = bg.SCHEMAS[table.table_type]
        if len(filled) > len(schema.columns):
            return table, (f"rows with figures fill {len(filled)} columns, the layout of {table.table_type} has "
                           f"{len(schema.columns)}: the table follows another template")
        # An amount where the layout has a label (a name column; the code column holds codes), or words where it
        # has an amount, means the columns are not the layout's.
        labels = {c for c, column in enumerate(schema.columns)
                  if column in schema.labels and column != schema.code_column}
        for row in figure_rows:
            for c, cell in enumerate(row):
                if cell is None or not cell.text:
                    continue
                if c in labels and bg.AMOUNT_CELL.match(cell.text):
                    return table, (f"an amount ({cell.text}) in the column where the layout of {table.table_type} "
                                   "has a label: the table follows another template")
                if c < len(schema.columns) and c not in labels and c not in _code_columns(schema) \
                        and bg.WORDS.search(cell.text):
                    return table, (f"words ({cell.text[:20]}) in the column where the layout of {table.table_type} "
                                   "has an amount: the table follows another template")
    for position in range(table.title_line, table.end_line + 1):
        m = bg.STATED_UNIT.search(doc.lines[position - 1])
        if m and m.group("unit") != bg.LAYOUT_UNIT:
            return table, f"amounts stated in {m.group('unit')} (单位：{m.group('unit')}); the layout is read in 万元"
    return table, None


def _code_columns(schema: bg.Schema) -> set[int]:
    return {schema.columns.index(schema.code_column)} if schema.code_column else set()


def _not_read(doc: Document, table: FoundTable, problem: str, status: dict[int, str],
              issues: list[tuple[int, str, str]]) -> None:
    """A table whose layout is not one the parser reads: every line of it rejected, with the reason, none loaded."""
    status[table.title_line] = "title"
    for position in range(table.title_line + 1, table.end_line + 1):
        status[position] = "reject"
    issues.append((table.title_line, "table_layout_not_recognised", f"{table.title}: {problem}"))


def parse_budget_table(doc: Document, table: FoundTable) -> ParseResult:
    """One budget table: its record, its amount cells, its rejects and the accounting of its lines."""
    lines, document_id, source_file = doc.lines, doc.document_id, doc.source_file
    table_id = f"{document_id}:{table.title_line}"
    status: dict[int, str] = {}  # position -> status (ingest.forms.line_accounting)
    issues: list[tuple[int, str, str]] = []
    empty_note = None
    problem = None
    if table.table_type != "overall_expenditure_targets":
        table, problem = _layout_problem(doc, table)
        body = [i for i in range(table.title_line, table.end_line) if lines[i].strip()]
        empty_note = next((i + 1 for i in body if bg.EMPTY_TABLE.match(squeeze(lines[i]))), None)
    if problem:
        _not_read(doc, table, problem, status, issues)
        rows, layout = [], "grid" if doc.is_paged else "text"
    elif table.table_type == "overall_expenditure_targets":
        rows = parse_overall_block(lines, table, document_id, source_file, status, issues)
        layout = "tab"
    else:
        rows, tabbed = _read_rows(lines, table, document_id, source_file, status, issues, cells=doc.is_paged)
        layout = "grid" if doc.is_paged else "tab" if tabbed else "text"
        if empty_note is not None and rows:
            issues.append((empty_note, "empty_table_with_amounts", f"{table_id}: 本表无数据 but {len(rows)} amounts"))
    out = ParseResult(budget_lines=rows)
    out.budget_tables.append(BudgetTable(
        table_id=table_id, document_id=document_id, source_file=source_file, table_type=table.table_type,
        table_title=table.title, title_line=table.title_line, end_line=table.end_line,
        is_declared_empty=empty_note is not None, empty_note_line=empty_note, amount_cells=len(rows),
        layout=layout))
    for line, reason, detail in issues:
        out.reject(document_id, source_file, line, line, "budget_table", reason, detail)
    reasons = {line: reason for line, reason, _ in issues}
    if problem:
        reasons = dict.fromkeys(range(table.title_line, table.end_line + 1), "table_layout_not_recognised")
    account_table(doc, out, table_id, "budget", table.title_line, table.end_line, status, reasons)
    return out


def _mark_aggregate_rows(rows: list[BudgetLine]) -> None:
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
            totals[row.source_line] = (row.amount_wan_yuan, [])
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
