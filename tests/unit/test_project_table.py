"""Header fields and funding amounts of project tables, per layout family, on synthetic tables."""

from decimal import Decimal

import pytest

from ingest.forms.project.header import parse_project_category, read_project_header, split_department
from ingest.forms.project.segment import find_project_tables
from tests.forms import T, pdf_report_table, pdftotext_table, tab_table, wan_yuan_application


def _parse(lines):
    lines = tuple(lines)
    (seg,) = find_project_tables(lines)
    return read_project_header(lines, seg), lines


def _amounts(result):
    return {(a.period, a.fund_source): (a.amount_as_printed, a.amount_yuan) for a in result.funding}


def test_tab_form_header_and_full_source_grid():
    lines = tab_table("个体工商户保险项目")
    grid = lines.index(next(x for x in lines if x.startswith("绩效指标")))
    lines[grid:grid] = [
        f"{T}{T}其中;中央财政资金{T}0{T}其中：中央财政资金{T}0{T}{T}",
        f"{T}{T}省级财政资金{T}0{T}省级财政资金{T}0",
        f"{T}{T}市县(区)财政资{T}{T}5,072,219{T}{T}市县(区)财政资{T}{T}5,072,219{T}",
        f"{T}{T}金{T}{T}{T}{T}金{T}{T}{T}",  # the wrapped label's continuation row
        f"{T}{T}单位自筹{T}0{T}单位自筹{T}0{T}{T}",
        f"{T}{T}其他资金{T}{T}其他资金{T}{T}{T}",
        f"项目概况{T}{T}为个体工商户购买保险{T}{T}{T}",
        f"立项依据{T}{T}某政办发〔2024〕1号{T}{T}",
        f"实施期目标{T}{T}{T}{T}年度目标{T}{T}{T}",
        f"总体目标{T}{T}保障个体工商户{T}{T}{T}{T}保障当年个体工商户{T}",
    ]
    result, _ = _parse(lines)
    f = result.fields
    assert (f["department_code"], f["department_name"]) == ("027", "某某市市场监督管理局")
    assert f["implementing_unit"] == "某某市市场监督管理局"
    assert (f["project_attribute"], f["project_period"]) == ("一次性项目（1年结束）", "1年")
    assert f["funds_unit_stated"] == "元"
    assert f["overview"] == "为个体工商户购买保险"
    assert (f["overall_goal_implementation"], f["overall_goal_annual"]) == ("保障个体工商户", "保障当年个体工商户")
    amounts = _amounts(result)
    assert amounts[("implementation", "total")] == ("5,072,219", Decimal("5072219.00"))
    assert amounts[("annual", "local")] == ("5,072,219", Decimal("5072219.00"))
    assert amounts[("implementation", "central")] == ("0", Decimal("0.00"))
    assert amounts[("annual", "other")] == ("", None)  # printed blank: kept as blank, not zero
    assert len(amounts) == 12
    assert result.issues == []
    assert f["filled_date"].isoformat() == "2025-01-03"


def test_label_and_value_in_one_cell_and_shifted_cells():
    lines = tab_table("业务工作经费")
    attr = next(i for i, x in enumerate(lines) if x.startswith("项目属性"))
    lines[attr] = f"项目属性{T}{T}一次性项目（1年结束）{T}{T}项目期{T}{T}{T}"
    lines[attr + 1] = f"项目资金（元）{T}{T}实施期资金总额：1,697,500{T}{T}年度资金总额：1,697,500{T}{T}{T}"
    lines.insert(attr + 1, f"{T}{T}{T}{T}1年{T}{T}{T}")  # the period value on a continuation row
    lines.insert(attr + 3, f"{T}{T}市县（区）财政资金 1,697,500{T}{T}市县（区）财政资金 1,697,500{T}{T}{T}")
    result, _ = _parse(lines)
    assert result.fields["project_period"] == "1年"
    assert _amounts(result) == {
        ("implementation", "total"): ("1,697,500", Decimal("1697500.00")),
        ("annual", "total"): ("1,697,500", Decimal("1697500.00")),
        ("implementation", "local"): ("1,697,500", Decimal("1697500.00")),
        ("annual", "local"): ("1,697,500", Decimal("1697500.00")),
    }


def test_pdftotext_report_with_wrapped_labels_and_blank_lines():
    result, lines = _parse(pdf_report_table())
    f = result.fields
    assert (f["department_code"], f["department_name"]) == ("015", "某某市财政局")
    assert f["implementing_unit"] == "某某市财政局"
    assert (f["project_attribute"], f["project_period"]) == ("经常性项目（长期开展）", "99年")
    assert f["overview"] == "依据省财政厅的实施意见，进一步加强补贴资金管理。"
    assert f["basis"] == "财办〔2020〕37号"
    assert f["necessity"] == "搭建统一发放平台。"
    assert f["measures"] == "全流程有效监督。"
    assert f["plan"] == "按政策要求和服务合同进行"
    assert (f["overall_goal_implementation"], f["overall_goal_annual"]) == ("实现一张清单管制度的目标", "实现清单管理")
    amounts = _amounts(result)
    assert amounts[("implementation", "local")] == ("93,500", Decimal("93500.00"))
    assert amounts[("annual", "local")] == ("93,500", Decimal("93500.00"))
    assert amounts[("annual", "other")] == ("", None)
    impl_local = next(a for a in result.funding if (a.period, a.fund_source) == ("implementation", "local"))
    assert "93,500" in lines[impl_local.source_line - 1]  # lineage: the line the figure is printed on


