"""The budget-table form parser: one budget table (预算公开表1-13, the central and Shanghai forms, final accounts)
read into amount cells, its columns and the accounting of its lines.

Two readers: the Shanxi layout of the table's type (forms.budget.layout, positional: the text dumps, and grids that
print that layout's headings) and the table's own headings (forms.budget.grid: any grid with a header). A table
neither can read is rejected whole, with the reason.
"""

from __future__ import annotations

from ingest.forms.budget.find import FoundTable
from ingest.forms.budget.grid import TableContext, column_records, heading_paths, read_grid_rows
from ingest.forms.budget.layout import layout_columns, read_layout_rows
from ingest.forms.budget.overall import parse_overall_block
from ingest.forms.line_accounting import account_table
from ingest.forms.result import ParseResult
from ingest.grammar import budget as bg
from ingest.grammar import budget_grid as gg
from ingest.grammar.text import is_page_furniture, squeeze
from ingest.grid.model import Document, Table
from ingest.records import BudgetColumn, BudgetLine, BudgetTable


def _grids_below(doc: Document, table: FoundTable) -> tuple[list[Table], int]:
    """The grids (tables of the grid model) that hold the table's rows, and the table's last line: the first grid
    after its title (or the one its title is printed in) and those that follow it with nothing but blank lines or
    page numbers between (a table split where the document left a blank line). A grid after text (another table
    under a title the parsers do not know) ends the table on the line before it; lines below the last grid (a
    note such as 注：本表无数据, the rows of one cell a sheet prints as text) stay in the table."""
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


def _end_of_grids(doc: Document, grids: list[Table], end: int) -> int:
    """The last line of a table read by its headings: its last grid, then what is printed under it: notes
    (注：本表无数据), a 合计 or the table number outside the grid, blank lines. Text after that (the narrative) is
    not part of the table."""
    last = grids[-1].last_position
    in_note = False
    for position in range(last + 1, end + 1):
        line = doc.lines[position - 1].strip()
        if not line or is_page_furniture(line):
            last = position
            continue
        text = squeeze(line)
        if bg.NOTE_LINE.match(text) or bg.EMPTY_TABLE.match(text) or (in_note and len(text) <= 40):
            in_note, last = not text.endswith("。"), position
            continue
        if bg.META_LINE.match(text) or text in bg.TOTAL_LABELS:
            in_note, last = False, position
            continue
        break
    return last


def _stated_unit(doc: Document, table: FoundTable, first_row: int) -> str | None:
    """The unit a table states above its rows (`单位：元`, `单位:万元`), or None."""
    for position in range(table.title_line, first_row + 1):
        m = bg.STATED_UNIT.search(doc.lines[position - 1])
        if m:
            return m.group("unit")
    return None


def _layout_problem(doc: Document, table: FoundTable, grids: list[Table], unit: str | None) -> str | None:
    """Why the table cannot be read with its type's Shanxi layout (grammar.budget.SCHEMAS), or None.

    The layout is positional and in 万元, so a table stating another unit is not read; a table whose grid prints its
    headings must print the layout's where the layout has them; in a paged document (PDF, DOCX, workbook) the grid
    must also not have more filled columns than the layout."""
    schema = bg.SCHEMAS.get(table.table_type)
    if schema is None:
        return f"{table.table_type} has no positional layout"
    if unit and unit != bg.LAYOUT_UNIT:
        return f"amounts stated in {unit} (单位：{unit}); the layout is read in 万元"
    if grids and not bg.has_signature(heading_paths(grids, table.title), schema):
        return (f"the headings do not print {' '.join(schema.signature)} where the {table.table_type} layout has "
                "them")
    if not doc.is_paged:
        return None
    # Columns that rows with figures fill: header rows may print more (two-level headings), and a table with
    # no figures cannot be misread.
    figure_rows = [row for grid in grids for row in grid.rows
                   if any(cell is not None and bg.FIGURE_CELL.match(cell.text) for cell in row)
                   and not bg.is_column_numbers([cell.text for cell in row if cell is not None and cell.text])]
    filled = {c for row in figure_rows for c, cell in enumerate(row) if cell is not None and cell.text}
    if len(filled) > len(schema.columns):
        return (f"rows with figures fill {len(filled)} columns, the layout of {table.table_type} has "
                f"{len(schema.columns)}: the table follows another template")
    # An amount where the layout has a label (a name column; the code column holds codes), or words where it
    # has an amount, means the columns are not the layout's.
    labels = {c for c, column in enumerate(schema.columns) if column in schema.labels and column != schema.code_column}
    codes = {schema.columns.index(schema.code_column)} if schema.code_column else set()
    for row in figure_rows:
        for c, cell in enumerate(row):
            if cell is None or not cell.text:
                continue
            if c in labels and bg.AMOUNT_CELL.match(cell.text):
                return (f"an amount ({cell.text}) in the column where the layout of {table.table_type} has a label: "
                        "the table follows another template")
            if c < len(schema.columns) and c not in labels and c not in codes and bg.WORDS.search(cell.text):
                return (f"words ({cell.text[:20]}) in the column where the layout of {table.table_type} has an "
                        "amount: the table follows another template")
    return None


