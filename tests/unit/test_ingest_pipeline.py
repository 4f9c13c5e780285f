import polars as pl

from ingest.corpus import ingest_directory, write_parquet
from tests.forms import pdftotext_table, tab_table


def _write(path, lines, encoding="utf-8"):
    path.write_bytes("\n".join(lines).encode(encoding))


def test_ingest_loads_tables_and_rejects_what_it_cannot_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw / "a.txt", tab_table("甲项目") + [""] + tab_table("乙项目"))
    _write(raw / "b.txt", pdftotext_table("丙项目"), encoding="gb18030")
    (raw / "c.bin").write_bytes(b"\x00\x01\x02binary")
    _write(raw / "d.txt", ["会议纪要", "与预算无关的文字"])
    _write(raw / "e.txt", ["某市市级预算部门（单位）项目支出绩效目标表", "（2024年度）", "", "时效", "指标"])

    result = ingest_directory(raw)
    projects = result.tables["project_tables"]
    assert projects.group_by("source_file").len().sort("source_file").rows() == [("a.txt", 2), ("b.txt", 1)]
    assert projects["project_id"].n_unique() == projects.height
    funding = result.tables["project_funding"]
    assert set(funding["project_id"]) == set(projects["project_id"])
    assert funding.filter(pl.col("source_file") == "b.txt")["amount_yuan"].cast(pl.Float64).to_list() == [2131157.0] * 2

    rejects = result.tables["rejects"].sort("source_file")
    assert rejects.select("source_file", "reason").rows() == [
        ("c.bin", "unreadable_document"),
        ("d.txt", "unknown_document_kind"),
        ("e.txt", "truncated_table"),
    ]
    assert rejects.filter(pl.col("reason") == "truncated_table")["source_line"].to_list() == [1]

    docs = result.tables["documents"].sort("source_file")
    assert docs["source_file"].to_list() == ["a.txt", "b.txt", "d.txt", "e.txt"]
    assert docs.filter(pl.col("source_file") == "b.txt")["encoding"].item() == "gb18030"

    write_parquet(result, tmp_path / "out")
    for name in ("documents", "project_tables", "project_funding", "rejects"):
        assert pl.read_parquet(tmp_path / "out" / f"{name}.parquet").height == result.tables[name].height


def test_empty_folder_gives_empty_typed_tables(tmp_path):
    result = ingest_directory(tmp_path)
    assert all(df.height == 0 for df in result.tables.values())
    assert result.tables["project_tables"].schema["source_line"] == pl.Int64


def test_the_same_document_under_another_name_is_loaded_once_and_rejected(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw / "a.txt", tab_table("甲项目"))
    _write(raw / "a_copy.txt", tab_table("甲项目"))
    result = ingest_directory(raw)
    assert result.tables["project_tables"]["source_file"].to_list() == ["a.txt"]
    assert result.tables["documents"]["source_file"].to_list() == ["a.txt"]
    rejects = result.tables["rejects"].select("source_file", "reason", "detail").rows()
    assert rejects == [("a_copy.txt", "duplicate_document", "same content as a.txt")]
