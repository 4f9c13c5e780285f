"""Deterministic scale corpus for benchmarks: `factor` variants of every seed document, written one at a time.

Each generated document is a variant of one source document (sources are cycled, so every layout keeps its share):
another Shanxi region of the same kind, some project tables dropped and others repeated under a varied project name,
funding amounts scaled by a small integer per table, and a few documents in GB18030 or with CRLF line endings.
Everything is drawn from `random.Random(f"{seed}:{index}")`, so the same (sources, factor, seed) give the same bytes.

    .venv/bin/python -m bench.generate --factor 100 --out /tmp/bench_gen_100 [--seed 0] [--src data/raw]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ingest.forms.document_info import describe_document
from ingest.forms.project.header import parse_project_name, read_project_header
from ingest.forms.project.segment import TableSegment, find_project_tables
from ingest.grammar import region_and_level
from ingest.readers.sniff import detect_format
from ingest.readers.text import decode_bytes, split_lines

REPO = Path(__file__).resolve().parent.parent

# Real Shanxi regions by kind: name -> (slug for file names, prefecture it belongs to).
# Every stem is two characters without 省/市/县/区/旗, so the parsers' lazy region pattern reads the whole name.
CITIES: dict[str, tuple[str, str | None]] = {
    "太原市": ("taiyuan", None), "大同市": ("datong", None), "阳泉市": ("yangquan", None),
    "长治市": ("changzhi", None), "晋城市": ("jincheng", None), "朔州市": ("shuozhou", None),
    "晋中市": ("jinzhong", None), "运城市": ("yuncheng", None), "忻州市": ("xinzhou", None),
    "临汾市": ("linfen", None), "吕梁市": ("lvliang", None),
}
# County-level cities (县级市): named 市, but detected as admin level county from their 县(区)级 titles.
COUNTY_CITIES: dict[str, tuple[str, str | None]] = {
    "古交市": ("gujiao", "太原市"), "高平市": ("gaoping", "晋城市"), "介休市": ("jiexiu", "晋中市"),
    "永济市": ("yongji", "运城市"), "河津市": ("hejin", "运城市"), "原平市": ("yuanping", "忻州市"),
    "侯马市": ("houma", "临汾市"), "霍州市": ("huozhou", "临汾市"), "孝义市": ("xiaoyi", "吕梁市"),
    "汾阳市": ("fenyang", "吕梁市"), "怀仁市": ("huairen", "朔州市"),
}
COUNTIES: dict[str, tuple[str, str | None]] = {
    "清徐县": ("qingxu", "太原市"), "阳曲县": ("yangqu", "太原市"), "娄烦县": ("loufan", "太原市"),
    "阳高县": ("yanggao", "大同市"), "天镇县": ("tianzhen", "大同市"), "广灵县": ("guangling", "大同市"),
    "灵丘县": ("lingqiu", "大同市"), "浑源县": ("hunyuan", "大同市"), "左云县": ("zuoyun", "大同市"),
    "平定县": ("pingding", "阳泉市"), "襄垣县": ("xiangyuan", "长治市"), "平顺县": ("pingshun", "长治市"),
    "黎城县": ("licheng", "长治市"), "壶关县": ("huguan", "长治市"), "武乡县": ("wuxiang", "长治市"),
    "沁源县": ("qinyuan", "长治市"), "沁水县": ("qinshui", "晋城市"), "阳城县": ("yangcheng", "晋城市"),
    "陵川县": ("lingchuan", "晋城市"), "山阴县": ("shanyin", "朔州市"), "右玉县": ("youyu", "朔州市"),
    "榆社县": ("yushe", "晋中市"), "左权县": ("zuoquan", "晋中市"), "昔阳县": ("xiyang", "晋中市"),
    "寿阳县": ("shouyang", "晋中市"), "平遥县": ("pingyao", "晋中市"), "灵石县": ("lingshi", "晋中市"),
    "临猗县": ("linyi", "运城市"), "万荣县": ("wanrong", "运城市"), "闻喜县": ("wenxi", "运城市"),
    "稷山县": ("jishan", "运城市"), "新绛县": ("xinjiang", "运城市"), "垣曲县": ("yuanqu", "运城市"),
    "平陆县": ("pinglu", "运城市"), "芮城县": ("ruicheng", "运城市"), "定襄县": ("dingxiang", "忻州市"),
    "五台县": ("wutai", "忻州市"), "繁峙县": ("fanshi", "忻州市"), "宁武县": ("ningwu", "忻州市"),
    "静乐县": ("jingle", "忻州市"), "神池县": ("shenchi", "忻州市"), "五寨县": ("wuzhai", "忻州市"),
    "岢岚县": ("kelan", "忻州市"), "河曲县": ("hequ", "忻州市"), "保德县": ("baode", "忻州市"),
    "偏关县": ("pianguan", "忻州市"), "曲沃县": ("quwo", "临汾市"), "翼城县": ("yicheng", "临汾市"),
    "襄汾县": ("xiangfen", "临汾市"), "洪洞县": ("hongtong", "临汾市"), "安泽县": ("anze", "临汾市"),
    "浮山县": ("fushan", "临汾市"), "乡宁县": ("xiangning", "临汾市"), "汾西县": ("fenxi", "临汾市"),
    "文水县": ("wenshui", "吕梁市"), "交城县": ("jiaocheng", "吕梁市"), "柳林县": ("liulin", "吕梁市"),
    "石楼县": ("shilou", "吕梁市"), "方山县": ("fangshan", "吕梁市"), "中阳县": ("zhongyang", "吕梁市"),
    "交口县": ("jiaokou", "吕梁市"),
}
REGIONS: dict[str, tuple[str, str | None]] = {**CITIES, **COUNTY_CITIES, **COUNTIES}

# Appended to the project name of a repeated table, so that copies are not exact reprints.
NAME_SUFFIXES = ("（二期）", "（三期）", "（续建）", "（提质增效）", "（扩面）", "（东片区）", "（西片区）",
                 "（南片区）", "（北片区）", "（城区段）")
GB18030_SHARE = 0.05
CRLF_SHARE = 0.05
SCALE_FACTORS = (1, 2, 3)
# Generated names: `000123_taiyuan_1a2b3c4d.txt`; only such files are ever removed from the output folder.
NAME_PATTERN = re.compile(r"^\d{6}_[a-z]+_[0-9a-f]{8}\.txt$")
# A funding amount we can rewrite safely: a whole token (after a label's colon or a space, before a space or the end)
# with regular thousands separators. `2,131, 157` (pdftotext spacing) never matches as a whole.
SAFE_AMOUNT = re.compile(r"(?<![^\s:：])(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?=\s|$)")


@dataclass
class _Table:
    """One project table of a source, with the text that follows it up to the next table."""

    lines: list[str]
    name_idx: int | None  # index in `lines` of the 项目名称 row
    amount_spans: dict[int, list[tuple[int, int]]] | None  # line index -> amount spans; None: not safely scalable
    sep: str  # the blank lines after the table: put between it and a repeated copy
    gap: str  # everything after the table up to the next title (blank lines, non-table text), kept as is
    _texts: dict[int, str] = field(default_factory=dict)

    def scaled_lines(self, k: int) -> list[str]:
        if k == 1 or self.amount_spans is None:
            return list(self.lines)
        lines = list(self.lines)
        for idx, spans in self.amount_spans.items():
            line = lines[idx]
            out, pos = [], 0
            for start, end in spans:
                out += [line[pos:start], scale_amount(line[start:end], k)]
                pos = end
            lines[idx] = "".join(out) + line[pos:]
        return lines

    def text(self, k: int) -> str:
        # Cached: the same table is written with the same factor in many documents.
        if k not in self._texts:
            self._texts[k] = "".join(line + "\n" for line in self.scaled_lines(k))
        return self._texts[k]

    def copy_text(self, k: int, suffix: str) -> str:
        lines = self.scaled_lines(k)
        if self.name_idx is not None:
            lines[self.name_idx] = rename_project(lines[self.name_idx], suffix)
        return "".join(line + "\n" for line in lines)


@dataclass
class _Source:
    """A seed document split into the text before the first table and its tables, ready to be recombined."""

    path: Path
    encoding: str
    newline: str
    trailing_newline: bool
    region: str | None
    pool: tuple[str, ...]  # regions of the same kind it may be renamed to
    prefix: str
    tables: list[_Table]
    essential: frozenset[int]  # tables never dropped: they carry the document's region/level evidence
    strata: list[int]  # copy number -> stratum of the kept-table ratio


class Generated(NamedTuple):
    """One generated document."""

    name: str
    data: bytes
    tables: int  # project tables written
    encoding: str
    crlf: bool


@dataclass
class CorpusStats:
    files: int = 0
    bytes: int = 0
    tables: int = 0
    gb18030: int = 0
    crlf: int = 0


def scale_amount(token: str, k: int) -> str:
    """`5,072,219` x 3 -> `15,216,657`; decimals and separators as printed."""
    whole, _, frac = token.partition(".")
    value = Decimal(whole.replace(",", "") + ("." + frac if frac else "")) * k
    return format(value, f"{',' if ',' in whole else ''}.{len(frac)}f")


def rename_project(line: str, suffix: str) -> str:
    """Append `suffix` to the project name of a 项目名称 row, keeping the row's cells."""
    name = parse_project_name(line)
    pos = line.find(name) if name else -1
    at = pos + len(name) if pos >= 0 and name else len(line.rstrip())
    return line[:at] + suffix + line[at:]


