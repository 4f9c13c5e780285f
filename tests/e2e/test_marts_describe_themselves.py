"""Marts that describe themselves and do not trap a naive sum (issue 17): descriptions persisted as DuckDB comments,
units in the money columns' names, totals and aggregates flagged, amounts known to be wrong left out of the trusted
column, and the canonical fund sources as a mart."""

import json
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def manifest(seed_warehouse):
    path = seed_warehouse.parent / f".{seed_warehouse.name}.build" / "dbt-target" / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _marts(manifest):
    return {n["name"]: n for n in manifest["nodes"].values()
            if n["resource_type"] == "model" and n["schema"] == "marts" and n["config"]["materialized"] != "ephemeral"}


def test_every_mart_table_and_column_carries_its_description_as_a_comment(seed_con, manifest):
    tables = dict(seed_con.execute(
        "select table_name, comment from duckdb_tables() where schema_name = 'marts'").fetchall())
    columns = {(t, c): comment for t, c, comment in seed_con.execute(
        "select table_name, column_name, comment from duckdb_columns() where schema_name = 'marts'").fetchall()}
    marts = _marts(manifest)
    assert set(tables) == set(marts)
    assert {"dim_fund_source", "dim_indicator_category", "fct_budget_line"} <= set(tables)
    assert [t for t, comment in tables.items() if not (comment or "").strip()] == []
    assert [c for c, comment in columns.items() if not (comment or "").strip()] == []
    # The comment is the YAML description itself (Chinese term and English meaning), quotes included.
    for name, node in marts.items():
        assert tables[name] == node["description"], name
        for column, col in node["columns"].items():
            assert columns[(name, column)] == col["description"], (name, column)
    assert "'; '" in columns[("dim_budget_table_type", "title_words")]
    assert columns[("fct_department_budget_summary", "expenditure_total_wan_yuan")].startswith("支出总计（万元）")


def test_money_columns_of_the_marts_say_their_unit(seed_con):
    columns = seed_con.execute("""
        select table_name, column_name from duckdb_columns()
        where schema_name = 'marts' and table_name = 'fct_department_budget_summary'
            and data_type like 'DECIMAL%'""").fetchall()
    assert sorted(c for _, c in columns) == sorted([
        "income_total_wan_yuan", "expenditure_total_wan_yuan", "basic_expenditure_wan_yuan",
        "project_expenditure_wan_yuan", "three_public_total_wan_yuan", "admin_operating_total_wan_yuan"])
    # 吕梁市财政局 2024: 2023.53 万元 of expenditure, 17.5 万元 of 三公 (its 表1 and 三公 table).
    row = seed_con.execute("""
        select expenditure_total_wan_yuan, three_public_total_wan_yuan from marts.fct_department_budget_summary
        where source_file like '001_%'""").fetchone()
    assert row == (Decimal("2023.53"), Decimal("17.5"))


def test_three_public_parent_rows_are_aggregates_and_their_items_add_up_to_the_total(seed_con):
    rows = seed_con.execute("""
        select table_id, row_label, is_aggregate_row, is_total_row, aggregate_reason, amount_value
        from marts.fct_budget_line
        where table_type = 'three_public' and is_total_column
        order by table_id, row_number""").fetchall()
    parents = [r for r in rows if "公务用车购置及运行" in r[1]]
    children = [r for r in rows if r[1].endswith("公务用车运行维护费")]
    assert len(parents) == 2 and len(children) == 2  # 001 and 003 print the parent and its ② child
    assert all(r[2] and not r[3] and "three_public" in r[4] for r in parents)
    assert not any(r[2] or r[3] for r in children)
    for table_id in {r[0] for r in rows}:
        table = [r for r in rows if r[0] == table_id]
        items = sum(r[5] for r in table if not r[2] and not r[3])
        total = next(r[5] for r in table if r[3])
        naive = sum(r[5] for r in table if not r[3])
        assert items == total and naive > total, table_id
    # 吕梁市财政局: 公务接待费 10 + ②公务用车运行维护费 7.5 = 合计 17.5; the parent 7.5 would make 25.
    assert {r[1]: r[5] for r in rows if r[0].startswith("001_")} == {
        "公务接待费": Decimal("10"), "公务用车购置及运行费": Decimal("7.5"), "②公务用车运行维护费": Decimal("7.5"),
        "合计": Decimal("17.5")}


