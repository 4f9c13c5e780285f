"""The streaming Parquet writer and the content-hash cache: same rows as the in-memory ingest, reuse only when
nothing the rows depend on has changed."""

import polars as pl
import pytest

import ingest.cache
import ingest.corpus
from ingest import records
from ingest.corpus import ingest_directory, ingest_to_parquet
from ingest.settings import PoolSettings
from tests.forms import pdftotext_table, tab_table


def _write(path, lines, encoding="utf-8"):
    path.write_bytes("\n".join(lines).encode(encoding))


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    _write(folder / "a.txt", tab_table("甲项目") + [""] + tab_table("乙项目"))
    _write(folder / "b.txt", pdftotext_table("丙项目"), encoding="gb18030")
    _write(folder / "c.txt", tab_table("丁项目"))
    (folder / "d.bin").write_bytes(b"\x00\x01binary")
    return folder


def _tables(out_dir):
    return {name: pl.read_parquet(out_dir / f"{name}.parquet") for name in records.TABLES}


def _assert_same(tables, frames):
    for name in records.TABLES:
        assert tables[name].schema == frames[name].schema, name
        assert tables[name].equals(frames[name]), name


def test_streamed_parquet_equals_the_in_memory_ingest_with_and_without_cache(raw, tmp_path):
    expected = ingest_directory(raw).tables
    plain = ingest_to_parquet(raw, tmp_path / "plain")
    _assert_same(_tables(tmp_path / "plain"), expected)
    assert plain.counts == {name: df.height for name, df in expected.items()}
    assert (plain.files, plain.parsed, plain.cached) == (4, 3, 0)

    first = ingest_to_parquet(raw, tmp_path / "first", tmp_path / "cache")
    second = ingest_to_parquet(raw, tmp_path / "second", tmp_path / "cache")
    assert (first.parsed, first.cached) == (3, 0)
    assert (second.parsed, second.cached) == (0, 3)
    _assert_same(_tables(tmp_path / "second"), expected)


def test_only_changed_or_renamed_files_are_parsed_again_and_stale_entries_go(raw, tmp_path):
    cache = tmp_path / "cache"
    ingest_to_parquet(raw, tmp_path / "out", cache)
    assert len(list(cache.iterdir())) == 3

    _write(raw / "c.txt", tab_table("戊项目"))  # new content
    (raw / "a.txt").rename(raw / "a2.txt")  # same content, new name: rows carry the name
    summary = ingest_to_parquet(raw, tmp_path / "out", cache)
    assert (summary.parsed, summary.cached) == (2, 1)
    projects = _tables(tmp_path / "out")["project_tables"]
    assert sorted(projects["project_name"]) == sorted(["甲项目", "乙项目", "丙项目", "戊项目"])
    assert set(projects["source_file"]) == {"a2.txt", "b.txt", "c.txt"}
    _assert_same(_tables(tmp_path / "out"), ingest_directory(raw).tables)
    assert len(list(cache.iterdir())) == 3  # the entries of the old a.txt and c.txt were pruned


def test_a_parser_change_invalidates_every_entry(raw, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    ingest_to_parquet(raw, tmp_path / "out", cache)
    monkeypatch.setattr(ingest.cache, "parser_fingerprint", lambda: "another-parser")
    summary = ingest_to_parquet(raw, tmp_path / "out", cache)
    assert (summary.parsed, summary.cached) == (3, 0)


def test_the_fingerprint_covers_parser_code_and_vocabulary_seeds():
    files = {p.name for p in ingest.cache._INGEST_DIR.rglob("*.py")} | {
        p.name for p in ingest.cache._SEED_DIR.glob("*.csv")}
    assert {"indicator_text.py", "values.py", "indicator_label_variants.csv", "indicator_framework.csv"} <= files


def test_split_documents_give_the_same_rows_in_file_order(raw, tmp_path, monkeypatch):
    expected = ingest_directory(raw).tables
    # every document split into chunks and parsed by the worker pool
    monkeypatch.setattr(ingest.corpus, "POOL", PoolSettings(big_document_bytes=1, parallel_min_bytes=1))
    ingest_to_parquet(raw, tmp_path / "out", tmp_path / "cache")
    _assert_same(_tables(tmp_path / "out"), expected)
    # a mix of cached and parsed documents keeps file order too
    _write(raw / "b.txt", pdftotext_table("己项目"), encoding="gb18030")
    ingest_to_parquet(raw, tmp_path / "out", tmp_path / "cache")
    assert _tables(tmp_path / "out")["documents"]["source_file"].to_list() == ["a.txt", "b.txt", "c.txt"]
