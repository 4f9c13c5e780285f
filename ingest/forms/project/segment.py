"""Find every project performance table (项目支出绩效目标表 / 项目绩效目标申报表) in a document.

A table runs from its title line to its footer, or to the line before the next title or section heading, or to the
end of the file. Only structure is used: title patterns, footer labels, section headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest import grammar

# How far below a title the 项目名称 row may sit (title, year line, blanks, a repeated heading).
_NAME_ROW_WINDOW = 8


@dataclass(frozen=True)
class TableSegment:
    title_line: int  # 1-based line of the title
    end_line: int  # 1-based last line of the table (inclusive)
    title: str
    year_printed: int | None
    end_reason: str  # footer | next_title | section_end | end_of_file
    name_line: int | None  # 1-based line holding 项目名称, None when the table has no name row


def _year_near_title(lines: tuple[str, ...], title_idx: int, end_idx: int) -> int | None:
    m = grammar.PROJECT_TABLE_TITLE.match(grammar.squeeze(lines[title_idx]))
    if m and m.group("year"):
        return int(m.group("year"))
    seen = 0
    for i in range(title_idx + 1, end_idx + 1):
        text = grammar.squeeze(lines[i])
        if not text:
            continue
        ym = grammar.YEAR_LINE.match(text)
        if ym:
            return int(ym.group("year"))
        seen += 1
        if seen >= 2:
            break
    return None


def _name_row(lines: tuple[str, ...], title_idx: int, end_idx: int) -> int | None:
    seen = 0
    for i in range(title_idx + 1, end_idx + 1):
        text = grammar.squeeze(lines[i])
        if not text:
            continue
        if text.startswith(grammar.PROJECT_NAME_LABEL):
            return i
        seen += 1
        if seen >= _NAME_ROW_WINDOW:
            break
    return None


def find_project_tables(lines: tuple[str, ...]) -> list[TableSegment]:
    titles = [i for i, line in enumerate(lines) if grammar.is_project_table_title(line)]
    segments: list[TableSegment] = []
    for n, start in enumerate(titles):
        limit = titles[n + 1] - 1 if n + 1 < len(titles) else len(lines) - 1
        end, reason = limit, "next_title" if n + 1 < len(titles) else "end_of_file"
        for i in range(start + 1, limit + 1):
            if grammar.is_footer(lines[i]):
                end, reason = i, "footer"
                break
            if grammar.is_section_end(lines[i]):
                end, reason = i - 1, "section_end"
                break
        if reason != "footer":
            while end > start and not lines[end].strip():
                end -= 1
        name_idx = _name_row(lines, start, end)
        segments.append(
            TableSegment(
                title_line=start + 1,
                end_line=end + 1,
                title=grammar.clean_text(lines[start]),
                year_printed=_year_near_title(lines, start, end),
                end_reason=reason,
                name_line=None if name_idx is None else name_idx + 1,
            )
        )
    return segments