def test_county_pdftotext_prints_only_nonzero_sources_with_spaced_numbers():
    result, _ = _parse(pdftotext_table("人大会议"))
    amounts = _amounts(result)
    assert amounts == {
        ("implementation", "total"): ("2,131, 157", Decimal("2131157.00")),
        ("annual", "total"): ("2,131, 157", Decimal("2131157.00")),
    }  # no source row printed: none invented
    assert result.fields["project_attribute"] == "一次性项目（ 1年结束）"


def test_county_layout_split_labels_two_paragraph_goals_and_an_unparsable_total():
    lines = pdftotext_table("粮库升级改造")
    at = lines.index("实施期资金总额： 2,131, 157 年度资金总额： 2,131, 157")
    lines[at] = "实施期资金总额： 622, 135 年度资金总额： 1年"
    lines[at + 1: at + 1] = ["", "其中：中央财政资金 0 其中：中央财政资金 622, 135", "",
                             "市县（区）财政资金 622, 135 市县（区）财政资金 0"]
    goal_at = lines.index("绩")
    lines[goal_at:goal_at] = ["立项", "依据", "", "发改委通知", "", "实施期目标 年度目标", "", "总体", "目标", "",
                              "提前谋划，确保", "各项议程完成。", "", "组织代表参加会议，", "取得会议资料。", ""]
    result, _ = _parse(lines)
    amounts = _amounts(result)
    assert amounts[("annual", "total")] == ("1年", None)
    assert amounts[("annual", "central")] == ("622, 135", Decimal("622135.00"))
    assert [(reason, detail) for _, reason, detail in result.issues] == [("unparsable_amount", "年度资金总额： '1年'")]
    assert result.fields["basis"] == "发改委通知"
    assert result.fields["overall_goal_implementation"] == "提前谋划，确保各项议程完成。"
    assert result.fields["overall_goal_annual"] == "组织代表参加会议，取得会议资料。"


def test_wan_yuan_application_form():
    result, _ = _parse(wan_yuan_application(annual="20"))
    f = result.fields
    assert f["funds_unit_stated"] == "万元"
    assert (f["department_code"], f["department_name"], f["department_credit_code"]) == (
        None, "某某经济开发区管理委员会", "12142301MB01836872")
    assert f["project_period"] == "2023. 2-2023. 12"
    assert f["project_attribute"] is None
    assert f["project_category"] == "A,C"
    assert f["project_category_items"] == "我市中心工作和重点项目；市委、市政府各种决定、决议和纪要确定的项目"
    assert f["necessity"] == "促进发展。" and f["measures"] == "专款专用" and f["basis"] is None
    assert f["goal_split"] == "placeholder"
    assert (f["filled_date"].isoformat(), f["filled_date_precision"]) == ("2023-12-01", "month")
    amounts = _amounts(result)
    assert amounts[("implementation", "total")] == ("", None)
    assert amounts[("annual", "total")] == ("20", Decimal("200000.00"))
    assert amounts[("annual", "general_public_budget")] == ("20", Decimal("200000.00"))
    # The truncated annual label `上级转移支付资金` belongs to its row's (中央) source.
    assert ("annual", "transfer_central") in amounts and ("annual", "transfer_unspecified") not in amounts
    assert ("annual", "transfer_city") in amounts
    assert not any(a.unit_conflict for a in result.funding)


def test_a_yuan_figure_under_a_wan_yuan_label_is_kept_and_flagged():
    result, _ = _parse(wan_yuan_application(annual="1950000"))
    total = next(a for a in result.funding if (a.period, a.fund_source) == ("annual", "total"))
    assert (total.amount_as_printed, total.unit, total.unit_conflict) == ("1950000", "万元", True)
    assert total.amount_yuan == Decimal("19500000000.00")  # as stated; the flag says it is doubtful
    assert [reason for _, reason, _ in result.issues] == ["unit_conflict", "unit_conflict"]


def test_footers_never_leak_names_or_phone_numbers():
    result, _ = _parse(wan_yuan_application())
    text = repr(result.fields) + repr(result.funding)
    assert "某甲" not in text and "某乙" not in text and "13500000000" not in text


@pytest.mark.parametrize(
    "value, expected",
    [
        ("027-吕梁市市场监督管理局", ("027", "吕梁市市场监督管理局", None)),
        ("906-科教文化科", ("906", "科教文化科", None)),
        ("孝义经济开发区管理委员会 12142301MB01836872", (None, "孝义经济开发区管理委员会", "12142301MB01836872")),
        ("孝义经济开发区", (None, "孝义经济开发区", None)),
        (None, (None, None, None)),
    ],
)
def test_department_code_and_name(value, expected):
    assert split_department(value) == expected


def test_project_category_reads_only_checked_boxes():
    rows = ['项目分类\tA\t<input type="checkbox"/> 实事 <input checked="" type="checkbox"/> 重点项目',
            '\tB\t<input type="checkbox"/> 法定支出']
    assert parse_project_category(rows) == ("A", "重点项目")
    assert parse_project_category(['项目分类\tA\t<input type="checkbox"/> 实事']) == (None, None)
