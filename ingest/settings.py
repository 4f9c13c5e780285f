"""The tunables of ingest, gathered in one place (as pdfplumber gathers its table settings)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PdfSettings:
    # pdfplumber's table finder: tables drawn with ruling lines (the published budget forms are).
    table_settings: dict = field(default_factory=lambda: {"vertical_strategy": "lines",
                                                          "horizontal_strategy": "lines"})
    # A page whose non-blank characters are this share or more `(cid:123)` / U+FFFD has no usable text layer.
    unusable_text_share: float = 0.2
    # Two table parts on consecutive pages are one table when their left and right edges agree within this many
    # points (and they have as many columns).
    continuation_edge_tolerance: float = 6.0
    # Characters closer than this (points) vertically are one text line outside the tables.
    text_line_y_tolerance: float = 3.0
    # Two text lines whose heights overlap by this share of the lower one are one printed line: figures set in a
    # Latin font sit lower than the CJK text around them (a CJK font's box is taller) and would read apart.
    text_line_overlap: float = 0.5
    # A gap wider than this (points) between two characters of such a merged line is a space.
    text_space_gap: float = 1.5


@dataclass(frozen=True)
class PoolSettings:
    chunk_project_tables: int = 64  # project tables per parallel task of a large text document
    big_document_bytes: int = 256 * 1024  # larger text documents are split over the workers
    parallel_min_bytes: int = 256 * 1024  # less text than this to parse: forking costs more than it saves
    parallel_min_pages: int = 4  # paged documents: fewer pages than this in all are read in the main process


PDF = PdfSettings()
POOL = PoolSettings()
