"""Department budget tables of the three budget disclosures, reconciled, from the built warehouse."""

from decimal import Decimal


def _by_prefix(rows):
    return {row[0][:3]: row[1:] for row in rows}


def test_thirteen_tables_per_disclosure_with_the_declared_empty_ones(seed_con):
    rows = _by_prefix(seed_con.execute("""
        select source_file, count(*), count(*) filter (where is_declared_empty)
        from marts.dim_budget_table where table_type <> 'overall_expenditure_targets'
        group by source_file order by source_file""").fetchall())
    assert rows == {"001": (13, 4), "002": (13, 5), "003": (13, 4)}


def test_summary_income_equals_expenditure_and_total_equals_basic_plus_project(seed_con):
    summary = _by_prefix(seed_con.execute("""
        select source_file, expected, actual from marts.fct_budget_reconciliation
        where table_type = 'income_expenditure_summary' and identity = 'summary_income_equals_expenditure'
        order by source_file""").fetchall())
    assert set(summary) == {"001", "002", "003"}
    assert all(expected == actual for expected, actual in summary.values())
    split = _by_prefix(seed_con.execute("""
        select source_file, expected, actual from marts.fct_budget_reconciliation
        where table_type = 'expenditure_summary' and identity = 'row_total_equals_parts' and row_label = '合计'
        order by source_file""").fetchall())
    assert set(split) == {"001", "002", "003"}
    assert all(abs(expected - actual) <= Decimal("0.02") for expected, actual in split.values())


def test_survey_rounding_failures_appear_with_their_differences(seed_con):
    found = set(seed_con.execute("""
        select substr(source_file, 1, 3), source_line, difference from marts.fct_budget_reconciliation
        where tier = 'rounding'""").fetchall())
    for expected in [("001", 341, Decimal("-0.01")), ("001", 364, Decimal("-0.01")), ("001", 600, Decimal("-0.01")),
                     ("002", 145, Decimal("-0.01")), ("002", 216, Decimal("-0.01")), ("002", 249, Decimal("-0.01")),
                     ("002", 338, Decimal("0.01")), ("003", 134, Decimal("0.01")), ("003", 275, Decimal("-0.01")),
                     ("003", 276, Decimal("-0.02")), ("003", 319, Decimal("0.01"))]:
        assert expected in found, expected
    assert ("002", 1456, Decimal("-0.01")) in found  # 整体支出 form: 12140.24 vs 1138.44 + 11001.81
    assert ("002", 483, Decimal("0.01")) in found  # narrative: 3 运转类 19.03 + 59 特定目标 10,982.77
    errors = seed_con.execute("""
        select substr(source_file, 1, 3), identity, expected, actual from marts.fct_budget_reconciliation
        where tier = 'error' order by identity""").fetchall()
    assert errors == [("002", "fund_income_vs_expenditure", Decimal("275.58"), Decimal("0.00")),
                      ("002", "narrative_project_count", Decimal("62.00"), Decimal("18.00"))]


def test_narrative_figures_agree_with_the_tables_where_the_documents_agree(seed_con):
    rows = seed_con.execute("""
        select substr(source_file, 1, 3), identity, tier from marts.fct_budget_reconciliation
        where identity in ('narrative_income_total', 'narrative_basic_expenditure', 'narrative_project_expenditure',
                           'narrative_three_public_budget', 'narrative_project_count')""").fetchall()
    assert len(rows) == 15  # five totals in each of the three department budgets (001-003)
    assert {(f, i) for f, i, tier in rows if tier != "exact"} == {("002", "narrative_project_count")}


def test_project_tables_reconcile_with_the_project_budget(seed_con):
    rows = _by_prefix(seed_con.execute("""
        select source_file, count(*), count(budget_line_id), count(*) filter (where is_within_50_yuan)
        from marts.fct_project_budget_reconciliation group by source_file order by source_file""").fetchall())
    assert rows["001"] == (28, 28, 28)
    assert rows["003"] == (48, 44, 44)  # 4 transfer payments are not in the department budget
    unmatched_003 = seed_con.execute("""
        select source_line from marts.fct_project_budget_reconciliation
        where source_file like '003%' and budget_line_id is null order by 1""").fetchall()
    assert [r[0] for r in unmatched_003] == [532, 638, 672, 704]
    differences = dict(seed_con.execute("""
        select source_line, difference_yuan from marts.fct_project_budget_reconciliation
        where source_file like '002%' and not is_within_50_yuan""").fetchall())
    assert differences[491] == 50_000 and differences[611] == 200_000 and differences[551] == 1_600_000
    assert differences[673] == 5_964_800
    assert differences[708] > 10**9  # 1950000 printed under （万元）


def test_bold_doubling_is_undone_only_in_the_budget_tables(seed_con):
    undone = dict(seed_con.execute("""
        select substr(source_file, 1, 3), count(*) from marts.fct_budget_line
        where is_undoubled group by 1""").fetchall())
    assert set(undone) == {"001"} and undone["001"] >= 31
    assert seed_con.execute(
        "select count(*) > 0 from marts.fct_indicator where target_text = '便捷便捷'").fetchone() == (True,)


def test_project_funding_sources_that_do_not_add_up(seed_con):
    rows = seed_con.execute("""
        select source_line, period, difference_yuan from marts.fct_project_funding_reconciliation
        where tier = 'error' order by source_line, period""").fetchall()
    assert rows == [(11852, "implementation", 763200), (20576, "annual", 699500), (20576, "implementation", 699500)]