def test_a_class_is_an_aggregate_of_its_printed_items_and_the_leaves_of_every_table_add_up_to_its_total(seed_con):
    # A 类 whose 款 the table prints is an aggregate; the 项 below them are not.
    levels = dict(seed_con.execute("""
        select classification_level, bool_and(is_aggregate_row) filter (where aggregate_reason = 'code_parent')
        from marts.fct_budget_line
        where table_type = 'expenditure_summary' and source_file like '001_%'
        group by classification_level""").fetchall())
    assert levels[1] is True and levels[3] is None
    never_flagged = seed_con.execute("""
        select count(*) from marts.fct_budget_line
        where table_type = 'expenditure_summary' and classification_level = 3 and is_aggregate_row""").fetchone()
    assert never_flagged == (0,)
    # In every table that prints a total row, the rows that are neither totals nor aggregates add up to it (to the
    # 0.01 万元 the tables round to); adding the aggregates too does not.
    sums = seed_con.execute("""
        select
            table_id, coalesce(side, '') as side, column_index,
            sum(amount_value) filter (where not is_total_row and not is_aggregate_row) as leaves,
            sum(amount_value) filter (where not is_total_row) as naive,
            max(amount_value) filter (where row_role in ('total', 'grand_total')) as printed_total,
            bool_or(is_aggregate_row) as has_aggregates
        from marts.fct_budget_line
        group by all
        having count(*) filter (where row_role in ('total', 'grand_total')) = 1""").fetchall()
    assert len(sums) >= 60
    assert [s for s in sums if abs(s[3] - s[5]) > Decimal("0.02")] == []
    assert all(s[4] > s[5] + Decimal("0.02") for s in sums if s[6] and s[5] > 0)


def test_funding_totals_are_flagged_and_the_sources_add_up_to_them_where_the_table_agrees(seed_con):
    assert seed_con.execute("""
        select count(*) from marts.fct_project_funding where is_total <> (fund_source = 'total')""").fetchone() == (0,)
    sources, totals, periods = seed_con.execute("""
        with agreeing as (
            select project_id, period from marts.fct_project_funding_reconciliation where tier = 'exact'
        )
        select
            sum(f.amount_yuan) filter (where not f.is_total),
            sum(f.amount_yuan) filter (where f.is_total),
            count(distinct (f.project_id, f.period))
        from marts.fct_project_funding as f
        inner join agreeing using (project_id, period)""").fetchone()
    assert periods > 1000 and sources == totals
    # A naive sum of every row counts each agreeing period twice.
    naive = seed_con.execute("""
        select sum(amount_yuan) from marts.fct_project_funding as f
        inner join marts.fct_project_funding_reconciliation as r using (project_id, period)
        where r.tier = 'exact'""").fetchone()[0]
    assert naive == 2 * totals


def test_a_figure_contradicting_its_unit_is_kept_as_printed_but_not_trusted(seed_con):
    conflicts = seed_con.execute("""
        select fund_source, is_total, amount_as_printed, amount_yuan, trusted_amount_yuan
        from marts.fct_project_funding where is_unit_conflict order by fund_source""").fetchall()
    assert conflicts == [("general_public_budget", False, "1950000", Decimal("19500000000.00"), None),
                         ("total", True, "1950000", Decimal("19500000000.00"), None)]
    assert seed_con.execute("""
        select count(*) from marts.fct_project_funding
        where not is_unit_conflict and trusted_amount_yuan is distinct from amount_yuan""").fetchone() == (0,)
    trusted, printed = seed_con.execute("""
        select sum(trusted_amount_yuan), sum(amount_yuan) from marts.fct_project_funding
        where not is_total and fund_source = 'general_public_budget'""").fetchone()
    assert printed - trusted == Decimal("19500000000.00")


def test_every_fund_source_is_a_row_of_dim_fund_source(seed_con, manifest):
    sources = seed_con.execute(
        "select fund_source, label_zh, description_en, is_total from marts.dim_fund_source").fetchall()
    assert len(sources) == 15 and all(label and meaning for _, label, meaning, _ in sources)
    assert [s[0] for s in sources if s[3]] == ["total"]
    assert seed_con.execute("""
        select count(*) from marts.fct_project_funding as f
        anti join marts.dim_fund_source as s using (fund_source)""").fetchone() == (0,)
    related = [t for t in manifest["nodes"].values()
               if t["resource_type"] == "test" and t.get("column_name") == "fund_source"
               and (t.get("attached_node") or "").endswith(".fct_project_funding")
               and t["test_metadata"]["name"] == "relationships"]
    assert len(related) == 1
    assert any(node.endswith(".dim_fund_source") for node in related[0]["depends_on"]["nodes"])


def test_budget_by_function_measures_name_their_table(seed_con):
    measures = seed_con.execute("""
        select measure, list(distinct table_type order by table_type), list(distinct column_label order by column_label)
        from marts.fct_budget_by_function group by measure order by measure""").fetchall()
    assert [m for m, types, _ in measures if len(types) > 1] == []
    by_measure = {m: (types, labels) for m, types, labels in measures}
    assert by_measure["income_total"] == (["income_summary"], ["合计"])
    assert by_measure["expenditure_total"] == (["expenditure_summary"], ["合计"])
    assert set(by_measure) == {"income_total", "income_general_public_budget", "income_government_fund",
                               "income_fiscal_special_account", "expenditure_total", "expenditure_basic",
                               "expenditure_project"}
