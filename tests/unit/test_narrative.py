from decimal import Decimal

from ingest.forms.narrative import narrative_figures

LINES = (
    "第三部分 2024年度部门预算情况说明\t5",  # a table-of-contents entry, not the section
    "第一部分 概况",
    "收入总计 99.00万元（概况里的数字不算）",
    "第三部分 2024年度部门预算情况说明",
    "三、支出预算情况说明",
    "2024年度支出预算100.00万元，其中：基本支出40.00万元，占40.00%；项目支出60.00万元，占60.00%。",
    "十、绩效管理情况",
    "实行绩效目标管理的项目3个。",
    "某市预算部门（单位）项目绩效目标申报表",
    "项目名称\t会议费 5.00万元",
)


def test_narrative_figures_with_their_labels_shares_and_lines():
    figures = narrative_figures(LINES, "d", "d.txt")
    got = [(f.source_line, f.label, f.refers_to_label, f.topic, f.value, f.unit) for f in figures]
    assert got == [
        (6, "年度支出预算", None, "expenditure", Decimal("100.00"), "万元"),
        (6, "基本支出", None, "basic_expenditure", Decimal("40.00"), "万元"),
        (6, "占", "基本支出", "basic_expenditure", Decimal("40.00"), "%"),
        (6, "项目支出", None, "project_expenditure", Decimal("60.00"), "万元"),
        (6, "占", "项目支出", "project_expenditure", Decimal("60.00"), "%"),
        (8, "实行绩效目标管理的项目", None, "performance", Decimal("3"), "个"),
    ]


def test_documents_without_a_narrative_give_nothing():
    assert narrative_figures(("项目名称 X", "收入 5.00万元"), "d", "d.txt") == []
