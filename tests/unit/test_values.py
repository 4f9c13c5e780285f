"""The target-value grammar: examples from the forms, and properties that must hold for any number."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.grammar.values import comparator_of, joined_target, parse_target, peel_value


@pytest.mark.parametrize(
    "text, comparator, value, unit, kind, yuan",
    [
        ("≥95%", ">=", "95", "%", "percent", None),
        ("≤5072219元", "<=", "5072219", "元", "numeric", "5072219"),
        ("≤500万元/家", "<=", "500", "万元/家", "numeric", "5000000"),
        ("1821万公里", None, "1821", "万公里", "numeric", None),
        ("60%以上", ">=", "60", "%", "percent", None),
        ("＜2小时", "<", "2", "小时", "numeric", None),
        ("≥193 人", ">=", "193", "人", "numeric", None),
        ("≤60. 1594 万元", "<=", "60.1594", "万元", "numeric", "601594"),
        ("> 90%", ">", "90", "%", "percent", None),
        ("≤1亿元", "<=", "1", "亿元", "numeric", "100000000"),
        ("100%", None, "100", "%", "percent", None),
    ],
)
def test_numeric_targets(text, comparator, value, unit, kind, yuan):
    t = parse_target(text)
    assert (t.comparator, t.value, t.unit, t.kind) == (comparator, Decimal(value), unit, kind)
    assert t.value_yuan == (Decimal(yuan) if yuan else None)


@pytest.mark.parametrize(
    "text, comparator, kind",
    [
        ("大于等于上年度", ">=", "qualitative"),
        ("及时", None, "qualitative"),
        ("有效提升", None, "qualitative"),
        ("2025年12月", None, "date"),
        ("12月底前", None, "date"),
        ("10月 15 日前", None, "date"),
        ("30 个工作日内", None, "date"),
        ("", None, "empty"),
        ("  ", None, "empty"),
    ],
)
def test_words_dates_and_empty_targets(text, comparator, kind):
    t = parse_target(text)
    assert (t.comparator, t.kind, t.value) == (comparator, kind, None)


@given(
    number=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    comparator=st.sampled_from([("≥", ">="), ("≤", "<="), ("＜", "<"), (">", ">"), ("", None)]),
    unit=st.sampled_from(["%", "元", "万元", "人", "个", "元/人/天", "万元/家", "平方米"]),
    spaces=st.sampled_from(["", " ", "  "]),
)
def test_any_number_comparator_and_unit_round_trip(number, comparator, unit, spaces):
    text = f"{comparator[0]}{spaces}{number}{spaces}{unit}"
    t = parse_target(text)
    assert t.value == number
    assert t.comparator == comparator[1]
    assert t.unit == unit
    assert t.kind == ("percent" if unit == "%" else "numeric")
    factor = {"元": 1, "万元": 10000, "元/人/天": 1, "万元/家": 10000}.get(unit)
    assert t.value_yuan == (None if factor is None else (number * factor).quantize(Decimal("0.01")))


@given(st.text(alphabet="及时有效提升保障合规完善", min_size=1, max_size=8))
def test_chinese_words_are_qualitative_and_never_numbers(word):
    t = parse_target(word)
    assert t.kind == "qualitative" and t.value is None


@given(
    name=st.text(alphabet="服务对象满意度群众覆盖率数量", min_size=2, max_size=12),
    value=st.sampled_from(["≥95%", "100%", "≥193 人", "≤18000 元/个", "9 月底前", "10月 15 日前", "及时"]),
)
def test_peel_value_splits_name_and_value_on_one_line(name, value):
    assert peel_value(f"{name} {value}") == (name, value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("资金拨付时间 审批后 7 日内", ("资金拨付时间", "审批后 7 日内")),
        ("收入水平 提高 15%", ("收入水平", "提高 15%")),
        ("工作 完成率 100%", ("工作 完成率", "100%")),  # a name ending, not a qualifier
        ("≥85%", ("", "≥85%")),  # a value printed without its name
        ("会议召开时间 及时", ("会议召开时间", "及时")),
        ("服务验收合格率（100%", ("服务验收合格率（", "100%")),
    ],
)
def test_peel_value_examples(text, expected):
    assert peel_value(text) == expected


@pytest.mark.parametrize(
    "text, comparator, value, unit, kind",
    [  # the Shanghai 填报表 prints the unit in parentheses after the number
        ("≥13459.00(平方米)", ">=", "13459", "平方米", "numeric"),
        ("=100.00(%)", "=", "100", "%", "percent"),
        (">6.00(次)", ">", "6", "次", "numeric"),
        ("=5.00(万人次)", "=", "5", "万人次", "numeric"),
        ("90.00(度)", None, "90", "度", "numeric"),
        ("≥95.00（%）", ">=", "95", "%", "percent"),
    ],
)
def test_a_unit_in_parentheses_is_the_unit(text, comparator, value, unit, kind):
    t = parse_target(text)
    assert (t.comparator, t.value, t.unit, t.kind, t.value_yuan) == (comparator, Decimal(value), unit, kind, None)


def test_a_number_inside_a_sentence_is_not_a_measure():
    t = parse_target("不低于50人次的个体心理咨询辅导")
    assert (t.comparator, t.value, t.unit, t.kind) == (">=", None, None, "qualitative")


@pytest.mark.parametrize(
    "nature, value, unit, target",
    [
        ("≥", "500", "人次", "≥500人次"),
        ("≤", "300", "元", "≤300元"),
        ("＝", "100", "%", "＝100%"),
        ("定性", "及时", "", "及时"),  # a nature that is not a comparator adds nothing
        ("≥", "≥95", "%", "≥95%"),  # the value's own comparator is not doubled
        ("", "95%", "%", "95%"),  # nor its own unit
        ("≥", "", "人次", ""),  # nothing printed: nothing made up
        (None, "良好", None, "良好"),
    ],
)
def test_a_target_printed_in_three_cells_reads_as_one(nature, value, unit, target):
    assert joined_target(nature, value, unit) == target


def test_comparator_cells():
    assert [comparator_of(c) for c in ("≥", "≤", "=", "大于等于", "＞", "定性", "", None)] == \
        [">=", "<=", "=", ">=", ">", None, None, None]
