"""A short, deterministic fuzz run of the parsers over mutated excerpts of the seed documents.

Windows of 200-400 lines of every seed file (004 included) are mutated: lines deleted, doubled, swapped or shuffled,
the text truncated mid-line or mid-table, garbage characters inserted, characters deleted, digits replaced or
lengthened, TABs removed, titles and other structural lines inserted in odd places, lines of another document
spliced in, or the whole reduced to blank lines, a single line or one long line. Each result is read the way ingest
reads a file (`read_bytes`) and parsed whole (`parse_document`); folders of such files (and of corrupted
bytes) go through `ingest_directory`, which builds the typed polars frames.

What must hold: no exception; every reject has a reason and a line of the document (rejects about the whole
document have none); every row points at lines of the document; ids are unique; the frames build and keep every
value the parsers produced.
"""

from __future__ import annotations

import dataclasses
import random
import re
import tempfile
import traceback
from collections.abc import Callable
from functools import cache
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import records
from ingest.corpus import ingest_directory
from ingest.forms.budget.find import find_budget_tables
from ingest.forms.document import parse_document
from ingest.forms.project.segment import find_project_tables
from ingest.forms.result import ParseResult
from ingest.grid.model import Document
from ingest.readers import UnreadableDocument, read_bytes, read_path
from tests.conftest import SEED_RAW

# (seed file, first line (0-based), number of lines): project tables in both layouts, budget tables, narratives,
# the 整体支出 form, the start and the end of 004.
WINDOWS = (
    ("000", 0, 300), ("000", 340, 324),
    ("001", 0, 250), ("001", 180, 400), ("001", 600, 300), ("001", 860, 250), ("001", 990, 400), ("001", 3200, 300),
    ("002", 50, 400), ("002", 400, 300), ("002", 640, 250), ("002", 1400, 350), ("002", 1900, 220),
    ("003", 60, 400), ("003", 380, 300), ("003", 2350, 300),
    ("004", 0, 300), ("004", 10_000, 250), ("004", 27_000, 400), ("004", 40_000, 200), ("004", 53_800, 335),
)

# Rejects about a whole document or file carry no line.
DOCUMENT_STAGES = frozenset({"read", "classify"})
_LINE_COLUMN = re.compile(r"(?:^|_)line(?:_end|_with_status)?$")
_IDS = {"project_tables": "project_id", "indicators": "indicator_id", "budget_tables": "table_id",
        "budget_lines": "budget_line_id", "narrative_figures": "narrative_figure_id"}


@cache
def _seed_lines(prefix: str) -> tuple[str, ...]:
    (path,) = SEED_RAW.glob(f"{prefix}_*")
    return read_path(path).lines


def _window(window: tuple[str, int, int]) -> list[str]:
    prefix, first, count = window
    return list(_seed_lines(prefix)[first: first + count])


def _document(lines: list[str], name: str = "fuzz.txt") -> Document:
    return read_bytes(name, ("\n".join(lines) + "\n").encode("utf-8"))


# --- mutations: (lines, random) -> lines ------------------------------------------------------------------------------

_TITLES = (
    "某某县部门（单位）项目支出绩效目标表", " 吕梁市市级预算部门（单位）项目支出绩效目标表",
    "孝义市预算部门（单位）项目绩效目标申报表\t\t\t\t", "山西省省级预算部门（单位）项目支出绩效目标申报表 (2024 年度)",
)
_STRUCTURAL = (
    *_TITLES, "（2024年度）", "（ 2023 年度）", "项目名称 某项目", "项目名称\t\t某项目\t", "项目名称",
    "负责人： 经办人： 联系电话： 填报日期： 20231222153002",
    "负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t2023.13.45",
    "项目负责人：张三 填表人：李四 联系电话：13500000000 填报日期：",
    "表一2024年预算收支总表", "2024年项目支出预算表（本年预算）", "2024年财政拨款安排“三公”经费支出预算表",
    "预算公开表1",
    "单位：万元", "第三部分 2024年度部门预算情况说明", "十一、国有资产占有使用情况", "第四部分 名词解释",
    "某市预算部门（单位）整体支出绩效目标申报表", "2024年度部门预算公开",
    "产出指标", "产出", "指标", "数量指标\t\t", "\t产出指标\t数量指标\t\t\t数量指标", "绩", "效",
    "一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值", "项目资金（万元）", "项目资金", "（元）",
    "实施期资金总额： 年度资金总额：", "其中：中央财政资金 abc 其中：中央财政资金 12,34", "总体目标",
    "实施期目标 年度目标", '<input checked="" type="checkbox"/> 选项', "注：本表无数据", "合计 1.00 2.00",
    "\u3000\u3000某项目 9.99 9.99", "上年结转", "本年收入合计 1.00 本年支出合计 1.00",
    "一、收入预算合计100万元，其中：财政拨款50万元。",
)
_GARBAGE = (
    *"\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufeff\u200b\u00a0\u3000\t ,.:：；;%％≥≤<>＜＞=（）()【】-—－/\\\"'",
    *"0123456789０１２３４５６７８９一二三四五年月日万元亿指标项目资金负责人绩效表合计",
    "\U0001f600", "\ue000", "\ufffd",
)