def _prints_no_amount(doc: Document, table: FoundTable) -> bool:
    """Whether a table prints `-` or 无 in cells of its rows (where the amounts would be)."""
    return any(gg.NO_AMOUNT.match(cell.strip()) for position in range(table.title_line + 1, table.end_line + 1)
               for cell in doc.lines[position - 1].split("\t")[1:])


def _not_read(table: FoundTable, problem: str, status: dict[int, str], issues: list[tuple[int, str, str]]) -> None:
    """A table neither reader can read: every line of it rejected, with the reason, none loaded."""
    status[table.title_line] = "title"
    for position in range(table.title_line + 1, table.end_line + 1):
        status[position] = "reject"
    issues.append((table.title_line, "table_layout_not_recognised", f"{table.title}: {problem}"))


def _read_by_headings(doc: Document, table: FoundTable, grids: list[Table], unit: str | None,
                      status: dict[int, str], issues: list[tuple[int, str, str]]
                      ) -> tuple[list[BudgetLine], list[BudgetColumn], str | None, int]:
    """(lines, columns, problem, header rows) of a table read by its own headings."""
    context = TableContext(
        table_id=f"{doc.document_id}:{table.title_line}", document_id=doc.document_id, source_file=doc.source_file,
        table_type=table.table_type, title=table.title, phase=bg.phase_of(table.title) or "budget",
        year=table.year, unit=unit)
    grid = read_grid_rows(grids, context)
    if grid.problem:
        return [], [], grid.problem, 0
    status[table.title_line] = "title"
    for position in range(table.title_line + 1, grids[0].first_position):
        status[position] = "meta"
    for position in range(grids[-1].last_position + 1, table.end_line + 1):
        # the notes under the table, or a row printed outside its grid (a sheet's row of one cell: 合计)
        status[position] = "heading" if squeeze(doc.lines[position - 1]) in bg.TOTAL_LABELS else "meta"
    status.update(grid.status)
    issues += grid.issues
    if unit is None and grid.lines:
        issues.append((table.title_line, "unit_not_stated",
                       f"{context.table_id}: no 单位：元/万元 above the table: its amounts are kept as printed, "
                       "without a value in 元"))
    return grid.lines, column_records(grid, context), None, grid.header_rows


