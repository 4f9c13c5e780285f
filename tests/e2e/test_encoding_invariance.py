"""The whole shipped corpus re-encoded (BOM, GB18030, UTF-16) or with other line endings (CRLF, CR) gives the same
rows, line numbers included; numbers printed with full-width digits or odd spaces give the same values."""

from __future__ import annotations

import polars as pl
import pytest

from ingest import records
from ingest.corpus import ingest_directory
from tests.conftest import SEED_RAW

# Columns that describe the bytes rather than the document.
_BYTE_COLUMNS = ("size_bytes", "sha256", "encoding")

VARIANTS = {
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16": lambda text: text.encode("utf-16"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "gb18030-crlf": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
}
EXPECTED_ENCODING = {"utf-8-bom": "utf-8-sig", "gb18030": "gb18030", "utf-16": "utf-16", "crlf": "utf-8",
                     "cr": "utf-8", "gb18030-crlf": "gb18030"}


@pytest.fixture(scope="module")
def original():
    return ingest_directory(SEED_RAW).tables


def _without_bytes(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.drop([c for c in _BYTE_COLUMNS if c in frame.columns])


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_table_is_identical_under_another_encoding_or_line_ending(variant, original, tmp_path):
    for path in sorted(SEED_RAW.iterdir()):
        (tmp_path / path.name).write_bytes(VARIANTS[variant](path.read_text(encoding="utf-8")))
    converted = ingest_directory(tmp_path).tables
    for name in records.TABLES:
        assert _without_bytes(converted[name]).equals(_without_bytes(original[name])), (variant, name)
    assert set(converted["documents"]["encoding"]) == {EXPECTED_ENCODING[variant]}
    assert converted["project_tables"].height == 573  # not vacuous: the whole corpus was parsed


def _full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789,.%", "０１２３４５６７８９，．％"))


def test_numbers_printed_full_width_or_with_wide_spaces_keep_their_values(original, tmp_path):
    """Every funding amount and numeric target of the corpus rewritten in place: full-width digits and punctuation,
    and the spaces inside them made NBSP or ideographic; the parsed values must not change."""
    funding, indicators = original["project_funding"], original["indicators"]
    edits: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for row in funding.filter(pl.col("amount_as_printed").is_not_null()).iter_rows(named=True):
        edits.setdefault((row["source_file"], row["source_line"]), []).append(
            (row["amount_as_printed"], _full_width(row["amount_as_printed"])))
    numeric = indicators.filter(pl.col("value_kind").is_in(["numeric", "percent"]))
    for k, row in enumerate(numeric.iter_rows(named=True)):
        printed = row["target_text"]
        edits.setdefault((row["source_file"], row["source_line"]), []).append(
            (printed, _full_width(printed).replace(" ", "\u00a0" if k % 2 else "\u3000")))
    assert len(edits) > 3000  # a real share of the corpus is rewritten

    changed_lines = 0
    for path in sorted(SEED_RAW.iterdir()):
        lines = path.read_text(encoding="utf-8").split("\n")
        for (file, line), replacements in edits.items():
            if file != path.name:
                continue
            text = lines[line - 1]
            for old, new in replacements:
                # Only whole, unambiguous occurrences: a number that also occurs elsewhere on the line is left.
                if text.count(old) == 1:
                    text = text.replace(old, new)
            changed_lines += text != lines[line - 1]
            lines[line - 1] = text
        (tmp_path / path.name).write_text("\n".join(lines), encoding="utf-8")
    assert changed_lines > 1000
    rewritten = ingest_directory(tmp_path).tables

    keys = ["project_id", "period", "fund_source"]
    assert rewritten["project_funding"].select(*keys, "amount_yuan").equals(
        original["project_funding"].select(*keys, "amount_yuan"))
    ind = ["project_id", "period", "source_line", "level1", "level2", "comparator", "target_value", "value_kind"]
    assert rewritten["indicators"].select(ind).equals(original["indicators"].select(ind))
