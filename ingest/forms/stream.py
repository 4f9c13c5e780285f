"""A region of the line view as one searchable string that remembers which position every character came from."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ingest.grammar.text import clean_line


@dataclass(frozen=True)
class LineStream:
    """Non-blank lines joined by `\\n` (cells keep their TABs); blank lines are left out."""

    text: str
    starts: tuple[int, ...]  # offset of each included line in `text`
    line_numbers: tuple[int, ...]  # its 1-based line number in the raw file

    @classmethod
    def from_lines(cls, lines: tuple[str, ...], first: int, last: int) -> LineStream:
        """Lines first..last (0-based, inclusive)."""
        parts: list[str] = []
        starts: list[int] = []
        numbers: list[int] = []
        offset = 0
        for idx in range(first, last + 1):
            line = clean_line(lines[idx]).rstrip()
            if not line.strip():
                continue
            starts.append(offset)
            numbers.append(idx + 1)
            parts.append(line)
            offset += len(line) + 1
        return cls("\n".join(parts), tuple(starts), tuple(numbers))

    def line_at(self, offset: int) -> int | None:
        if not self.starts:
            return None
        return self.line_numbers[max(0, bisect_right(self.starts, offset) - 1)]

