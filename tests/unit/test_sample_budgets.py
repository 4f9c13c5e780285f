"""The sample PDFs (data/raw: three Shanghai budgets and a final account) parsed into budget tables as the pages
print them: the nine tables of each with their type, phase and unit, every 合计 row's amounts (read off the page
images into tests/data/sample_pdfs/*.json, not from any extraction), and who published what."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from ingest.forms.document import parse_document
from ingest.forms.result import ParseResult
from ingest.grammar.text import squeeze
from ingest.readers import read_path
from tests.conftest import SHIPPED_RAW

EXPECTED_DIR = Path(__file__).resolve().parent.parent / "data" / "sample_pdfs"
SAMPLES = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXPECTED_DIR.glob("*.json"))}

BUDGET_TYPES = ["income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_grant_summary",
                "general_budget_expenditure", "gov_fund_expenditure", "state_capital", "basic_expenditure_economic",
                "three_public"]
# (title page, table type) of the nine tables of each sample, read off the pages; the 三公 table is the one in 万元.
TABLES = {
    "wanli": list(zip([10, 11, 15, 19, 20, 24, 25, 26, 28], BUDGET_TYPES, strict=True)),
    "qufuban": list(zip([8, 9, 11, 13, 14, 16, 17, 18, 20], BUDGET_TYPES, strict=True)),
    "sifaju": list(zip([8, 9, 11, 13, 14, 16, 17, 18, 20], BUDGET_TYPES, strict=True)),
    "caizhengju": [(6, "income_expenditure_summary"), (8, "income_summary"), (10, "expenditure_summary"),
                   (12, "fiscal_grant_summary"), (15, "general_budget_expenditure"),
                   (16, "basic_expenditure_economic"), (18, "three_public"), (19, "gov_fund_expenditure"),
                   (20, "state_capital")],
}
UNITS = {"wanli": "元", "qufuban": "元", "sifaju": "元", "caizhengju": "万元"}  # the 三公 tables print 万元
PHASES = {"wanli": "budget", "qufuban": "budget", "sifaju": "budget", "caizhengju": "executed"}
# Publisher, region, level, year and kind: the cover (and the 编制部门/预算单位 lines) of each sample.
DOCUMENTS = {
    "wanli": ("上海市普陀区人民政府万里街道办事处", "上海市普陀区", "district", 2023, "department_budget"),
    "qufuban": ("上海市普陀区人民政府办公室", "上海市普陀区", "district", 2025, "department_budget"),
    "sifaju": ("上海市普陀区司法局", "上海市普陀区", "district", 2026, "unit_budget"),
    "caizhengju": ("上海市普陀区财政局", "上海市普陀区", "district", 2024, "final_accounts"),
}


@cache
def _parsed(name: str) -> ParseResult:
    return parse_document(read_path(SHIPPED_RAW / SAMPLES[name]["file"]))


def _bare(title: str) -> str:
    """A title without spaces and quotes (the final account prints the quotes of “三公” on a line of their own)."""
    return squeeze(title).replace("“", "").replace("”", "").replace('"', "")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_nine_tables_of_each_sample_are_found_with_their_type_phase_and_unit(name):
    parsed = _parsed(name)
    assert [(t.title_page, t.table_type) for t in parsed.budget_tables] == TABLES[name]
    assert {t.columns_from for t in parsed.budget_tables} == {"header"}
    assert {t.phase for t in parsed.budget_tables} == {PHASES[name]}
    assert [t.unit_stated for t in parsed.budget_tables] == [
        "万元" if table_type == "three_public" else UNITS[name] for _, table_type in TABLES[name]]
    assert not [r for r in parsed.rejects if r.stage in ("budget_table", "line_accounting")]


def _printed_row(lines) -> list[str]:
    """A row as the page prints it: each block's label, then its amounts, left to right."""
    out: list[str] = []
    block = None
    for line in sorted(lines, key=lambda r: r.column_index):
        if line.row_label and (line.side, line.row_label) != block:
            out.append(squeeze(line.row_label))
        block = (line.side, line.row_label)
        out.append(squeeze(line.amount_as_printed))
    return out


TOTALS = [(name, entry["page"], entry["title"], row) for name, sample in SAMPLES.items()
          for entry in sample["tables"] if entry["kind"] == "total" and entry["title"] for row in entry["rows"]]


@pytest.mark.parametrize("name, page, title, row", TOTALS, ids=[f"{n}-p{p}-{r[0]}" for n, p, _, r in TOTALS])
def test_every_total_row_loads_the_amounts_printed(name, page, title, row):
    parsed = _parsed(name)
    (table,) = [t for t in parsed.budget_tables if _bare(t.table_title) == _bare(title)]
    on_page = [line for line in parsed.budget_lines if line.table_id == table.table_id and line.source_page == page]
    expected = [squeeze(cell) for cell in row]
    if expected == ["合计"]:  # a table printed empty: its 合计 row has no amounts
        assert table.is_declared_empty and table.amount_cells == 0
        return
    by_row: dict[int, list] = {}
    for line in on_page:
        by_row.setdefault(line.source_line, []).append(line)
    printed = [_printed_row(lines) for lines in by_row.values()]
    assert expected in printed
    (lines,) = [lines for lines in by_row.values() if _printed_row(lines) == expected]
    assert all(line.is_total_row for line in lines)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_who_published_what_is_read_from_the_document(name):
    (document,) = _parsed(name).documents
    assert (document.publisher_name, document.region_name, document.admin_level, document.fiscal_year,
            document.doc_kind) == DOCUMENTS[name]


def test_classification_codes_printed_in_three_columns_become_one_code_per_row():
    parsed = _parsed("wanli")
    (table,) = [t for t in parsed.budget_tables if t.table_type == "expenditure_summary"]
    codes = {(line.classification_code, line.classification_level, line.row_label, line.column_label):
             line.amount_value for line in parsed.budget_lines if line.table_id == table.table_id}
    # Page 17: 212 01 99 其他城乡社区管理事务支出 49,927,105 = 46,161,905 + 3,765,200 (read off the page).
    assert codes[("2120199", 3, "其他城乡社区管理事务支出", "基本支出")] == 46161905
    assert codes[("21201", 2, "城乡社区管理事务", "合计")] == 93436078
    assert codes[("212", 1, "城乡社区支出", "项目支出")] == 49878543
