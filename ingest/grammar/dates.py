"""The 填报日期 of a form footer: `20250103161515`, `202212130 90154`, `2024.1.4`, `2024. 01. 03`, `2023.12`."""

from __future__ import annotations

import re
from datetime import date

_DIGITS_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})\d{0,6}$")
_DOTTED_DATE = re.compile(r"^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?)?$")


def parse_filled_date(text: str | None) -> tuple[date | None, str | None]:
    """(date, precision): precision 'day', or 'month' for `2023.12` (the date is then the 1st); (None, None) when
    the text is not a valid date."""
    if not text:
        return None, None
    compact = re.sub(r"\s+", "", text)
    m = _DIGITS_DATE.match(compact)
    if m:
        parts = m.groups()
    else:
        m = _DOTTED_DATE.match(compact)
        if not m:
            return None, None
        parts = m.groups()
    precision = "day" if parts[2] is not None else "month"
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2] or 1)), precision
    except ValueError:
        return None, None
