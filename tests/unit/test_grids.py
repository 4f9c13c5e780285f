"""Indicator grids, per layout family, on synthetic excerpts written for the tests."""

from ingest.forms.project.indicators import full_names, indicator_records, parse_indicator_grid

T = "\t"
HEADER = f"绩效指标{T}一级指标{T}二级指标{T}三级指标{T}指标值{T}二级指标{T}三级指标{T}指标值"


def _grid(lines):
    lines = tuple(lines)
    return parse_indicator_grid(lines, 0, len(lines) - 1)


def _rows(grid, period):
    return [(r.level1, r.level2, r.name, r.target_text) for r in grid.rows if r.period == period]


def _accounted(grid, lines):
    """Every non-empty grid line is an indicator, a label, a placeholder or a reject."""
    return all(grid.line_status.get(i + 1) for i, line in enumerate(lines) if line.strip())


# --- TAB cells ------------------------------------------------------------------------------------------------

TAB_GRID = [
    HEADER,
    f"{T}产出指标{T}数量指标{T}补助户数{T}≥100户{T}数量指标{T}补助户数{T}≥100户",
    f"{T}{T}{T}培训人次{T}500人次{T}{T}培训人次{T}500人次",  # level 1 and 2 cells left empty
    f"{T}市级平均补助标准{T}{T}≤30元/人{T}市级平均补助标准{T}{T}≤30元/人{T}",  # shifted left, no labels
    f"{T}{T}时效指标{T}资金发放及时率{T}100%{T}时效指标{T}资金发放及{T}100%",  # annual name truncated
    f"{T}效益指标{T}经济效益指标{T}{T}{T}经济效益指标{T}{T}",  # empty category
    f"{T}{T}{T}社会效益指标{T}群众获得感{T}{T}有效提升{T}社会效益指标{T}群众获得感{T}有效提升",  # shifted right
    f"{T}满意度指标{T}服务对象满意度{T}服务对象满意度{T}≥95%{T}服务对象满意度{T}服务对象满意度{T}≥95%",
]


