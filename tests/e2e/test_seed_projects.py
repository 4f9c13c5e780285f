"""Project header fields and funding of the seed corpus, checked against what the documents themselves say."""

import re

from tests.conftest import SEED_RAW


def _by_file(con, sql):
    return {row[0][:3]: row[1:] for row in con.execute(sql).fetchall()}


def test_lueliang_finance_bureau_project_tables_add_up_to_its_project_expenditure(seed_con):
    # 001 states 项目支出 1100.65 万元; its 28 tables' annual totals add up to 11,006,460 元.
    (count, total) = seed_con.execute(
        "select count(*), sum(annual_total_yuan) from marts.dim_project where source_file like '001%'").fetchone()
    assert count == 28
    assert total == 11_006_460


def test_complete_documents_have_totals_and_department_on_every_project(seed_con):
    rows = _by_file(seed_con, """
        select source_file, count(*), count(annual_total_yuan), count(implementation_total_yuan),
               count(department_name)
        from marts.dim_project group by source_file order by source_file""")
    for prefix in ("000", "001", "003"):
        n, annual, impl, dept = rows[prefix]
        assert n == annual == impl == dept, prefix
    # 004 prints `1年` as one annual total: unparsable, left null and rejected with its line.
    assert rows["004"][1] == rows["004"][0] - 1
    reject = seed_con.execute(
        "select source_line, reason from marts.fct_parse_reject "
        "where source_file like '004%' and stage = 'project_table'").fetchall()
    assert reject == [(31363, "unparsable_amount")]


def test_hr_bureau_has_48_distinct_projects_as_its_narrative_says(seed_con):
    distinct, copies = seed_con.execute("""
        select count(*) filter (where not is_duplicate_copy), count(*) filter (where is_duplicate_copy)
        from marts.dim_project where source_file like '003%'""").fetchone()
    assert (distinct, copies) == (48, 14)
    # Every copy points at an earlier table with the same department and annual total.
    bad = seed_con.execute("""
        select c.project_id
        from marts.dim_project c join marts.dim_project o on c.duplicate_of_project_id = o.project_id
        where c.is_duplicate_copy and (o.source_line >= c.source_line or o.department_code <> c.department_code
              or o.annual_total_yuan <> c.annual_total_yuan or o.is_duplicate_copy)""").fetchall()
    assert bad == []


def test_same_name_projects_are_copies_only_when_their_content_matches(seed_con):
    flagged = seed_con.execute("""
        select project_name, count(*) filter (where is_duplicate_copy)
        from marts.dim_project where source_file like '004%' group by project_name
        having count(*) > 1 order by project_name""").fetchall()
    flagged = dict(flagged)
    assert flagged["襄垣经济技术开发区党群活动服务中心差额人员工资经费"] == 1  # reprinted, rows swapped
    assert flagged["经开区运转经费"] == 0  # same name and amount, revised targets: two projects
    assert flagged["城乡义务教育生均公用经费（中央）"] == 0  # 13 schools
    assert sum(flagged.values()) == 1


def test_a_yuan_figure_under_a_wan_yuan_label_is_flagged_at_its_line(seed_con):
    rows = seed_con.execute("""
        select f.source_line, f.amount_as_printed, f.amount_unit
        from marts.fct_project_funding f where f.is_unit_conflict order by f.source_line""").fetchall()
    assert rows == [(714, "1950000", "万元"), (715, "1950000", "万元")]
    raw = (SEED_RAW / "002_b74160a094e36784.txt").read_text(encoding="utf-8").split("\n")
    assert "（万元）" in raw[713] and "1950000" in raw[713]


def test_funding_amounts_point_at_lines_that_print_them(seed_con):
    rows = seed_con.execute("""
        select source_file, source_line, amount_as_printed from marts.fct_project_funding
        where amount_as_printed <> ''""").fetchall()
    files = {}
    for source_file, line, printed in rows:
        text = files.setdefault(source_file, (SEED_RAW / source_file).read_text(encoding="utf-8").split("\n"))
        assert printed in text[line - 1], (source_file, line, printed)


def test_blank_zero_and_omitted_sources_are_kept_apart(seed_con):
    counts = _by_file(seed_con, """
        select source_file, count(*) filter (where is_blank), count(*) filter (where amount_yuan = 0),
               count(*) filter (where fund_source <> 'total')
        from marts.fct_project_funding group by source_file order by source_file""")
    assert counts["000"][0] == 36  # 其他资金 printed blank on both sides of 18 tables
    assert counts["004"][0] == 0 and counts["004"][1] < counts["004"][2]  # 004 omits zero rows, prints few zeros


def test_footer_names_and_phone_numbers_stay_out_of_the_marts(seed_con):
    phones = set()
    for path in SEED_RAW.iterdir():
        for line in path.read_text(encoding="utf-8").split("\n"):
            if "联系电话" in line:
                phones |= {p for p in re.findall(r"\d{7,12}", line.split("填报日期")[0])}
    assert len(phones) > 5
    for table in ("dim_project", "fct_project_funding", "dim_document"):
        columns = [r[0] for r in seed_con.execute(
            "select column_name from information_schema.columns where table_schema = 'marts' "
            f"and table_name = '{table}' and data_type = 'VARCHAR'").fetchall()]
        text = " ".join(str(v) for row in seed_con.execute(
            f"select {', '.join(columns)} from marts.{table}").fetchall() for v in row)
        assert not [p for p in phones if p in text], table
