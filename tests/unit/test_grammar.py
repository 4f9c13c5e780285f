import pytest

from ingest import grammar
from ingest.grammar import header
from ingest.grammar.indicators import column_role, promotes_to_level1


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


@pytest.mark.parametrize(
    "line, year",
    [
        ("财政项目支出绩效目标填报表\t\t\t\t\t\t\t", None),  # the first row of a PDF grid
        ("财政项目支出绩效目标申报表", None),
        ("上海市普陀区财政项目支出绩效目标填报表（2023年度）", 2023),
        ("某某部项目绩效目标表", None),
        ("项目支出绩效目标表", None),
        ("某某区项目绩效目标填报表 (2024 年度)", 2024),
    ],
)
def test_other_governments_project_table_titles(line, year):
    assert grammar.is_project_table_title(line)
    m = grammar.PROJECT_TABLE_TITLE.match(grammar.squeeze(line))
    assert (int(m.group("year")) if m.group("year") else None) == year


@pytest.mark.parametrize(
    "line",
    [
        "详见单位的项目绩效目标表",  # a sentence naming the table (Shanghai 情况说明)
        "项目绩效目标\t项目总目标\t\t\t\t年度总体目标\t\t",  # the goal row of the 填报表
        "七、绩效目标",
        "见附件项目支出绩效目标表",
    ],
)
def test_sentences_and_goal_rows_naming_the_table_are_not_titles(line):
    assert not grammar.is_project_table_title(line)


@pytest.mark.parametrize(
    "heading, role",
    [
        ("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"),
        ("年度(/项目)指标值", "value:annual"), ("指标值", "value:annual"), ("年度指标值", "value:annual"),
        ("实施期指标值", "value:implementation"), ("中期指标值", "value:implementation"),
        ("指标性质", "nature"), ("度量单位", "unit"), ("计量单位", "unit"),
        ("分值", "weight"), ("权重", "weight"), ("权重（分）", "weight"), ("权重(分)", "weight"),
        ("执行率分值", "weight"),
        ("绩效指标", None), ("备注", None), ("指标方向", None),
    ],
)
def test_grid_column_headings(heading, role):
    assert column_role(heading) == role


@pytest.mark.parametrize(
    "cell, next_cell, promoted",
    [
        ("成本指标", "经济成本指标", True),  # 2021 framework: a level 1 with its level 2
        ("成本指标", "生态环境成本指标", True),
        ("成本指标", "人均成本", False),  # older framework: a level 2 followed by an indicator name
        ("成本指标", "数量指标", False),
        ("产出指标", "数量指标", False),  # only a label that is printed at both levels is promoted
    ],
)
def test_cost_is_a_level_1_only_before_one_of_its_level_2s(cell, next_cell, promoted):
    assert promotes_to_level1(cell, next_cell) is promoted


@pytest.mark.parametrize(
    "cell, source",
    [
        ("其中：财政资金", "fiscal_funds"),
        ("其中：当年财政拨款", "fiscal_grant"),
        ("财政拨款", "fiscal_grant"),
        ("上年结转资金", "carryover"),
        ("其他资金", "other"),
        ("其中：中央财政资金", "central"),  # not 财政资金: the label starts a cell
    ],
)
def test_fill_in_form_fund_source_labels(cell, source):
    assert [key for key, pattern in header.FUND_SOURCE_LABELS if pattern.match(f"{cell}\t\t1.00")] == [source]


@pytest.mark.parametrize("prose", ["财政资金到位后，严格按照财务制度执行", "上年结转收入0万元"])
def test_fund_source_words_starting_a_sentence_are_not_labels(prose):
    assert not any(pattern.match(prose) for _, pattern in header.FUND_SOURCE_LABELS)


@pytest.mark.parametrize(
    "label, period",
    [("项目资金总额", "implementation"), ("实施期资金总额：", "implementation"), ("中期资金总额：", "implementation"),
     ("年度资金申请总额", "annual"), ("年度资金总额：", "annual")],
)
def test_total_labels_and_their_period(label, period):
    assert [p for p, pattern in header.TOTAL_LABELS.items() if pattern.match(label)] == [period]
