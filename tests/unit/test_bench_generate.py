"""The benchmark corpus generator: deterministic, scaled, varied, and still read by the parsers like the seeds."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from bench.generate import (
    CITIES,
    COUNTIES,
    COUNTY_CITIES,
    NAME_PATTERN,
    generate_corpus,
    rename_project,
    scale_amount,
    write_corpus,
)
from ingest.corpus import ingest_directory
from ingest.forms.project.header import parse_project_name
from ingest.grammar import level_from_region_suffix, region_and_level
from tests.conftest import SEED_RAW

SEED_TABLES = 573  # project tables in the five seed documents
FACTOR = 3
# Source index -> admin level the parsers detect in it; a variant must keep it (孝义市 is a county).
SEED_LEVELS = {0: "city", 1: "city", 2: "county", 3: "city", 4: "county"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("corpus")
    return out, generate_corpus(SEED_RAW, out, FACTOR, seed=0)


@pytest.fixture(scope="module")
def ingested(corpus):
    return ingest_directory(corpus[0])


def _sources() -> list[Path]:
    return sorted(p for p in SEED_RAW.iterdir() if p.is_file() and not p.name.startswith("."))


def test_writes_factor_times_sources_files_with_unique_generated_names(corpus):
    out, paths = corpus
    assert len(paths) == FACTOR * len(_sources())
    assert sorted(p.name for p in out.iterdir()) == [p.name for p in paths]
    assert all(NAME_PATTERN.match(p.name) for p in paths)
    assert len({p.read_bytes() for p in paths}) == len(paths)  # ingest would reject byte-identical copies


def test_same_seed_gives_identical_bytes_and_another_seed_differs(corpus, tmp_path):
    _, first = corpus
    again = generate_corpus(SEED_RAW, tmp_path / "again", FACTOR, seed=0)
    assert [p.name for p in again] == [p.name for p in first]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, first, strict=True))
    other = generate_corpus(SEED_RAW, tmp_path / "other", FACTOR, seed=1)
    assert [p.name for p in other] != [p.name for p in first]
    assert sum(a.read_bytes() != b.read_bytes() for a, b in zip(other, first, strict=True)) >= len(first) - 1


def test_ingest_reads_every_document_and_about_factor_times_the_tables(ingested):
    docs, rejects = ingested.tables["documents"], ingested.tables["rejects"]
    assert docs.height == FACTOR * len(_sources())
    assert docs.filter(pl.col("doc_kind") == "unknown").height == 0
    assert rejects.filter(pl.col("reason").is_in(["unreadable_document", "duplicate_document"])).height == 0
    tables = ingested.count("project_tables")
    assert 0.85 * FACTOR * SEED_TABLES <= tables <= 1.15 * FACTOR * SEED_TABLES
    assert docs["project_table_count"].sum() == tables


def test_regions_vary_and_keep_their_kind(ingested):
    docs = ingested.tables["documents"]
    assert docs["region_name"].n_unique() > 3
    for doc_id, level in docs.select("document_id", "admin_level").rows():
        assert level == SEED_LEVELS[int(doc_id[:6]) % len(SEED_LEVELS)], doc_id


def test_repeated_tables_are_renamed_and_amounts_scaled(ingested):
    names = ingested.tables["project_tables"]["project_name"]
    assert names.str.contains("（(?:二期|三期|续建|提质增效|扩面|[东西南北]片区|城区段)）$").sum() > 0
    funding = ingested.tables["project_funding"]
    # 5,072,219 is printed once per period in the first table of 000; variants print it x1, x2 or x3.
    printed = set(funding.filter(pl.col("source_file").str.starts_with("000000_"))["amount_as_printed"])
    assert printed & {"5,072,219", "10,144,438", "15,216,657"}


def test_some_documents_are_gb18030_or_crlf(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes((SEED_RAW / _sources()[0].name).read_bytes())
    _, stats = write_corpus(src, tmp_path / "out", 60, seed=0)
    assert stats.gb18030 > 0 and stats.crlf > 0
    result = ingest_directory(tmp_path / "out")
    assert set(result.tables["documents"]["encoding"]) == {"utf-8", "gb18030"}
    assert result.count("project_tables") == stats.tables


def test_refuses_a_folder_with_other_files_and_replaces_its_own(tmp_path):
    (tmp_path / "keep.txt").write_text("not generated")
    with pytest.raises(FileExistsError):
        generate_corpus(SEED_RAW, tmp_path, 1)
    (tmp_path / "keep.txt").unlink()
    generate_corpus(SEED_RAW, tmp_path, 2)
    smaller = generate_corpus(SEED_RAW, tmp_path, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in smaller)


@pytest.mark.parametrize(
    ("token", "k", "expected"),
    [("5,072,219", 3, "15,216,657"), ("164,391.6", 2, "328,783.2"), ("61.2653", 3, "183.7959"), ("0", 2, "0"),
     ("510000", 2, "1020000")],
)
def test_scale_amount_keeps_the_printed_format(token, k, expected):
    assert scale_amount(token, k) == expected


@pytest.mark.parametrize("line", ["项目名称\t\t公交补贴\t\t\t", "项目名称 襄垣县人大会议", "项目名称\t宣传资料\t\t"])
def test_rename_project_appends_to_the_name_cell(line):
    assert parse_project_name(rename_project(line, "（二期）")) == parse_project_name(line) + "（二期）"


def test_built_in_regions_are_read_back_whole_and_with_their_level():
    kinds = ((CITIES, "市级", "city"), (COUNTY_CITIES, "县(区)级", "county"), (COUNTIES, "", "county"))
    for names, marker, level in kinds:
        for name in names:
            region, detected = region_and_level(f"{name}{marker}预算部门（单位）项目支出绩效目标表")
            assert region == name
            assert (detected or level_from_region_suffix(name)) == level