def _amount_spans(lines: tuple[str, ...], seg: TableSegment) -> dict[int, list[tuple[int, int]]] | None:
    """Spans of the funding amounts, by line of the table; None when the tokens on a line are not exactly the
    amounts the parser reads there (odd spacing, units glued on, signs), so the table is never scaled."""
    parsed = read_project_header(lines, seg)
    values: dict[int, list[Decimal]] = defaultdict(list)
    for amount in parsed.funding:
        if amount.amount_value is not None and amount.source_line is not None:
            values[amount.source_line].append(amount.amount_value)
    spans: dict[int, list[tuple[int, int]]] = {}
    for number, printed in values.items():
        if not seg.title_line <= number <= seg.end_line:
            return None
        matches = list(SAFE_AMOUNT.finditer(lines[number - 1]))
        if sorted(Decimal(m.group(0).replace(",", "")) for m in matches) != sorted(printed):
            return None
        spans[number - seg.title_line] = [m.span() for m in matches]
    return spans


def _leading_blank(lines: list[str]) -> list[str]:
    blank: list[str] = []
    for line in lines:
        if line.strip():
            break
        blank.append(line)
    return blank


def _region_pool(region: str | None, level: str | None) -> tuple[str, ...]:
    """Regions of the same kind as the document's own, as the parsers detect it (孝义市 is a county: 县(区)级)."""
    if not region:
        return ()
    if region.endswith("县"):
        return tuple(COUNTIES)
    if region.endswith("市"):
        return tuple(COUNTY_CITIES) if level == "county" else tuple(CITIES)
    return ()  # 区, 省 and the like: left as printed


