"""Fault injection on the published samples: a copy of a sample PDF, read once by the real reader, with one printed
line (and the table cell it shows) edited as a careless editor would, then parsed and built like any document.
Each edit is the failing case of one validation rule, which must report it on the page of the edit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ingest.forms.document import parse_document
from ingest.grid.model import Cell, Document, Table, row_line
from ingest.readers import read_bytes
from ingest.writers import TableWriters, result_tables
from pipeline.build import create_database_file
from pipeline.dbt import run_dbt
from pipeline.paths import BuildPaths
from tests.conftest import SHIPPED_RAW


@dataclass(frozen=True)
class Edit:
    """Replace `old` by `new` (once) in the line printed at `page`:`line` of a sample; `new` may be empty."""

    page: int
    line: int
    old: str
    new: str


@dataclass(frozen=True)
class SampleCase:
    rule_id: str
    sample: str  # the sample's file name under data/raw
    edits: tuple[Edit, ...]
    page: int  # the page the rule must report
    why: str

    @property
    def file_name(self) -> str:
        return f"{self.rule_id.lower()}-edited-{self.sample}"


@cache
def read_sample(name: str) -> Document:
    path = SHIPPED_RAW / name
    return read_bytes(path.name, path.read_bytes())


def position_of(doc: Document, page: int, line: int) -> int:
    """The 1-based position in the line view of the line printed at page:line."""
    assert doc.origins is not None, f"{doc.source_file} has no pages"
    return doc.origins.index((page, line)) + 1


def _edit_table(tables: tuple[Table, ...], position: int, old: str, new: str) -> tuple[Table, ...]:
    out = []
    for table in tables:
        if table.first_position <= position <= table.last_position:
            r = position - table.first_position
            row = list(table.rows[r])
            c = next(i for i, cell in enumerate(row) if cell is not None and old in cell.text)
            row[c] = Cell(row[c].text.replace(old, new, 1), row[c].row_span, row[c].col_span)
            rows = list(table.rows)
            rows[r] = tuple(row)
            table = replace(table, rows=tuple(rows))
        out.append(table)
    return tuple(out)


def edited_copy(sample: str, file_name: str, edits: tuple[Edit, ...]) -> Document:
    """A copy of the sample under another name, each edit applied to its line and to the cell it shows."""
    doc = read_sample(sample)
    lines, tables = list(doc.lines), doc.tables
    for edit in edits:
        position = position_of(doc, edit.page, edit.line)
        assert edit.old in lines[position - 1], (edit, lines[position - 1])
        if "\t" in lines[position - 1]:
            tables = _edit_table(tables, position, edit.old, edit.new)
            table = next(t for t in tables if t.first_position <= position <= t.last_position)
            lines[position - 1] = row_line(table.rows[position - table.first_position])
        else:
            lines[position - 1] = lines[position - 1].replace(edit.old, edit.new, 1)
    data = "\n".join(lines).encode("utf-8")
    return replace(doc, source_file=file_name, document_id=file_name.rsplit(".", 1)[0], lines=tuple(lines),
                   tables=tables, sha256=hashlib.sha256(data).hexdigest())


def build_documents(docs: list[Document], folder: Path) -> Path:
    """The documents parsed as ingest parses them, and the marts built over them by dbt: the warehouse file."""
    paths = BuildPaths.resolve(folder / "raw", folder / "budget.duckdb")
    paths.raw_dir.mkdir(parents=True, exist_ok=True)
    writers = TableWriters(paths.ingest_dir)
    for doc in docs:
        writers.append(result_tables(parse_document(doc)))
    writers.close()
    create_database_file(paths.duckdb, "v1.0.0")
    run_dbt(paths, paths.duckdb)
    return paths.duckdb


CAIZHENGJU = "shanghai-putuo-caizhengju_2024_final-accounts.pdf"
SIFAJU = "shanghai-putuo-sifaju_2026_unit-budget.pdf"

SAMPLE_CASES: tuple[SampleCase, ...] = (
    # the narrative against the tables
    SampleCase("T01", CAIZHENGJU, (Edit(22, 2, "1511.89", "1515.89"),), 22,
               "the narrative's 决算 of 行政运行 against its table line (万元 against 万元)"),
    SampleCase("T01", SIFAJU, (Edit(6, 9, "1434.89", "1443.89"),), 6,
               "the narrative's 行政运行 in 万元 against the tables in 元"),
    SampleCase("T02", CAIZHENGJU, (Edit(22, 8, "决算数小于", "决算数大于"),), 22,
               "大于预算数 while 135.25 is below 135.90"),
    SampleCase("T03", CAIZHENGJU, (Edit(21, 5, "下降1.87%", "下降2.87%"),), 21,
               "56.95 of 3052.34 is 1.87 %, not 2.87 %"),
    SampleCase("T04", SIFAJU, (Edit(6, 9, "行政运行（01项）", "行政事务（01项）"),), 6,
               "2040601 is 行政运行 in the tables and the reference classification"),
    SampleCase("T05", CAIZHENGJU, (Edit(6, 1, "上海市普陀区财政局", "上海市普陀区司法局"),), 6,
               "the part heading names another body than the publisher"),
    SampleCase("T06", SIFAJU, (Edit(2, 6, "单位预算表", "部门预算表"),), 2,
               "a 单位预算 whose contents heading calls its tables 部门预算表"),
    # tables against tables
    SampleCase("A14", CAIZHENGJU, (Edit(12, 5, "2,940.05", "2,950.05"),), 6,
               "the 财政拨款收入支出决算总表's 一般公共预算 income against the 收入支出决算总表's"),
    # structure and text
    SampleCase("S06", CAIZHENGJU, (Edit(12, 1, "财政拨款收入支出决算总表", "附表"),), 2,
               "the contents promise the 财政拨款收入支出决算总表, which no longer has its title"),
    SampleCase("S07", CAIZHENGJU, (Edit(19, 15, "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。",
                                        ""),), 19, "an empty 政府性基金 table without its note"),
    SampleCase("S08", CAIZHENGJU, (Edit(21, 4, "2995.39万元", "XX万元"),), 21, "a figure left as XX"),
    SampleCase("S09", CAIZHENGJU, (Edit(21, 15, "持平", "增加（减少）"),), 21, "both alternatives left in"),
    SampleCase("S10", CAIZHENGJU, (Edit(22, 3, "人员进出及退休变化，减少人员经费开支。", "。"),), 22,
               "a reason announced and never given (主要原因：。)"),
    SampleCase("S11", CAIZHENGJU, (Edit(21, 9, "占0.21%；", "占0.21%；；"),), 21, "a doubled semicolon"),
    SampleCase("S12", CAIZHENGJU, (Edit(23, 10, "“三公”经费", "“三公经费"),), 23, "a quotation never closed"),
    SampleCase("S13", SIFAJU, (Edit(8, 1, "2026年", "2016年"),), 8, "a table title of another year"),
)
