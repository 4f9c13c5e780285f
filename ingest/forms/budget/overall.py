"""The 支出预算(万元) block of a department's overall-expenditure target form (整体支出绩效目标申报表): rows
合计 / 基本支出 / 项目支出 with last year's budget, last year's outturn and this year's request."""

from __future__ import annotations

from decimal import Decimal

from ingest.forms.budget.find import FoundTable
from ingest.grammar import budget as bg
from ingest.grammar.text import clean_text, squeeze
from ingest.records import BudgetLine

Issue = tuple[int, str, str]  # (position, reason, detail)


def parse_overall_block(lines: tuple[str, ...], table: FoundTable, document_id: str, source_file: str,
                        status: dict[int, str], issues: list[Issue]) -> list[BudgetLine]:
    rows: list[BudgetLine] = []
    status[table.title_line] = "title"
    for i in range(table.title_line, table.end_line):
        if {r.row_label for r in rows} == bg.OVERALL_ROWS:
            # The block is complete; the rest of the form (its performance targets) is not loaded: say so.
            rest = [n for n in range(i + 1, table.end_line + 1) if lines[n - 1].strip()]
            status.update(dict.fromkeys(rest, "not_parsed"))
            if rest:
                issues.append((rest[0], "table_part_not_parsed",
                               f"lines {rest[0]}-{rest[-1]} after the 支出预算 block of the 整体支出 form (the "
                               "rest of the form and any unrecognised text up to the next table) are not loaded"))
            break
        before = len(rows)
        status[i + 1] = "heading"
        cells = [clean_text(c) for c in lines[i].split("\t")]
        for k, cell in enumerate(cells):
            m = bg.OVERALL_ROW.match(squeeze(cell))
            if not m:
                continue
            values = [c for c in cells[k + 1:] if c][: len(bg.OVERALL_COLUMNS)]
            for n, (column, value) in enumerate(zip(bg.OVERALL_COLUMNS, values, strict=False)):
                if not bg.PLAIN_NUMBER.match(value):
                    continue
                rows.append(BudgetLine(
                    budget_line_id=f"{document_id}:{i + 1}:{k + n + 2}", document_id=document_id,
                    source_file=source_file, table_id=f"{document_id}:{table.title_line}",
                    table_type=table.table_type, table_title=table.title, row_number=len(rows) + 1,
                    row_label=m.group("label"), row_label_2=None,
                    row_role="total" if m.group("label") == bg.TOTAL_LABEL else "item", classification_code=None,
                    column_label=column, column_index=k + n + 2, column_path=column, is_total_column=False,
                    side=None, block="current", is_total_row=m.group("label") == bg.TOTAL_LABEL, is_aggregate_row=False,
                    indent_level=0, unit=bg.LAYOUT_UNIT, amount_value=Decimal(value).quantize(Decimal("0.01")),
                    amount_as_printed=value, phase="executed" if "决算" in column else "budget",
                    is_undoubled=False, source_line=i + 1))
            break
        if len(rows) > before:
            status[i + 1] = "amounts"
    return rows
