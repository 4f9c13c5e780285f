from datetime import date
from decimal import Decimal

import pytest

from ingest.grammar.dates import parse_filled_date
from ingest.grammar.numbers import parse_amount, to_yuan


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("5,072,219", "5072219", None),
        ("2,131, 157", "2131157", None),
        ("6, 160,760", "6160760", None),
        ("6964800", "6964800", None),
        ("164,391.6", "164391.6", None),
        ("1,324,600.41", "1324600.41", None),
        ("61.2653", "61.2653", None),
        ("14.03 万元", "14.03", "万元"),
        ("0", "0", None),
        ("１２,３４５", "12345", None),
    ],
)
def test_amounts_as_printed(text, value, unit):
    parsed = parse_amount(text)
    assert parsed is not None
    assert parsed.value == Decimal(value)
    assert parsed.unit == unit


@pytest.mark.parametrize("text", ["1年", "12,34", "1,2345", "", "约5万", "2023.5-2024.5", "5,072,219 5,072,219"])
def test_non_amounts_are_refused(text):
    assert parse_amount(text) is None


def test_wan_yuan_with_four_decimals_normalizes_to_whole_yuan():
    assert to_yuan(Decimal("61.2653"), "万元") == Decimal("612653.00")
    assert to_yuan(Decimal("587.2966"), "万元") == Decimal("5872966.00")
    assert to_yuan(Decimal("93500"), "元") == Decimal("93500.00")


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("20250103161515", date(2025, 1, 3), "day"),
        ("202212130 90154", date(2022, 12, 13), "day"),
        ("202212130901", date(2022, 12, 13), "day"),
        ("2024.1.4", date(2024, 1, 4), "day"),
        ("2024. 01. 03", date(2024, 1, 3), "day"),
        ("2023.12", date(2023, 12, 1), "month"),
        ("20241345000000", None, None),
        ("", None, None),
    ],
)
def test_filled_dates(text, expected, precision):
    assert parse_filled_date(text) == (expected, precision)
