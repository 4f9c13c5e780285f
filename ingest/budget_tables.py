"""Department budget tables (预算公开表1-13): find each table by its title, read its rows into amount cells.

TAB documents keep every cell, so a row maps onto the table type's columns by position. pdftotext documents
separate cells by one space (an empty cell is an extra space), glue some amounts to the next label and double
bold text; those rows are repaired first (survey §6.5) and then read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ingest.grammar import budget as bg
from ingest.grammar.labels import DISCLOSURE_COVER, is_project_table_title
from ingest.grammar.numbers import is_plausible
from ingest.grammar.text import clean_text, contains_spaced, squeeze

_PAGE_NUMBER = bg.re.compile(r"^[-—–]\s*\d+\s*[-—–]$")
_META_LINE = bg.re.compile(r"^(?:(?:预算|部门)公开表\d+|(?:单位|部门)名称[:：]|单位[:：]万元)")


@dataclass(frozen=True)
class BudgetTable:
    title_line: int  # 1-based
    end_line: int
    title: str
    table_type: str


@dataclass
class BudgetTableParse:
    lines: list[dict] = field(default_factory=list)
    table: dict = field(default_factory=dict)
    issues: list[tuple[int, str, str]] = field(default_factory=list)
    line_status: dict[int, str] = field(default_factory=dict)  # 1-based line -> status (ingest.line_accounting)


def _title_of(line: str) -> tuple[str, str] | None:
    text, _ = bg.undouble_line(clean_text(line))
    compact = squeeze(text)
    if "绩效目标" in compact or not bg.TABLE_TITLE.match(compact):
        return None
    table_type = bg.table_type_of(compact)
    return (compact, table_type) if table_type else None


def find_budget_tables(lines: tuple[str, ...]) -> list[BudgetTable]:
    starts: list[tuple[int, str, str]] = []
    for i, line in enumerate(lines):
        if "表" not in line or len(line) > 120:
            continue
        if contains_spaced(line, "整体支出") and bg.OVERALL_TITLE.search(squeeze(line)) and \
                not line.rstrip()[-1:].isdigit():
            starts.append((i, squeeze(line), "overall_expenditure_targets"))
            continue
        found = _title_of(line)
        if not found:
            continue
        # The doubled or repeated title of the same table a few lines below its numbered title is not a new table.
        # Counted in non-blank lines: some conversions put a blank line after every line.
        if starts and starts[-1][2] == found[1] and \
                sum(1 for j in range(starts[-1][0] + 1, i) if lines[j].strip()) <= 5:
            continue
        starts.append((i, found[0], found[1]))
    tables = []
    for n, (start, title, table_type) in enumerate(starts):
        limit = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(lines) - 1
        end = limit
        for j in range(start + 1, limit + 1):
            text = squeeze(lines[j])
            if bg.BUDGET_SECTION_END.match(text) or is_project_table_title(lines[j]):
                end = j - 1
                break
        tables.append(BudgetTable(start + 1, end + 1, title, table_type))
    return tables


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


def parse_overall_block(lines: tuple[str, ...], table: BudgetTable, document_id: str, source_file: str,
                        out: BudgetTableParse) -> list[dict]:
    """The 支出预算(万元) block of an overall-expenditure target form: rows 合计 / 基本支出 / 项目支出 with last year's
    budget, last year's outturn and this year's request."""
    rows: list[dict] = []
    out.line_status[table.title_line] = "title"
    for i in range(table.title_line, table.end_line):
        if {r["row_label"] for r in rows} == {"合计", "基本支出", "项目支出"}:
            # The block is complete; the rest of the form (its performance targets) is not loaded: say so.
            rest = [n for n in range(i + 1, table.end_line + 1) if lines[n - 1].strip()]
            out.line_status.update(dict.fromkeys(rest, "not_parsed"))
            if rest:
                out.issues.append((rest[0], "table_part_not_parsed",
                                   f"lines {rest[0]}-{rest[-1]} after the 支出预算 block of the 整体支出 form (the "
                                   "rest of the form and any unrecognised text up to the next table) are not loaded"))
            break
        before = len(rows)
        out.line_status[i + 1] = "heading"
        cells = [clean_text(c) for c in lines[i].split("\t")]
        for k, cell in enumerate(cells):
            m = bg.OVERALL_ROW.match(squeeze(cell))
            if not m:
                continue
            values = [c for c in cells[k + 1:] if c][: len(bg.OVERALL_COLUMNS)]
            for n, (column, value) in enumerate(zip(bg.OVERALL_COLUMNS, values, strict=False)):
                if not bg.PLAIN_NUMBER.match(value):
                    continue
                rows.append({
                    "budget_line_id": f"{document_id}:{i + 1}:{k + n + 2}", "document_id": document_id,
                    "source_file": source_file, "table_id": f"{document_id}:{table.title_line}",
                    "table_type": table.table_type, "table_title": table.title, "row_number": len(rows) + 1,
                    "row_label": m.group("label"), "row_label_2": None, "classification_code": None,
                    "column_label": column, "side": None, "block": "current",
                    "is_total_row": m.group("label") == "合计", "is_aggregate_row": False, "indent_level": 0,
                    "amount_wan_yuan": Decimal(value).quantize(Decimal("0.01")), "amount_as_printed": value,
                    "is_undoubled": False, "source_line": i + 1,
                })
            break
        if len(rows) > before:
            out.line_status[i + 1] = "amounts"
    return rows


def parse_budget_table(lines: tuple[str, ...], table: BudgetTable, document_id: str, source_file: str
                       ) -> BudgetTableParse:
    out = BudgetTableParse()
    if table.table_type == "overall_expenditure_targets":
        out.lines = parse_overall_block(lines, table, document_id, source_file, out)
        out.table = {"table_id": f"{document_id}:{table.title_line}", "document_id": document_id,
                     "source_file": source_file, "table_type": table.table_type, "table_title": table.title,
                     "title_line": table.title_line, "end_line": table.end_line, "is_declared_empty": False,
                     "empty_note_line": None, "amount_cells": len(out.lines), "layout": "tab"}
        return out
    schema = bg.SCHEMAS[table.table_type]
    body = [i for i in range(table.title_line, table.end_line) if lines[i].strip()]
    tabbed = sum("\t" in lines[i] for i in body) * 2 >= max(1, len(body))
    table_id = f"{document_id}:{table.title_line}"
    empty_note = next((i + 1 for i in body if bg.EMPTY_TABLE.match(squeeze(lines[i]))), None)
    block = "current"
    pending_label: list[str] = []
    pending_line: int | None = None
    pending_indent = 0
    pending_lines: list[int] = []  # the lines of a wrapped label, 1-based
    row_number = 0
    rows: list[dict] = []
    status = out.line_status
    status[table.title_line] = "title"
    for i in range(table.title_line, table.end_line):
        if not lines[i].strip():
            if lines[i]:  # a row of empty cells (`    `) ends a wrapped label that had no amounts
                pending_label, pending_line, pending_lines = [], None, []
            continue
        text = clean_text(lines[i])
        compact = squeeze(text)
        if (_META_LINE.match(compact) or _PAGE_NUMBER.match(text) or DISCLOSURE_COVER.match(compact)
                or bg.EMPTY_TABLE.match(compact) or _title_of(lines[i]) or compact.startswith("第二部分")):
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
        if squeeze(income_label) in {"收入总计"}:
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
            rows.append({
                "budget_line_id": f"{document_id}:{row_line}:{col_index + 1}",
                "document_id": document_id,
                "source_file": source_file,
                "table_id": table_id,
                "table_type": table.table_type,
                "table_title": table.title,
                "row_number": row_number,
                "row_label": row_label or code_text or None,
                "row_label_2": (label_values[1] or None) if len(label_values) > 1 and not schema.income_side else None,
                "classification_code": code,
                "column_label": column,
                "side": side,
                "block": block if side in (None, "income") else "current",
                "is_total_row": label_for_total in bg.TOTAL_LABELS or code_text == "合计",
                "indent_level": indent,
                "amount_wan_yuan": amount,
                "amount_as_printed": value,
                "is_undoubled": flags[col_index] if col_index < len(flags) else False,
                "source_line": row_line,
            })
        if len(rows) > rows_before:
            status[i + 1] = "amounts"
            status.update(dict.fromkeys(wrapped, "wrapped_label"))
        else:
            status[i + 1] = "reject"
            out.issues.append((i + 1, "amounts_not_loaded",
                               f"{table_id}: a row with numbers that fall in no amount column: {text[:60]}"))
    _mark_aggregate_rows(rows)
    out.lines = rows
    out.table = {
        "table_id": table_id,
        "document_id": document_id,
        "source_file": source_file,
        "table_type": table.table_type,
        "table_title": table.title,
        "title_line": table.title_line,
        "end_line": table.end_line,
        "is_declared_empty": empty_note is not None,
        "empty_note_line": empty_note,
        "amount_cells": len(rows),
        "layout": "tab" if tabbed else "text",
    }
    if empty_note is not None and rows:
        out.issues.append((empty_note, "empty_table_with_amounts", f"{table_id}: 本表无数据 but {len(rows)} amounts"))
    return out


def _mark_aggregate_rows(rows: list[dict]) -> None:
    """Unit and department rows of a 项目支出 table sum the project rows below them: mark them so that they are
    not summed twice. Shallower U+3000 indentation marks them where the document indents (吕梁 reports); else
    the leading rows whose 合计 equals the sum of the rest (the 孝义 table prints its department row twice)."""
    for row in rows:
        row["is_aggregate_row"] = False
    if not rows or not rows[0]["table_type"].startswith("project_expenditure"):
        return
    totals: dict[int, tuple[Decimal, list[dict]]] = {}
    for row in rows:
        if row["column_label"] == "合计":
            totals[row["source_line"]] = (row["amount_wan_yuan"], [])
    for row in rows:
        totals.get(row["source_line"], (None, []))[1].append(row)
    ordered = sorted(totals.items())
    deepest = max(r["indent_level"] for r in rows)
    aggregate_lines: set[int] = set()
    if deepest > 0:
        aggregate_lines = {line for line, (_, cells) in ordered if cells[0]["indent_level"] < deepest}
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
        row["is_aggregate_row"] = row["source_line"] in aggregate_lines