def _delete_lines(lines: list[str], rnd: random.Random) -> list[str]:
    for _ in range(rnd.randint(1, max(1, len(lines) // 8))):
        if lines:
            del lines[rnd.randrange(len(lines))]
    return lines


def _duplicate_lines(lines: list[str], rnd: random.Random) -> list[str]:
    for _ in range(rnd.randint(1, 12)):
        if lines:
            i = rnd.randrange(len(lines))
            lines[i:i] = [lines[i]] * rnd.randint(1, 3)
    return lines


def _swap_lines(lines: list[str], rnd: random.Random) -> list[str]:
    for _ in range(rnd.randint(1, 12)):
        if len(lines) > 1:
            i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return lines


def _shuffle_block(lines: list[str], rnd: random.Random) -> list[str]:
    if len(lines) > 3:
        i = rnd.randrange(len(lines) - 2)
        j = rnd.randint(i + 2, min(len(lines), i + 40))
        block = lines[i:j]
        rnd.shuffle(block)
        lines[i:j] = block
    return lines


def _truncate_mid_line(lines: list[str], rnd: random.Random) -> list[str]:
    if not lines:
        return lines
    i = rnd.randrange(len(lines))
    return lines[:i] + [lines[i][: rnd.randint(0, len(lines[i]))]]


def _truncate_mid_table(lines: list[str], rnd: random.Random) -> list[str]:
    frozen = tuple(lines)
    tables = [*find_project_tables(frozen), *find_budget_tables(frozen)]
    if not tables:
        return _truncate_mid_line(lines, rnd)
    table = rnd.choice(tables)
    return _truncate_mid_line(lines[: rnd.randint(table.title_line, table.end_line)], rnd)


def _garbage_characters(lines: list[str], rnd: random.Random) -> list[str]:
    lines = lines or [""]
    for _ in range(rnd.randint(1, 40)):
        i = rnd.randrange(len(lines))
        k = rnd.randint(0, len(lines[i]))
        lines[i] = lines[i][:k] + "".join(rnd.choice(_GARBAGE) for _ in range(rnd.randint(1, 4))) + lines[i][k:]
    return lines


def _delete_characters(lines: list[str], rnd: random.Random) -> list[str]:
    for _ in range(rnd.randint(1, 40)):
        if lines:
            i = rnd.randrange(len(lines))
            k = rnd.randint(0, len(lines[i]))
            lines[i] = lines[i][:k] + lines[i][k + rnd.randint(1, 5):]
    return lines


def _replace_digits(lines: list[str], rnd: random.Random) -> list[str]:
    """Digit runs of some lines replaced by other digits, full-width digits, zeros, or nothing."""
    mode = rnd.choice(("other", "full width", "zeros", "removed"))
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")

    def replace(m: re.Match[str]) -> str:
        run = m.group(0)
        return {"other": "".join(rnd.choice("0123456789") for _ in run), "full width": run.translate(full_width),
                "zeros": "0" * len(run), "removed": ""}[mode]

    for i in rnd.sample(range(len(lines)), min(len(lines), rnd.randint(1, 80))):
        lines[i] = re.sub(r"\d+", replace, lines[i])
    return lines


def _lengthen_numbers(lines: list[str], rnd: random.Random) -> list[str]:
    """Some digit runs made 10-30 digits longer (a number no form prints, but a file may hold)."""
    numbered = [i for i, line in enumerate(lines) if re.search(r"\d", line)]
    for i in rnd.sample(numbered, min(len(numbered), rnd.randint(1, 10))):
        lines[i] = re.sub(r"\d+", lambda m: m.group(0) + "".join(rnd.choice("0123456789")
                                                                 for _ in range(rnd.randint(10, 30))), lines[i],
                          count=1)
    return lines


def _remove_tabs(lines: list[str], rnd: random.Random) -> list[str]:
    replacement = rnd.choice(("", " ", "\t\t"))
    everywhere = rnd.random() < 0.5
    return [line.replace("\t", replacement) if everywhere or rnd.random() < 0.3 else line for line in lines]


def _insert_title_in_odd_places(lines: list[str], rnd: random.Random) -> list[str]:
    """A project-table title at the top, at the end, right before a footer, right after a name row, mid-grid."""
    segments = find_project_tables(tuple(lines))
    places = [0, len(lines)] + [s.end_line - 1 for s in segments] + [s.name_line for s in segments if s.name_line]
    places += [rnd.randint(s.title_line, s.end_line) for s in segments]
    for _ in range(rnd.randint(1, 3)):
        lines.insert(min(rnd.choice(places), len(lines)), rnd.choice(_TITLES))
    return lines


def _insert_structural_lines(lines: list[str], rnd: random.Random) -> list[str]:
    for _ in range(rnd.randint(1, 8)):
        lines.insert(rnd.randint(0, len(lines)), rnd.choice(_STRUCTURAL))
    return lines


def _repeat_a_title(lines: list[str], rnd: random.Random) -> list[str]:
    i = rnd.randint(0, len(lines))
    lines[i:i] = [rnd.choice(_TITLES)] * rnd.randint(2, 5)
    return lines


def _splice_another_document(lines: list[str], rnd: random.Random) -> list[str]:
    other = _seed_lines(rnd.choice(("000", "001", "002", "003", "004")))
    start = rnd.randrange(len(other))
    i = rnd.randint(0, len(lines))
    lines[i:i] = other[start: start + rnd.randint(1, 60)]
    return lines


def _only_blank_lines(lines: list[str], rnd: random.Random) -> list[str]:
    blank = rnd.choice(("", " ", "\t", "\u3000", " \t "))
    return [blank] * rnd.randint(0, 6)


def _a_single_line(lines: list[str], rnd: random.Random) -> list[str]:
    return [rnd.choice(lines)] if lines else [""]


def _one_long_line(lines: list[str], rnd: random.Random) -> list[str]:
    return [rnd.choice((" ", "\t", "")).join(lines)]


Mutation = Callable[[list[str], random.Random], list[str]]
MUTATIONS: tuple[Mutation, ...] = (
    _delete_lines, _duplicate_lines, _swap_lines, _shuffle_block, _truncate_mid_line, _truncate_mid_table,
    _garbage_characters, _delete_characters, _replace_digits, _lengthen_numbers, _remove_tabs,
    _insert_title_in_odd_places, _insert_structural_lines, _repeat_a_title, _splice_another_document,
    _only_blank_lines, _a_single_line, _one_long_line,
)


def _mutated(window: tuple[str, int, int], mutations: list[Mutation], seed: int) -> list[str]:
    rnd = random.Random(seed)
    lines = _window(window)
    for mutation in mutations:
        lines = mutation(lines, rnd)
    return lines


# --- what must hold ---------------------------------------------------------------------------------------------------

def _fields(row) -> dict:
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}


def _problems(doc: Document, parsed: ParseResult) -> list[str]:
    """Broken promises in one parse (empty when all hold)."""
    n = len(doc.lines)
    out = []
    for reject in parsed.rejects:
        line, end = reject.source_line, reject.source_line_end
        if not (isinstance(reject.reason, str) and reject.reason.strip()):
            out.append(f"reject without a reason: {reject}")
        if line is None:
            if reject.stage not in DOCUMENT_STAGES:
                out.append(f"reject without a line: {reject}")
        elif not 1 <= line <= n or (end is not None and not line <= end <= n):
            out.append(f"reject outside the document's {n} lines: {reject}")
    for name in records.TABLES:
        for row in getattr(parsed, name):
            for key, value in _fields(row).items():
                if _LINE_COLUMN.search(key) and value is not None and not 1 <= value <= n:
                    out.append(f"{name}.{key} = {value} outside the document's {n} lines: {row}")
    for name, key in _IDS.items():
        ids = [getattr(row, key) for row in getattr(parsed, name)]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated or None in ids:
            out.append(f"{name}.{key} not unique or null: {repeated[:3]}")
    return out


def _where(exc: BaseException) -> str:
    """The exception and the innermost ingest/ frame it came from."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/ingest/" in f.filename]
    place = f"{frames[-1].filename.split('/ingest/')[-1]}:{frames[-1].lineno} ({frames[-1].name})" if frames else "?"
    return f"{type(exc).__name__} at ingest/{place}: {str(exc)[:200]}"


def _check(lines: list[str]) -> list[str]:
    doc = _document(lines)
    try:
        parsed = parse_document(doc)
    except Exception as exc:  # what is reported is the exception itself
        return [_where(exc)]
    return _problems(doc, parsed)


# --- parse_document ---------------------------------------------------------------------------------------------------

def test_every_mutation_on_every_window():
    """Each mutation on each window, with three seeds: every kind of broken promise is listed (with its count and
    first case), not only the first."""
    failures: dict[str, list[str]] = {}
    for w, window in enumerate(WINDOWS):
        for m, mutation in enumerate(MUTATIONS):
            for seed in (1000 * w + m, 1000 * w + m + 100, 1000 * w + m + 200):
                for problem in _check(_mutated(window, [mutation], seed)):
                    kind = re.sub(r"\d+", "N", problem.split(": ")[0])
                    failures.setdefault(kind, []).append(f"{window} {mutation.__name__} seed={seed}: {problem[:400]}")
    report = "\n".join(f"{len(cases)}x {cases[0]}" for cases in failures.values())
    assert not failures, f"{sum(map(len, failures.values()))} mutated documents broke the parsers:\n{report}"


_FUZZ_SETTINGS = settings(max_examples=800, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_TEXT_MUTATIONS = [m for m in MUTATIONS if m is not _lengthen_numbers]


@_FUZZ_SETTINGS
@given(window=st.sampled_from(WINDOWS), mutations=st.lists(st.sampled_from(_TEXT_MUTATIONS), min_size=1, max_size=5),
       seed=st.integers(0, 2**16))
def test_chains_of_mutations_never_break_the_parsers(window, mutations, seed):
    """Chains of up to five mutations (numbers lengthened aside: next test); hypothesis shrinks a failure to the
    shortest chain on the simplest window."""
    problems = _check(_mutated(window, mutations, seed))
    assert not problems, "\n".join(problems)


@settings(_FUZZ_SETTINGS, max_examples=60)
@given(window=st.sampled_from(WINDOWS), mutations=st.lists(st.sampled_from(_TEXT_MUTATIONS), max_size=2),
       seed=st.integers(0, 2**16))
def test_numbers_longer_than_any_form_prints_never_break_the_parsers(window, mutations, seed):
    """Amounts and targets of 20-40 digits: read, or rejected with a reason, never an exception."""
    problems = _check(_mutated(window, [*mutations, _lengthen_numbers], seed))
    assert not problems, "\n".join(problems)


# --- ingest_directory: files, frames ----------------------------------------------------------------------------------

_ENCODINGS = (("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("utf-16-le", b"\xff\xfe"))


def _ingest(folder: Path) -> tuple[dict[str, pl.DataFrame] | None, str | None]:
    try:
        return ingest_directory(folder, workers=1).tables, None
    except Exception as exc:  # reported
        return None, _where(exc)


def _frame_problems(folder: Path, tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every file is loaded or rejected at reading; the frames hold every row and every value that parse_document
    gives for the loaded files (a value the typed frame cannot hold must not turn into a null)."""
    out = []
    names = {p.name for p in folder.iterdir()}
    loaded = set(tables["documents"]["source_file"])
    read_rejects = tables["rejects"].filter(pl.col("stage") == "read")
    unaccounted = names - loaded - set(read_rejects["source_file"])
    if unaccounted:
        out.append(f"files neither loaded nor rejected: {sorted(unaccounted)}")
    if read_rejects.filter(pl.col("reason").is_null() | (pl.col("reason") == "")).height:
        out.append("a read reject without a reason")
    parsed = [parse_document(read_path(folder / name)) for name in sorted(loaded)]
    for name in records.TABLES:
        if name == "files":
            continue  # written by ingest_directory itself, not by the parsers
        rows = [row for p in parsed for row in getattr(p, name)]
        frame = tables[name] if name != "rejects" else tables[name].filter(pl.col("stage") != "read")
        if frame.height != len(rows):
            out.append(f"{name}: {len(rows)} rows parsed, {frame.height} in the frame")
            continue
        for column in frame.columns:
            values = sum(getattr(row, column) is not None for row in rows)
            if frame.height - frame[column].null_count() != values:
                lost = [getattr(row, column) for row in rows if getattr(row, column) is not None][:3]
                out.append(f"{name}.{column}: {values} values parsed, {frame.height - frame[column].null_count()} "
                           f"in the frame (e.g. {lost})")
    return out


def test_ingest_directory_builds_the_frames_of_mutated_documents():
    """Folders of mutated documents in several encodings (with a repeated file): ingest_directory builds its typed
    frames without an exception and without losing a row or a value."""
    failures = []
    for batch in range(10):
        rnd = random.Random(batch)
        with tempfile.TemporaryDirectory() as directory:
            folder = Path(directory)
            made = {}
            for k in range(6):
                window = WINDOWS[(batch * 6 + k) % len(WINDOWS)]
                mutations = [rnd.choice(MUTATIONS) for _ in range(rnd.randint(1, 3))]
                seed = rnd.randrange(2**16)
                codec, bom = rnd.choice(_ENCODINGS)
                name = f"doc{k}_{window[0]}.txt"
                (folder / name).write_bytes(bom + ("\n".join(_mutated(window, mutations, seed)) + "\n").encode(codec))
                made[name] = f"{window} {[m.__name__ for m in mutations]} seed={seed} {codec}{' BOM' if bom else ''}"
            (folder / "repeated.txt").write_bytes((folder / next(iter(made))).read_bytes())
            tables, error = _ingest(folder)
            if error:
                # Which file: each alone.
                for name, how in made.items():
                    with tempfile.TemporaryDirectory() as alone:
                        (Path(alone) / name).write_bytes((folder / name).read_bytes())
                        if _ingest(Path(alone))[1]:
                            failures.append(f"batch {batch}, {name} = {how}: {_ingest(Path(alone))[1]}")
                continue
            failures += [f"batch {batch}: {problem}" for problem in _frame_problems(folder, tables)]
    assert not failures, "\n".join(failures)


def _corrupt_files() -> dict[str, bytes]:
    """Bytes a raw folder may hold: truncated downloads, stray bytes, a byte-order mark over other bytes."""
    text = "\n".join(_window(("004", 0, 40))) + "\n"
    utf8, utf16 = text.encode("utf-8"), text.encode("utf-16-le")
    rnd = random.Random(7)
    stray = bytearray(utf8)
    for _ in range(20):
        stray.insert(rnd.randrange(len(stray)), rnd.randrange(256))
    return {
        "empty.txt": b"",
        "only_a_bom.txt": b"\xef\xbb\xbf",
        "nul_bytes.txt": utf8[:100] + b"\x00\x00" + utf8[100:],
        "utf8_cut_inside_a_character.txt": utf8[:101],
        "utf8_random_bytes.txt": bytes(stray),
        "utf8_bom_cut_inside_a_character.txt": b"\xef\xbb\xbf" + utf8[:101],
        "utf8_bom_random_bytes.txt": b"\xef\xbb\xbf" + bytes(stray),
        "utf16_cut_at_an_odd_byte.txt": b"\xff\xfe" + utf16[:201],
        "utf16_lone_surrogate.txt": b"\xff\xfe" + utf16[:200] + b"\x00\xd8" + utf16[200:400],
        "utf16_without_bom.txt": utf16,
        "gb18030_random_bytes.txt": text.encode("gb18030")[:150] + b"\x81\x30\xff" + text.encode("gb18030")[150:],
        "binary.txt": bytes(rnd.randrange(256) for _ in range(2000)),
    }


def test_ingest_directory_rejects_corrupt_bytes_with_a_reason():
    """Each corrupt file alone in a folder: ingest_directory raises nothing; the file is loaded or rejected at
    reading with a reason."""
    failures = []
    for name, data in _corrupt_files().items():
        with tempfile.TemporaryDirectory() as directory:
            folder = Path(directory)
            (folder / name).write_bytes(data)
            tables, error = _ingest(folder)
            if error:
                failures.append(f"{name}: {error}")
                continue
            failures += [f"{name}: {problem}" for problem in _frame_problems(folder, tables)]
    assert not failures, "\n".join(failures)


def test_a_document_that_cannot_be_decoded_is_refused_with_unreadable_document_only():
    """decode_bytes refuses what it cannot read with UnreadableDocument (which ingest_directory turns into a
    reject), never with another exception."""
    failures = []
    for name, data in _corrupt_files().items():
        try:
            read_bytes(name, data)
        except UnreadableDocument:
            pass
        except Exception as exc:  # reported
            failures.append(f"{name}: {_where(exc)}")
    assert not failures, "\n".join(failures)
