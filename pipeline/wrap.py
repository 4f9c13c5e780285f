"""Wrap text for a terminal at spaces only, counting East Asian wide characters (CJK) as two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Terminal columns of `text`: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap at whitespace. A word is never cut: one longer than `width` stands alone on its line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and display_width(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines
