"""The full seed corpus through ingest -> dbt -> validation, queried from the built file."""

from tests.conftest import SEED_RAW

EXPECTED_PROJECT_TABLES = {
    "000_8145450653f6c2a2.txt": 18,
    "001_7970a4b914734aa4.txt": 28,
    "002_b74160a094e36784.txt": 18,
    "003_ab1a38b56cc10efc.txt": 62,
    "004_b05b28ee3a1316ba.txt": 447,
}


def test_every_project_table_of_every_document_is_loaded(seed_con):
    rows = seed_con.execute(
        "select source_file, count(*) from marts.dim_project group by source_file order by source_file"
    ).fetchall()
    assert dict(rows) == EXPECTED_PROJECT_TABLES
    assert sum(EXPECTED_PROJECT_TABLES.values()) == 573


def test_source_line_points_at_the_name_row_of_the_raw_file(seed_con):
    rows = seed_con.execute("select source_file, source_line, source_line_end, project_name from marts.dim_project")
    files: dict[str, list[str]] = {}
    for source_file, line, end, name in rows.fetchall():
        if source_file not in files:
            files[source_file] = (SEED_RAW / source_file).read_text(encoding="utf-8").split("\n")
        raw = files[source_file][line - 1]
        assert "项目名称" in raw and name in raw, (source_file, line, raw)
        assert end >= line


def test_documents_are_described_from_their_own_text(seed_con):
    rows = seed_con.execute(
        "select source_file, region_name, admin_level, fiscal_year, doc_kind, project_table_count "
        "from marts.dim_document order by source_file"
    ).fetchall()
    assert [r[1:4] for r in rows] == [
        ("吕梁市", "city", 2025),
        ("吕梁市", "city", 2024),
        ("孝义市", "county", 2024),
        ("吕梁市", "city", 2023),
        ("襄垣县", "county", 2024),
    ]
    # 001 is a unit's report (单位预算公开报告), 002 and 003 department reports, 000 and 004 compilations of tables.
    assert [r[4] for r in rows] == ["project_targets", "unit_budget", "department_budget", "department_budget",
                                    "project_targets"]
    assert [r[5] for r in rows] == list(EXPECTED_PROJECT_TABLES.values())


def test_the_seed_corpus_leaves_no_parse_rejects_at_segmentation(seed_con):
    assert seed_con.execute("select count(*) from marts.fct_parse_reject where stage = 'segment'").fetchone() == (0,)


def test_marts_schema_holds_the_contract_models(seed_con):
    tables = {r[0] for r in seed_con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
    assert {"dim_document", "dim_project"} <= tables
