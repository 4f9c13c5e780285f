import pytest

from ingest import grammar


@pytest.mark.parametrize(
    "line",
    [
        "吕梁市市级预算部门（单位）项目支出绩效目标表",
        " 襄垣县部门（单位）项目支出绩效目标表",
        "某市市级预算部门（单位）项目支出绩效目标表\t\t\t\t\t\t\t",
        "吕梁市市级预算部门(单位)项目支出绩效目标申报表",
        "孝义市预算部门（单位）项目绩效目标申报表 (2024 年度)",
        "山西省省级预算部门（单位）项目支出绩效目标申报表",
        "孝义市县(区)级预算部门(单位)项目支出绩效目标表",
    ],
)
def test_project_table_titles_are_recognised(line):
    assert grammar.is_project_table_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "（项目绩效目标表公开情况见附件）",
        "孝义市预算部门（单位）整体支出绩效目标申报表",
        "十、绩效管理情况：本部门按要求编制项目支出绩效目标表，共计48个。",
        "三、项目支出绩效目标表.....\t25",
        "某某市预算部门（单位）项目绩效目标申报表\t12",
    ],
)
def test_mentions_toc_entries_and_other_tables_are_not_titles(line):
    assert not grammar.is_project_table_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t20250103161515",
        "\t负责人:\t\t经办人:\t\t联系电话:\t\t填报日期:\t20250103161515",
        "项目负责人：张三 填表人：李四 联系电话：13500000000 填报日期：2024.1.4",
        "负责人： 经办人： 联系电话： 填报日期： 20231222153002",
    ],
)
def test_footers_are_recognised(line):
    assert grammar.is_footer(line)


@pytest.mark.parametrize("line", ["实行项目负责人制度，明确责任。", "负责人要对项目全过程负责"])
def test_prose_about_responsible_persons_is_not_a_footer(line):
    assert not grammar.is_footer(line)


@pytest.mark.parametrize(
    "line, expected",
    [
        (" 十一、国有资产占有使用情况十一、国有资产占有使用情况", True),
        ("第四部分 名词解释", True),
        ("孝义市预算部门（单位）整体支出绩效目标申报表", True),
        ("一、强化组织领导 。结合本地实际，认真编制项目实施方案", False),
        ("二、完善更新现有成果", False),
    ],
)
def test_section_headings_close_the_project_section_but_numbered_prose_does_not(line, expected):
    assert grammar.is_section_end(line) is expected


@pytest.mark.parametrize(
    "title, region, level",
    [
        ("吕梁市市级预算部门（单位）项目支出绩效目标表", "吕梁市", "city"),
        ("孝义市县(区)级预算部门(单位)项目支出绩效目标表", "孝义市", "county"),
        ("襄垣县部门（单位）项目支出绩效目标表", "襄垣县", None),
        ("山西省省级预算部门（单位）项目支出绩效目标申报表", "山西省", "province"),
    ],
)
def test_region_and_level_come_from_the_title(title, region, level):
    assert grammar.region_and_level(title) == (region, level)


def test_clean_text_strips_known_html_residue_only():
    assert grammar.clean_text("<p>总体目标</p>") == "总体目标"
    assert grammar.clean_text('<input checked="" type="checkbox"/> 实事') == "实事"
    assert grammar.clean_text("晋财资<2023>5号") == "晋财资<2023>5号"


def test_split_cells_drops_merged_empty_cells_and_wide_spaces():
    assert grammar.split_cells("项目名称\t\t\u3000测试\u3000\t\t") == ["项目名称", "测试"]