def _essential_tables(segments: list[TableSegment]) -> frozenset[int]:
    """First table of every (region, level) seen in titles: without the 县(区)级 ones 孝义市 would lose its level."""
    first: dict[tuple[str | None, str | None], int] = {}
    for i, seg in enumerate(segments):
        first.setdefault(region_and_level(seg.title), i)
    return frozenset(first.values())


def load_source(path: Path, index: int, factor: int, seed: int) -> _Source:
    data = path.read_bytes()
    text, encoding = decode_bytes(data)
    lines = split_lines(text)
    segments = find_project_tables(lines)
    info = describe_document(lines, segments)
    starts = [seg.title_line - 1 for seg in segments] + [len(lines)]
    tables = []
    for n, seg in enumerate(segments):
        gap = list(lines[seg.end_line: starts[n + 1]])
        tables.append(_Table(
            lines=list(lines[seg.title_line - 1: seg.end_line]),
            name_idx=None if seg.name_line is None else seg.name_line - seg.title_line,
            amount_spans=_amount_spans(lines, seg),
            sep="".join(line + "\n" for line in _leading_blank(gap)),
            gap="".join(line + "\n" for line in gap),
        ))
    return _Source(
        path=path,
        encoding=encoding,
        newline="\r\n" if b"\r\n" in data else "\n",
        trailing_newline=text.endswith(("\n", "\r")),
        region=info.region_name,
        pool=_region_pool(info.region_name, info.admin_level),
        prefix="".join(line + "\n" for line in lines[: starts[0]]),
        tables=tables,
        essential=_essential_tables(segments),
        # Stratified ratios: copy j of a source keeps a ratio from its own slice of [0.5, 1.5), so over `factor`
        # copies the tables average out to factor x the source's count even for the one large seed.
        strata=random.Random(f"{seed}:strata:{index}").sample(range(factor), factor),
    )


