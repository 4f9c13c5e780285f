"""Other governments' project tables through the whole pipeline: the Shanghai 填报表 (the sample PDF and excerpts
written by hand), the central form's score column, and both indicator frameworks counted at the right level by the
coverage, the summary and the indicator rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHIPPED_RAW, build_into_temp, read_only
from tests.project_templates import GRID_2021, GRID_LEGACY, central_grid, fill_in_form

WANLI = "shanghai-putuo-wanli_2023_department-budget.pdf"
NO_SATISFACTION = [row for row in GRID_2021 if "满意度" not in row]
COST_WITHOUT_MONEY = [row.replace("≤300.00(元)", "≤300.00(人)") for row in GRID_2021]
COST_ABOVE_FUNDING = [row.replace("≤300.00(元)", "≤2000000.00(元)") for row in GRID_2021]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    raw = tmp_path_factory.mktemp("templates_raw")
    documents = {
        "fill_2021.txt": fill_in_form("职业技能培训补贴", grid=GRID_2021),
        "fill_legacy.txt": fill_in_form("职业技能培训补贴", grid=GRID_LEGACY),
        "fill_2021_no_satisfaction.txt": fill_in_form("创业培训补贴", grid=NO_SATISFACTION),
        "fill_2021_cost_unit.txt": fill_in_form("技能竞赛经费", grid=COST_WITHOUT_MONEY),
        "fill_2021_cost_above.txt": fill_in_form("技能鉴定经费", grid=COST_ABOVE_FUNDING),
        "central.txt": fill_in_form("部门培训项目", title="某某部项目支出绩效目标表", grid=central_grid()),
    }
    for name, lines in documents.items():
        (raw / name).write_text("\n".join(lines), encoding="utf-8")
    (raw / WANLI).symlink_to(SHIPPED_RAW / WANLI)
    db = build_into_temp(tmp_path_factory, Path(raw), "templates")
    with read_only(db) as connection:
        yield connection


def _findings(con, source_file: str) -> set[str]:
    return {r[0] for r in con.execute("select rule_id from marts.fct_dq_finding where source_file = ?",
                                      [source_file]).fetchall()}


def test_each_table_follows_the_framework_its_grid_prints(con):
    rows = dict(con.execute("select source_file, indicator_framework from marts.dim_project "
                            "where source_file like '%.txt'").fetchall())
    assert rows == {"fill_2021.txt": "2021", "fill_legacy.txt": "legacy", "fill_2021_no_satisfaction.txt": "2021",
                    "fill_2021_cost_unit.txt": "2021", "fill_2021_cost_above.txt": "2021", "central.txt": "2021"}


def test_coverage_counts_each_table_against_its_own_framework(con):
    def coverage(source_file):
        return dict(((l1, l2), n) for l1, l2, n in con.execute("""
            select c.level1, c.level2, c.indicators from marts.fct_indicator_coverage c
            join marts.dim_project p using (project_id) where p.source_file = ? and c.period = 'annual'""",
                                                                    [source_file]).fetchall())
    new, old = coverage("fill_2021.txt"), coverage("fill_legacy.txt")
    assert new[("成本指标", "经济成本指标")] == 1 and new[("成本指标", "社会成本指标")] == 1
    assert new[("成本指标", "生态环境成本指标")] == 0  # a category the table leaves empty is a row with zero
    assert ("产出指标", "成本指标") not in new and len(new) == 11
    assert old[("产出指标", "成本指标")] == 1 and len(old) == 9
    assert not any(l1 == "成本指标" for l1, _ in old)


def test_a_2021_table_misses_nothing_because_its_cost_group_is_a_level_1(con):
    rows = con.execute("""
        select p.source_file, s.output_indicators, s.benefit_indicators, s.satisfaction_indicators, s.cost_indicators,
               s.is_missing_output, s.is_missing_benefit, s.is_missing_satisfaction
        from marts.fct_project_indicator_summary s join marts.dim_project p using (project_id)
        where s.period = 'annual' and p.source_file in ('fill_2021.txt', 'fill_legacy.txt')
        order by 1""").fetchall()
    assert rows == [("fill_2021.txt", 2, 1, 1, 2, False, False, False),
                    ("fill_legacy.txt", 2, 1, 1, 1, False, False, False)]
    for source_file in ("fill_2021.txt", "fill_legacy.txt", "central.txt"):
        assert not _findings(con, source_file) & {"I01", "I02", "I03", "I09"}, source_file


def test_the_missing_indicator_rules_still_fire_in_the_2021_framework(con):
    assert "I03" in _findings(con, "fill_2021_no_satisfaction.txt")
    assert "I08" in _findings(con, "fill_2021_cost_unit.txt")  # 经济成本指标 with a target in 人, not money
    assert "I08" not in _findings(con, "fill_2021.txt")


def test_a_2021_cost_above_the_funding_is_a_finding(con):
    # 经济成本指标 人均培训成本 ≤2000000.00(元) against 1,200,000.00 of funding (A06)
    assert "A06" in _findings(con, "fill_2021_cost_above.txt")
    assert "A06" not in _findings(con, "fill_2021.txt")


def test_the_score_column_is_the_indicator_weight(con):
    rows = con.execute("""select i.indicator_name, i.target_text, i.comparator, i.weight from marts.fct_indicator i
        join marts.dim_project p using (project_id) where p.source_file = 'central.txt'
        order by i.position""").fetchall()
    assert [(name, weight) for name, _, _, weight in rows] == [
        ("培训人次", 20), ("培训合格率", 20), ("资金拨付及时性", 10), ("人均培训成本", 20), ("就业率", 15.5),
        ("学员满意度", 15)]
    assert rows[0][1:3] == ("≥500人次", ">=")
    assert con.execute("select count(weight) from marts.fct_indicator where source_file <> 'central.txt'"
                       ).fetchone() == (0,)


def test_the_shanghai_sample_loads_its_five_projects(con):
    rows = con.execute("""select source_page, project_name, project_attribute, project_class, planned_end_date,
        implementation_total_yuan, annual_total_yuan from marts.dim_project where source_file = ?
        order by source_page""", [WANLI]).fetchall()
    assert [(page, name, cls) for page, name, _, cls, *_ in rows] == [
        (31, "新建万里街道社区公共服务中心", "特定目标类"), (32, "就业援助基地补贴", "特定目标类"),
        (33, "社区环境整治和建设经费", "特定目标类"), (34, "各类工作经费", "特定目标类"),
        (35, "公共服务设施运行经费", "其他运转类")]
    funding = con.execute("""select fund_source, period, count(*) from marts.fct_project_funding where source_file = ?
        group by all order by all""", [WANLI]).fetchall()
    assert funding == [("carryover", "annual", 5), ("fiscal_funds", "implementation", 5),
                       ("fiscal_grant", "annual", 5), ("other", "annual", 5), ("other", "implementation", 5),
                       ("total", "annual", 5), ("total", "implementation", 5)]
    assert con.execute("select count(*) from marts.fct_indicator where source_file = ?", [WANLI]).fetchone() == (65,)


def test_the_page_35_sources_above_their_total_are_a_finding(con):
    rows = con.execute("""select source_page, source_line, expected, actual from marts.fct_dq_finding
        where source_file = ? and rule_id = 'A04'""", [WANLI]).fetchall()
    assert rows == [(35, 6, "10903043.00", "11419043.00")]