def parse_budget_table(doc: Document, table: FoundTable) -> ParseResult:
    """One budget table: its record, its columns and amount cells, its rejects and the accounting of its lines."""
    lines, document_id, source_file = doc.lines, doc.document_id, doc.source_file
    table_id = f"{document_id}:{table.title_line}"
    status: dict[int, str] = {}  # position -> status (ingest.forms.line_accounting)
    issues: list[tuple[int, str, str]] = []
    out = ParseResult()
    if table.table_type == "overall_expenditure_targets":
        out.budget_lines = parse_overall_block(lines, table, document_id, source_file, status, issues)
        record = _table_record(doc, table, "tab", "layout", bg.LAYOUT_UNIT, None, len(out.budget_lines), None)
        return _finish(doc, out, record, table, status, issues, None)
    grids: list[Table] = []
    if doc.tables:
        grids, end = _grids_below(doc, table)
        if doc.is_paged:
            table = FoundTable(table.title_line, end, table.title, table.table_type, table.year)
    first_row = grids[0].first_position if grids else table.end_line
    unit = _stated_unit(doc, table, first_row)
    body = [i for i in range(table.title_line, table.end_line) if lines[i].strip()]
    empty_note = next((i + 1 for i in body if bg.EMPTY_TABLE.match(squeeze(lines[i]))), None)
    problem = _layout_problem(doc, table, grids, unit)
    columns_from, header_rows = "layout", None
    columns: list[BudgetColumn] = []
    if problem is None:
        rows, tabbed = read_layout_rows(lines, table, document_id, source_file, status, issues, cells=doc.is_paged)
        layout = "grid" if doc.is_paged else "tab" if tabbed else "text"
        unit = bg.LAYOUT_UNIT
        columns = layout_columns(bg.SCHEMAS[table.table_type], table_id, document_id, source_file, table.title,
                                 table.year, table.title_line)
    elif grids:
        table = FoundTable(table.title_line, _end_of_grids(doc, grids, table.end_line), table.title,
                           table.table_type, table.year)
        empty_note = next((p for p in range(table.title_line, table.end_line + 1)
                           if bg.EMPTY_TABLE.match(squeeze(lines[p - 1]))), None)
        rows, columns, grid_problem, header_rows = _read_by_headings(
            doc, table, grids, unit, status, issues)
        columns_from, layout = "header", "grid" if doc.is_paged else "tab"
        problem = f"{problem}; by its own headings: {grid_problem}" if grid_problem else None
    else:
        rows, layout = [], "text"
    if problem:
        _not_read(table, problem, status, issues)
        rows, columns = [], []
    elif empty_note is not None and rows:
        issues.append((empty_note, "empty_table_with_amounts", f"{table_id}: 本表无数据 but {len(rows)} amounts"))
    out.budget_lines, out.budget_columns = rows, columns
    # Printed empty: a note says so, or no cell holds an amount (read by its headings: every cell blank, `-` or 无;
    # read by its layout: `-` or 无 printed where the amounts would be).
    declared_empty = empty_note is not None or (not problem and not rows and (
        (columns_from == "header" and not any(r == "amount_not_read" for _, r, _ in issues))
        or _prints_no_amount(doc, table)))
    record = _table_record(doc, table, layout, columns_from, unit, empty_note, len(rows), header_rows)
    record.is_declared_empty = declared_empty
    return _finish(doc, out, record, table, status, issues, problem)


def _table_record(doc: Document, table: FoundTable, layout: str, columns_from: str, unit: str | None,
                  empty_note: int | None, amount_cells: int, header_rows: int | None) -> BudgetTable:
    return BudgetTable(
        table_id=f"{doc.document_id}:{table.title_line}", document_id=doc.document_id, source_file=doc.source_file,
        table_type=table.table_type, table_title=table.title, title_line=table.title_line, end_line=table.end_line,
        is_declared_empty=empty_note is not None, empty_note_line=empty_note, amount_cells=amount_cells,
        layout=layout, columns_from=columns_from, unit_stated=unit, phase=bg.phase_of(table.title) or "budget",
        year_printed=table.year, header_rows=header_rows)


def _finish(doc: Document, out: ParseResult, record: BudgetTable, table: FoundTable, status: dict[int, str],
            issues: list[tuple[int, str, str]], problem: str | None) -> ParseResult:
    out.budget_tables.append(record)
    for line, reason, detail in issues:
        out.reject(doc.document_id, doc.source_file, line, line, "budget_table", reason, detail)
    reasons = {line: reason for line, reason, _ in issues}
    if problem:
        reasons = dict.fromkeys(range(table.title_line, table.end_line + 1), "table_layout_not_recognised")
    account_table(doc, out, record.table_id, "budget", table.title_line, table.end_line, status, reasons)
    return out
