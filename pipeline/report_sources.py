"""Where the overview page links a finding to: the raw file (relative to the reports folder; `#page=N` for a PDF)
and, for a text document, a numbered copy of its lines (`sources/<file>.html#L<line>`), since no browser jumps to a
line of a plain text file.

The raw folder is the one the build read. It is passed in when the caller knows it; otherwise it is found among the
folders a build could have read (the `--raw-dir` of this run's command line, the last build's summary, the default
`data/raw`), and a folder is taken only when it holds every file of the warehouse's manifest with the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from html import escape
from pathlib import Path
from urllib.parse import quote

from ingest.readers.text import decode_bytes, split_lines
from pipeline.paths import DEFAULT_RAW_DIR

SOURCES_DIR = "sources"  # inside the reports folder
# Numbered copies are written for the text documents in name order until their raw size reaches this budget (a
# generated 100x corpus would otherwise double the reports folder); later files are linked as raw files only.
MAX_TEXT_VIEW_BYTES = 64 * 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def holds_manifest(folder: Path, files: list[dict]) -> bool:
    """Every file of the manifest is in `folder` with the bytes the build read."""
    return bool(files) and all(
        (folder / f["source_file"]).is_file() and (not f["sha256"] or _sha256(folder / f["source_file"]) == f["sha256"])
        for f in files)


def _command_line_raw_dir(argv: list[str]) -> Path | None:
    for i, arg in enumerate(argv):
        if arg == "--raw-dir" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if arg.startswith("--raw-dir="):
            return Path(arg.split("=", 1)[1])
    return None


def summary_raw_dir(reports_dir: Path) -> Path | None:
    """The raw folder the last build recorded in `<reports>/build_summary.json`."""
    summary = reports_dir / "build_summary.json"
    try:
        return Path(json.loads(summary.read_text(encoding="utf-8"))["raw_dir"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def find_raw_dir(files: list[dict], candidates: Iterable[Path | None]) -> Path | None:
    seen: set[Path] = set()
    for candidate in candidates:
        if candidate is None:
            continue
        folder = candidate.resolve()
        if folder in seen or not folder.is_dir():
            continue
        seen.add(folder)
        if holds_manifest(folder, files):
            return folder
    return None


def raw_dir_candidates(explicit: Path | None, previous_summary: Path | None) -> list[Path | None]:
    return [explicit, _command_line_raw_dir(sys.argv[1:]), previous_summary, DEFAULT_RAW_DIR]


def href(path: Path, start: Path) -> str:
    """A relative URL from the folder `start` to `path`."""
    return quote(Path(os.path.relpath(path, start)).as_posix())


class SourceLinks:
    """URLs, relative to the reports folder, of a raw file, a page of it and a line of it."""

    def __init__(self, reports_dir: Path, raw_dir: Path | None, files: list[dict]) -> None:
        self.reports_dir = reports_dir
        self.raw_dir = raw_dir
        self.formats = {f["source_file"]: f["file_format"] for f in files}
        self.text_views: set[str] = set()  # files with a numbered copy under sources/

    def file(self, source_file: str, page: int | None = None) -> str | None:
        if self.raw_dir is None or source_file not in self.formats:
            return None
        url = href(self.raw_dir / source_file, self.reports_dir)
        return f"{url}#page={page}" if page and self.formats[source_file] == "pdf" else url

    def line(self, source_file: str, page: int | None, line: int | None) -> str | None:
        if source_file in self.text_views and line:
            return f"{SOURCES_DIR}/{quote(source_file)}.html#L{line}"
        return self.file(source_file, page)


def write_text_views(out_dir: Path, links: SourceLinks, files: list[dict], marks: dict[str, dict[int, str]]) -> None:
    """A numbered copy of each readable text document under `<out_dir>/sources/`; the lines with findings are
    marked (`marks`: file -> line -> rule ids)."""
    if links.raw_dir is None:
        return
    target = out_dir / SOURCES_DIR
    budget = MAX_TEXT_VIEW_BYTES
    for f in files:
        if f["file_format"] != "text" or f["status"] == "unreadable" or (f["size_bytes"] or 0) > budget:
            continue
        try:
            data = (links.raw_dir / f["source_file"]).read_bytes()
            text, _ = decode_bytes(data)
        except (OSError, ValueError):
            continue
        budget -= len(data)
        target.mkdir(parents=True, exist_ok=True)
        raw_url = href(links.raw_dir / f["source_file"], target)
        page = _text_view(f["source_file"], split_lines(text), marks.get(f["source_file"], {}), raw_url)
        (target / f"{f['source_file']}.html").write_text(page, encoding="utf-8")
        links.text_views.add(f["source_file"])


_VIEW_STYLE = """
body{margin:0;font:13px/1.5 ui-monospace,'SFMono-Regular',Menlo,Consolas,'Noto Sans Mono CJK SC',monospace;
color:#222;background:#fff}
header{position:sticky;top:0;background:#f4f6f8;border-bottom:1px solid #d0d7de;padding:8px 16px;
font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif}
pre{margin:0;padding:8px 0;counter-reset:n;white-space:pre-wrap;word-break:break-all}
pre span{display:block;padding-left:7em;text-indent:-6em;counter-increment:n;scroll-margin-top:30vh}
pre span::before{content:counter(n);display:inline-block;width:5em;margin-right:1em;text-align:right;color:#8c959f}
pre span.f{background:#fff8c5}
pre span.f::before{color:#9a6700;font-weight:600}
pre span:target{background:#ffd33d}
"""


def _text_view(source_file: str, lines: tuple[str, ...], marks: dict[int, str], raw_url: str) -> str:
    body = []
    for number, text in enumerate(lines, start=1):
        rules = marks.get(number)
        attrs = f' class="f" title="{escape(rules)}"' if rules else ""
        body.append(f'<span id="L{number}"{attrs}>{escape(text) or " "}</span>')
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(source_file)}</title>'
            f"<style>{_VIEW_STYLE}</style></head><body><header><a href=\"../index.html\">概览 Overview</a> · "
            f'<a href="{raw_url}">{escape(source_file)}</a> · {len(lines)} 行 lines; '
            "marked lines have findings</header><pre>" + "".join(body) + "</pre></body></html>\n")
