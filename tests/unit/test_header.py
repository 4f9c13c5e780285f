import pytest

from ingest.forms.project.header import parse_project_name


@pytest.mark.parametrize(
    "line, name",
    [
        ("项目名称\t\t2025年度个体工商户保险项目\t\t\t\t", "2025年度个体工商户保险项目"),
        ("项目名称\t\t\t公交运营补贴\t\t\t\t", "公交运营补贴"),
        ('项目名称 "一卡通"平台信息服务费', '"一卡通"平台信息服务费'),
        ("项目名称 晋财社〔2023〕274 号-提前下达 2024年补助", "晋财社〔2023〕274 号-提前下达 2024年补助"),
        ("项目名称：\t高质量发展奖励金发放", "高质量发展奖励金发放"),
        ("项目名称\t<p>智能化管控平台</p>\t", "智能化管控平台"),
    ],
)
def test_project_name_is_the_value_after_the_label(line, name):
    assert parse_project_name(line) == name


def test_an_empty_name_cell_gives_none():
    assert parse_project_name("项目名称\t\t\t") is None