def test_tab_grid_classifies_cells_by_vocabulary_not_position():
    grid = _grid(TAB_GRID)
    expected = [
        ("产出指标", "数量指标", "补助户数", "≥100户"),
        ("产出指标", "数量指标", "培训人次", "500人次"),
        ("产出指标", "数量指标", "市级平均补助标准", "≤30元/人"),
        ("产出指标", "时效指标", "资金发放及时率", "100%"),
        ("效益指标", "社会效益指标", "群众获得感", "有效提升"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%"),  # a name equal to a level-2 word
    ]
    assert _rows(grid, "implementation") == expected
    annual = _rows(grid, "annual")
    assert annual[3] == ("产出指标", "时效指标", "资金发放及", "100%")
    assert len(annual) == len(expected)
    assert grid.rejects == [] and _accounted(grid, TAB_GRID)


def test_truncated_annual_names_get_the_full_name_and_keep_the_printed_one():
    lines = tuple(TAB_GRID)
    records = indicator_records("d:1", "d", "d.txt", parse_indicator_grid(lines, 0, len(lines) - 1))
    row = next(r for r in records if r.period == "annual" and r.indicator_name_as_printed == "资金发放及")
    assert row.indicator_name == "资金发放及时率"
    parsed = (row.comparator, row.target_value, row.target_unit, row.value_kind)
    assert parsed == (None, 100, "%", "percent")


def test_reordered_annual_rows_are_matched_by_name_not_position():
    lines = [
        HEADER,
        f"{T}产出指标{T}数量指标{T}免疫数量{T}≥100万头{T}数量指标{T}监测数量{T}≥500份",
        f"{T}{T}{T}监测数量{T}≥500份{T}{T}免疫数量{T}≥100万头",
    ]
    grid = _grid(lines)
    assert [r[2] for r in _rows(grid, "implementation")] == ["免疫数量", "监测数量"]
    assert [r[2] for r in _rows(grid, "annual")] == ["监测数量", "免疫数量"]
    assert full_names(grid.rows) == {}


def test_one_sided_rows_use_the_heading_columns():
    lines = [HEADER, f"{T}产出指标{T}质量指标{T}合格率{T}100%{T}质量指标{T}合格率{T}100%",
             f"{T}{T}{T}{T}{T}{T}奖励项目资格相符合率{T}100%"]
    grid = _grid(lines)
    assert [r[2] for r in _rows(grid, "annual")] == ["合格率", "奖励项目资格相符合率"]
    assert [r[2] for r in _rows(grid, "implementation")] == ["合格率"]


def test_application_form_placeholders_and_glued_prefixes():
    lines = [
        f"绩效指标{T}中期指标{T}{T}{T}{T}年度指标{T}{T}",
        f"{T}一级指标{T}二级指标{T}三级指标{T}指标值{T}二级指标{T}三级指标{T}指标值",
        f"{T}产出{T}数量指标{T}指标1{T}{T}数量指标{T}指标1:引进补贴人数{T}6",
        f"{T}{T}{T}指标 2:{T}{T}{T}指标 2:{T}",
        f".....{T}{T}{T}{T}{T}{T}",
        f"--{T}--{T}-------{T}--{T}--{T}-------{T}--{T}--",
        f"{T}满意度 指标{T}服务对象满意度指标{T}指标 1:{T}{T}服务对象满意度指标{T}指标 1:{T}满意",
    ]
    grid = _grid(lines)
    real = [(r.period, r.name, r.target_text) for r in grid.rows if not r.is_placeholder]
    assert real == [("annual", "引进补贴人数", "6")]
    placeholders = [(r.period, r.name, r.target_text) for r in grid.rows if r.is_placeholder]
    assert ("annual", "指标 1:", "满意") in placeholders  # a placeholder carrying a value is kept visible
    assert len(placeholders) == 5
    assert _accounted(grid, lines)


def test_a_split_level2_label_in_a_tab_grid_is_a_label():
    lines = ["时效", "指标", "", f"监测及时率{T}≥95%{T}时效 指标{T}监测及时率{T}≥95%"]
    grid = _grid(lines)
    assert _rows(grid, "implementation") == [("产出指标", "时效指标", "监测及时率", "≥95%")]
    assert _rows(grid, "annual") == [("产出指标", "时效指标", "监测及时率", "≥95%")]
    assert grid.line_status == {1: "label", 2: "label", 4: "indicator"}


# --- pdftotext lines ------------------------------------------------------------------------------------------

TEXT_GRID = [
    "绩", "", "效", "", "指", "", "标",
    "一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值",
    "产出", "指标", "",
    "数量指标 参会代表人数 ≥193 人 数量指标 参会代表人数 ≥193 人", "",
    "部门（单位）指标体系", "建立数量", "", "162个", "部门（单位）指标体系", "", "建立数量", "162个",
    "时效指标", "", "评价报告整改时间", "专家评审结束", "", "7 日内", "时效指标", "", "评价报告整改时间",
    "专家评审结束", "", "7 日内",
    "成本指标 预算成本 ≤8450000 元 成本指标 预算成本 ≤8600000 元",
    "效益", "指标", "",
    "经济效益指标 经济效益指标", "",
    "社会效益指标 会议知晓度 100% 社会效益指标 会议知晓度 100%",
    "满意度", "指标", "", "服务对象", "满意度指标", "",
    "县委办工作人员满意度 ≥99% 服务对象", "满意度指标", "", "县委办工作人员满意度 ≥99%",
    "- 11 -",
]


def test_text_grid_labels_split_over_lines_and_equal_halves():
    grid = _grid(TEXT_GRID)
    impl = _rows(grid, "implementation")
    assert impl == [
        ("产出指标", "数量指标", "参会代表人数", "≥193 人"),
        ("产出指标", "数量指标", "部门（单位）指标体系建立数量", "162个"),
        ("产出指标", "时效指标", "评价报告整改时间", "专家评审结束7 日内"),
        ("产出指标", "成本指标", "预算成本", "≤8450000 元"),
        ("效益指标", "社会效益指标", "会议知晓度", "100%"),
        ("满意度指标", "服务对象满意度指标", "县委办工作人员满意度", "≥99%"),
    ]
    annual = _rows(grid, "annual")
    assert [r[2] for r in annual] == [r[2] for r in impl]
    assert annual[3][3] == "≤8600000 元"  # the periods really differ here
    assert _accounted(grid, TEXT_GRID)
    assert grid.rejects == []


def test_text_grid_truncated_annual_names_glued_to_values():
    lines = [
        "产出指标", "数量指标", "服务部门数量（个） ≥12个", "数量指标", "服务用户数 ≥164户",
        "服务用户数 ≥164户 服务部门数量（个≥12个",
        "质量指标", "服务验收合格率（%） 100%", "质量指标", "服务验收合格率（100%",
        "效益指标", "社会效益指标", "提高工作人员工作效率 有效改善", "社会效益指标", "提高工作人员工作有效改善",
    ]
    grid = _grid(lines)
    impl = {r[2]: r[3] for r in _rows(grid, "implementation")}
    annual = {r[2]: r[3] for r in _rows(grid, "annual")}
    assert impl == {"服务部门数量（个）": "≥12个", "服务用户数": "≥164户", "服务验收合格率（%）": "100%",
                    "提高工作人员工作效率": "有效改善"}
    assert annual == {"服务部门数量（个": "≥12个", "服务用户数": "≥164户", "服务验收合格率（": "100%",
                      "提高工作人员工作": "有效改善"}


def test_text_grid_rewrapped_annual_half_still_pairs():
    lines = ["产出", "指标", "数量指标", "综合服务办公楼、东（西）告", "别厅等设备数量", "≤30 台",
             "数量指标", "综合服务办公楼、东（西）告别", "厅等设备数量", "≤30 台"]
    grid = _grid(lines)
    full_name = "综合服务办公楼、东（西）告别厅等设备数量"
    assert _rows(grid, "implementation") == [("产出指标", "数量指标", full_name, "≤30 台")]
    assert _rows(grid, "annual") == _rows(grid, "implementation")


def test_tab_rows_printed_once_in_the_annual_columns():
    lines = [
        HEADER,
        f"满意度指标{T}受支持人才的满意度{T}≥95%{T}{T}服务对象满意度指标{T}受支持人才的满意度{T}≥95%{T}{T}",
        f"{T}服务对象满意度{T}{T}{T}{T}接待对象满意度{T}≥95%{T}{T}{T}",  # label left, row in the annual columns
        f"{T}{T}{T}{T}服务对象满意度{T}{T}≥95%{T}{T}{T}",  # a level-2 word as the name, annual columns
    ]
    grid = _grid(lines)
    assert [r[2:] for r in _rows(grid, "implementation")] == [("受支持人才的满意度", "≥95%")]
    assert [r[2:] for r in _rows(grid, "annual")] == [
        ("受支持人才的满意度", "≥95%"), ("接待对象满意度", "≥95%"), ("服务对象满意度", "≥95%")]


def test_text_grid_halves_that_wrap_alike_but_differ_in_a_word():
    lines = ["产出指标", "数量指标 参保人数 100人 数量指标 参保人数 100人",
             "医疗救助对象人次规模", "符合救助条件", "纳入救助范",
             "医疗救助对象人次规模", "符合救助条件", "纳入救助范围"]
    grid = _grid(lines)
    assert [r[2:] for r in _rows(grid, "implementation")][1] == ("医疗救助对象人次规模", "符合救助条件纳入救助范")
    assert [r[2:] for r in _rows(grid, "annual")][1] == ("医疗救助对象人次规模", "符合救助条件纳入救助范围")


def test_text_grid_cell_boundaries_inside_wrapped_halves():
    lines = ["效益指标", "经济效益指标", "自收自支事业人员服务水平", "提升 明显",
             "经济效益指标", "自收自支事业人员服务水平", "提升 明显",
             "时效指标 项目建设期限", "2023年 12月", "20 日前完成 时效指标 项目建设期限", "2023年 12月", "20 日前完成"]
    grid = _grid(lines)
    impl = [r[2:] for r in _rows(grid, "implementation")]
    assert impl == [("自收自支事业人员服务水平提升", "明显"), ("项目建设期限", "2023年 12月20 日前完成")]
    assert [r[2:] for r in _rows(grid, "annual")] == impl
