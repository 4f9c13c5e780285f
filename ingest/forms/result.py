"""The one result type of every form parser: the records it read, the rejects, and the line accounting."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.records import (
    BudgetColumn,
    BudgetLine,
    BudgetTable,
    DocumentRecord,
    FileRecord,
    Indicator,
    NarrativeChange,
    NarrativeClassification,
    NarrativeFigure,
    ProjectFunding,
    ProjectTable,
    Reject,
    SourceTable,
    TableLines,
    TextFinding,
)


@dataclass
class ParseResult:
    """Records by output table (the attribute names are the table names of ingest.records.TABLES)."""

    files: list[FileRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    source_tables: list[SourceTable] = field(default_factory=list)
    project_tables: list[ProjectTable] = field(default_factory=list)
    project_funding: list[ProjectFunding] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    budget_tables: list[BudgetTable] = field(default_factory=list)
    budget_columns: list[BudgetColumn] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    narrative_figures: list[NarrativeFigure] = field(default_factory=list)
    narrative_classifications: list[NarrativeClassification] = field(default_factory=list)
    narrative_changes: list[NarrativeChange] = field(default_factory=list)
    text_findings: list[TextFinding] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    table_lines: list[TableLines] = field(default_factory=list)

    def extend(self, other: ParseResult) -> ParseResult:
        for name, rows in vars(other).items():
            getattr(self, name).extend(rows)
        return self

    def reject(self, document_id: str, source_file: str, line: int | None, end: int | None, stage: str,
               reason: str, detail: str) -> None:
        self.rejects.append(Reject(document_id=document_id, source_file=source_file, source_line=line,
                                   source_line_end=end, stage=stage, reason=reason, detail=detail))