def _region_substitution(old: str | None, new: str | None) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The document's own region by its stem (`襄垣` in 襄垣县人民政府 and 襄垣县委 alike) and, for counties, its
    prefecture by full name (`长治` alone also starts 长治久安)."""
    if not old or not new or old == new:
        return None
    mapping = {old[:-1]: new[:-1]}
    old_parent, new_parent = REGIONS.get(old, ("", None))[1], REGIONS.get(new, ("", None))[1]
    if old_parent and new_parent and old_parent != new_parent:
        mapping[old_parent] = new_parent
    pattern = re.compile("|".join(re.escape(key) for key in sorted(mapping, key=len, reverse=True)))
    return pattern, mapping


def _choose_tables(source: _Source, copy_no: int, factor: int, rng: random.Random) -> tuple[set[int], set[int]]:
    """(kept, repeated) table indexes: between about 50% and 150% of the source's tables."""
    count = len(source.tables)
    if count == 0:
        return set(), set()
    ratio = 0.5 + (source.strata[copy_no] + rng.random()) / factor
    target = min(max(round(ratio * count), len(source.essential), 1), 2 * count)
    if target <= count:
        others = [i for i in range(count) if i not in source.essential]
        return set(source.essential) | set(rng.sample(others, target - len(source.essential))), set()
    return set(range(count)), set(rng.sample(range(count), target - count))


def render_document(source: _Source, copy_no: int, factor: int, rng: random.Random) -> Generated:
    """One variant of `source`, named `<slug>` for now (the caller names it once it is known to be new)."""
    region = rng.choice(source.pool) if source.pool else source.region
    kept, repeated = _choose_tables(source, copy_no, factor, rng)
    parts = [source.prefix]
    for i, table in enumerate(source.tables):
        if i in kept:
            parts.append(table.text(rng.choice(SCALE_FACTORS)))
        if i in repeated:
            parts += [table.sep, table.copy_text(rng.choice(SCALE_FACTORS), rng.choice(NAME_SUFFIXES))]
        parts.append(table.gap)
    text = "".join(parts)
    if not source.trailing_newline and text.endswith("\n"):
        text = text[:-1]
    substitution = _region_substitution(source.region, region)
    if substitution:
        pattern, mapping = substitution
        text = pattern.sub(lambda m: mapping[m.group(0)], text)
    encoding = source.encoding
    if encoding == "utf-8" and rng.random() < GB18030_SHARE:
        encoding = "gb18030"
    crlf = source.newline == "\r\n" or rng.random() < CRLF_SHARE
    if crlf and source.newline == "\n":
        text = text.replace("\n", "\r\n")
    slug = REGIONS[region][0] if region in REGIONS else "doc"
    return Generated(slug, text.encode(encoding), len(kept) + len(repeated), encoding, crlf)


