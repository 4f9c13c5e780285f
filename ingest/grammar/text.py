"""Text normalization shared by every parser: cleaning cells, squeezing labels, splitting TAB rows."""

from __future__ import annotations

import re

# Whitespace that extraction tools leave inside cells: ideographic space, NBSP, thin spaces.
_WIDE_SPACES = re.compile("[\u3000\u00a0\u2002\u2003\u2009]")
# Only the HTML residue known from DOCX conversion; literal `<…>` also occurs in prose (`晋财资<2023>5号`).
_HTML_TAG = re.compile(r"</?p>|<input(?: checked=\"\")? type=\"checkbox\"/>")


def clean_line(text: str) -> str:
    """Known HTML residue removed and exotic spaces made plain; TABs and outer space kept."""
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return _WIDE_SPACES.sub(" ", text)


def clean_text(text: str) -> str:
    """Normalize a cell or line: known HTML residue removed, exotic spaces made plain, outer space stripped."""
    return clean_line(text).strip()


def squeeze(text: str) -> str:
    """Remove every kind of whitespace: labels are compared this way (`绩效 指 标` == `绩效指标`)."""
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return "".join(text.split())


def contains_spaced(line: str, word: str) -> bool:
    """`word` occurs in the line, possibly letter-spaced (`绩 效目标`): a cheap pre-test before a regex."""
    if word in line:
        return True
    # Most lines hold neither end of the word: two substring tests settle them.
    return word[0] in line and word[-1] in line and word in squeeze(line)


def split_cells(line: str) -> list[str]:
    """Non-empty cells of a TAB-separated row; a line without TABs is one cell."""
    return [c for c in (clean_text(part) for part in line.split("\t")) if c]