def source_files(src_dir: Path) -> list[Path]:
    """The text documents of the folder (the generator varies text; PDFs and other formats are left out)."""
    return sorted(p for p in src_dir.iterdir()
                  if p.is_file() and not p.name.startswith(".") and _is_text(p.read_bytes()))


def _is_text(data: bytes) -> bool:
    try:
        return detect_format(data) == "text"
    except ValueError:  # a format recognised and refused (UnreadableDocument)
        return False


def iter_corpus(src_dir: Path, factor: int, seed: int = 0) -> Iterator[Generated]:
    """Every generated document, one at a time, in index order."""
    paths = source_files(src_dir)
    sources = [load_source(path, i, factor, seed) for i, path in enumerate(paths)]
    digests: set[bytes] = set()
    for index in range(factor * len(sources)):
        source, copy_no = sources[index % len(sources)], index // len(sources)
        for attempt in range(100):
            # A retry only when the bytes equal an earlier document's (ingest would reject it as a duplicate).
            rng = random.Random(f"{seed}:{index}" + (f":{attempt}" if attempt else ""))
            doc = render_document(source, copy_no, factor, rng)
            digest = hashlib.sha256(doc.data).digest()
            if digest not in digests:
                break
        else:
            raise RuntimeError(f"could not make document {index} differ from the others ({source.path.name})")
        digests.add(digest)
        yield doc._replace(name=f"{index:06d}_{doc.name}_{rng.getrandbits(32):08x}.txt")


def _check_out_dir(out_dir: Path) -> list[Path]:
    """Generated files already there (from an earlier run); refuse a folder holding anything else."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = [p for p in out_dir.iterdir() if not p.name.startswith(".")]
    foreign = [p.name for p in files if not (p.is_file() and NAME_PATTERN.match(p.name))]
    if foreign:
        raise FileExistsError(f"{out_dir} holds files this generator did not write: {foreign[:5]}")
    return files


def write_corpus(src_dir: Path, out_dir: Path, factor: int, seed: int = 0) -> tuple[list[Path], CorpusStats]:
    if factor < 1:
        raise ValueError("factor must be at least 1")
    stale = {p.name: p for p in _check_out_dir(out_dir)}
    written: list[Path] = []
    stats = CorpusStats()
    for doc in iter_corpus(src_dir, factor, seed):
        path = out_dir / doc.name
        path.write_bytes(doc.data)
        stale.pop(doc.name, None)
        written.append(path)
        stats.files += 1
        stats.bytes += len(doc.data)
        stats.tables += doc.tables
        stats.crlf += doc.crlf
        stats.gb18030 += doc.encoding == "gb18030"
    for path in stale.values():  # an earlier run's files would otherwise be ingested too
        path.unlink()
    return written, stats


def generate_corpus(src_dir: Path, out_dir: Path, factor: int, seed: int = 0) -> list[Path]:
    """Write factor x (number of sources) documents into out_dir; returns their paths in index order."""
    return write_corpus(src_dir, out_dir, factor, seed)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, required=True, help="variants per source document")
    parser.add_argument("--out", type=Path, required=True, help="output folder (created; earlier output replaced)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--src", type=Path, default=REPO / "data" / "raw", help="source documents")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    _, stats = write_corpus(args.src, args.out, args.factor, args.seed)
    seconds = time.perf_counter() - started
    print(f"wrote {stats.files} files, {stats.bytes:,} bytes ({stats.bytes / 1e6:.1f} MB), {stats.tables} project "
          f"tables ({stats.gb18030} GB18030, {stats.crlf} CRLF) to {args.out} in {seconds:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
