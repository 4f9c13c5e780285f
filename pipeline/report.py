"""The overview page of a build, `<stem>_reports/index.html`: what was read, the findings by rule and by document
with links to the file, page and line they concern, and two charts (inline SVG). Plain HTML with inline CSS: it
opens offline from the file system. The queries are in pipeline/report_queries.py."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter, defaultdict
from html import escape
from pathlib import Path

import duckdb

from pipeline.paths import BuildPaths
from pipeline.report_queries import FILES, OverviewData, fetch, load_overview
from pipeline.report_sources import SourceLinks, find_raw_dir, raw_dir_candidates, summary_raw_dir, write_text_views
from pipeline.svg_chart import Bar, stacked_bars

OVERVIEW = "index.html"
DATA_DOCS_INDEX = "data_docs/local_site/index.html"
DBT_DOCS_INDEX = "dbt_docs/static_index.html"
MAX_LISTED_FINDINGS = 5000  # beyond this the page names the query instead of listing every finding
MAX_LISTED_REJECTS = 1000
MAX_FUNDING_BARS = 25

PHASES = {"budget": "预算", "adjusted_budget": "调整预算", "executed": "决算"}
DOC_KINDS = {"department_budget": "部门预算", "unit_budget": "单位预算", "final_accounts": "决算",
             "project_targets": "项目绩效目标", "unknown": "未识别"}

STYLE = """
:root{--line:#d0d7de;--muted:#57606a;--err:#cf222e;--warn:#9a6700}
*{box-sizing:border-box}
body{margin:0;color:#1f2328;background:#fff;font:14px/1.55 -apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB',
'Microsoft YaHei','Noto Sans CJK SC',sans-serif}
header.top{background:#24292f;color:#fff;padding:14px 28px}
header.top h1{margin:0;font-size:20px;font-weight:600}
header.top p{margin:4px 0 0;color:#d0d7de;font-size:13px}
header.top a{color:#9ecbff}
nav{position:sticky;top:0;z-index:2;background:#f6f8fa;border-bottom:1px solid var(--line);padding:8px 28px;
font-size:13px}
nav a{margin-right:16px;color:#0969da;text-decoration:none}
main{max-width:1240px;margin:0 auto;padding:8px 28px 48px}
h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:20px 0 6px}
h2 small,h3 small{color:var(--muted);font-weight:400;font-size:13px}
p.note{color:var(--muted);font-size:13px;margin:4px 0 10px}
a{color:#0969da}
[id]{scroll-margin-top:48px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:130px}
.card b{display:block;font-size:22px}
.card span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}
th,td{border-bottom:1px solid #eaeef2;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;border-bottom:1px solid var(--line);font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.where{white-space:nowrap}
tr:hover td{background:#fafbfc}
.sev{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;white-space:nowrap}
.sev.error{background:#ffebe9;color:var(--err)}
.sev.warning{background:#fff8c5;color:var(--warn)}
.quote{color:var(--muted);font-size:12px}
details{margin:6px 0}
summary{cursor:pointer;font-weight:600;padding:4px 0}
figure{margin:12px 0 24px;overflow-x:auto}
figcaption{color:var(--muted);font-size:12px;margin-top:4px}
code{font-size:12px;background:#f6f8fa;padding:1px 4px;border-radius:4px}
"""


def _num(value: object) -> str:
    return "" if value is None else f"{value:,}" if isinstance(value, int) else escape(str(value))


def _text(value: object) -> str:
    return "" if value is None else escape(str(value))


def _link(url: str | None, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def _where(page: int | None, line: int | None) -> str:
    parts = ([f"p.{page}"] if page else []) + ([f"line {line}"] if line else [])
    return ", ".join(parts) or "file"


def _file_anchor(source_file: str) -> str:
    return "doc-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in source_file)


def _severity(severity: str) -> str:
    return f'<span class="sev {escape(severity)}">{escape(severity)}</span>'


def _section_read(data: OverviewData, links: SourceLinks, findings_by_file: dict[str, Counter]) -> str:
    t = data.totals
    cards = [("files", "原始文件 raw files"), ("documents", "文档 documents"),
             ("budget_tables", "预算表 budget tables"), ("projects", "项目表 project tables"),
             ("rejects", "未能载入 rejects")]
    out = ['<h2 id="read">读取情况 <small>What was read</small></h2><div class="cards">']
    out += [f'<div class="card"><b>{t[key]:,}</b><span>{label}</span></div>' for key, label in cards]
    out.append("</div>")
    out.append(f'<p class="note">{t["budget_tables_empty"]:,} budget tables declared empty; '
               f'{t["project_copies"]:,} project tables are reprinted copies of an earlier one.</p>')
    out.append("<table><tr><th>文件 file</th><th>格式</th><th>状态 status</th><th>类型 kind</th><th>地区 region</th>"
               "<th class=n>年度</th><th>发布单位 publisher</th><th class=n>页/行</th><th class=n>预算表</th>"
               "<th class=n>项目表</th><th class=n>rejects</th><th class=n>findings (error / warning)</th></tr>")
    for f in data.files:
        size = f"{f['page_count']} p." if f["page_count"] else (f"{f['line_count']:,} lines" if f["line_count"] else "")
        counts = findings_by_file.get(f["source_file"], Counter())
        findings = (f'<a href="#{_file_anchor(f["source_file"])}">{counts["error"]} / {counts["warning"]}</a>'
                    if counts else "0 / 0")
        status = escape(f["status"]) + (f'<br><span class="quote">{escape(f["detail"])}</span>' if f["detail"] else "")
        out.append(
            f"<tr><td>{_link(links.file(f['source_file']), f['source_file'])}</td><td>{_num(f['file_format'])}</td>"
            f"<td>{status}</td><td>{escape(DOC_KINDS.get(f['doc_kind'] or '', f['doc_kind'] or ''))}</td>"
            f"<td>{_num(f['region_name'])}</td><td class=n>{_text(f['fiscal_year'])}</td>"
            f"<td>{_num(f['publisher_name'])}</td><td class=n>{size}</td><td class=n>{_num(f['budget_tables'])}</td>"
            f"<td class=n>{_num(f['project_tables'])}</td><td class=n>{_num(f['rejects'])}</td>"
            f"<td class=n>{findings}</td></tr>")
    out.append("</table>")
    if data.rejects:
        shown = data.rejects[:MAX_LISTED_REJECTS]
        more = f"; the first {len(shown):,} listed" if len(shown) < len(data.rejects) else ""
        out.append(f'<h3>未能载入或按假设载入 <small>Rejects ({len(data.rejects):,}, marts.fct_parse_reject{more})'
                   "</small></h3><table><tr><th>where</th><th>stage</th><th>reason</th><th>detail</th></tr>")
        for r in shown:
            where = _link(links.line(r["source_file"], r["source_page"], r["source_line"]),
                          f"{r['source_file']} {_where(r['source_page'], r['source_line'])}")
            out.append(f"<tr><td class=where>{where}</td><td>{escape(r['stage'])}</td><td>{escape(r['reason'])}</td>"
                       f"<td>{_num(r['detail'])}</td></tr>")
        out.append("</table>")
    return "".join(out)


def _section_rules(data: OverviewData) -> str:
    with_findings = [r for r in data.rules if r["findings"]]
    quiet = [r for r in data.rules if not r["findings"]]
    errors = sum(r["findings"] for r in with_findings if r["severity"] == "error")
    warnings = sum(r["findings"] for r in with_findings if r["severity"] != "error")
    out = ['<h2 id="rules">检查结果（按规则） <small>Findings by rule</small></h2>',
           f'<p class="note">{errors:,} error and {warnings:,} warning findings from {len(with_findings)} of '
           f"{len(data.rules)} rules (marts.fct_dq_finding; the rule catalog is marts.dim_validation_rule).</p>",
           '<table id="rule-table"><tr><th>rule</th><th>severity</th><th>description</th>'
           "<th class=n>findings</th></tr>"]
    for r in with_findings:
        out.append(f'<tr data-rule="{escape(r["rule_id"])}"><td><a href="#rule-{escape(r["rule_id"])}">'
                   f'{escape(r["rule_id"])}</a></td><td>{_severity(r["severity"])}</td>'
                   f'<td class="description">{escape(r["description"])}</td>'
                   f'<td class="n count">{r["findings"]:,}</td></tr>')
    out.append("</table>")
    if quiet:
        out.append(f"<details><summary>{len(quiet)} rules without findings</summary><table>")
        out += [f'<tr data-rule="{escape(r["rule_id"])}"><td>{escape(r["rule_id"])}</td><td>{_severity(r["severity"])}'
                f'</td><td class="description">{escape(r["description"])}</td><td class="n count">0</td></tr>'
                for r in quiet]
        out.append("</table></details>")
    return "".join(out)


def _section_documents(data: OverviewData, findings_by_file: dict[str, Counter]) -> str:
    out = ['<h2 id="documents">检查结果（按文档） <small>Findings by document</small></h2>',
           "<table><tr><th>文件 file</th><th>发布单位 publisher</th><th class=n>error</th><th class=n>warning</th>"
           "<th>rules</th></tr>"]
    publisher = {f["source_file"]: f["publisher_name"] for f in data.files}
    rules: dict[str, Counter] = defaultdict(Counter)
    for f in data.findings:
        rules[f["source_file"]][f["rule_id"]] += 1
    for source_file, counts in sorted(findings_by_file.items()):
        listed = ", ".join(f"{rule} ×{n}" for rule, n in sorted(rules[source_file].items()))
        out.append(f'<tr><td><a href="#{_file_anchor(source_file)}">{escape(source_file)}</a></td>'
                   f"<td>{_num(publisher.get(source_file))}</td><td class=n>{counts['error']:,}</td>"
                   f"<td class=n>{counts['warning']:,}</td><td>{escape(listed)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def budget_chart(rows: list[dict]) -> str:
    series: dict[str, str] = {}
    bars: dict[tuple, dict[str, float]] = defaultdict(dict)
    for r in sorted(rows, key=lambda r: r["class_code"]):
        series.setdefault(r["class_code"], f"{r['class_code']} {r['class_name']}")
        key = (r["department_name"] or r["document_id"], r["fiscal_year"], r["phase"])
        bars[key][r["class_code"]] = bars[key].get(r["class_code"], 0.0) + float(r["amount_wan_yuan"] or 0)
    chart_bars = [Bar(f"{dept} · {year or ''} {PHASES.get(phase, phase)}", values)
                  for (dept, year, phase), values in sorted(bars.items(), key=lambda kv: -sum(kv[1].values()))]
    title = "支出按功能分类（类）与部门 Expenditure by functional class and department"
    return stacked_bars(chart_bars, series, title=title, unit="万元")


def funding_chart(rows: list[dict]) -> tuple[str, str]:
    series: dict[str, str] = {}
    by_dept: dict[str, dict[str, float]] = defaultdict(dict)
    projects: Counter = Counter()
    for r in rows:
        series.setdefault(r["fund_source"], r["source_label"])
        by_dept[r["department_name"]][r["fund_source"]] = float(r["amount_wan_yuan"] or 0)
        projects[r["department_name"]] = max(projects[r["department_name"]], r["projects"])
    ranked = sorted(by_dept.items(), key=lambda kv: -sum(kv[1].values()))
    bars = [Bar(dept, values, f"（{projects[dept]} 个项目）") for dept, values in ranked[:MAX_FUNDING_BARS]]
    rest = ranked[MAX_FUNDING_BARS:]
    title = "项目年度资金按来源与主管部门 Annual project funding by source and department"
    svg = stacked_bars(bars, series, title=title, unit="万元")
    rest_note = (f" The other {len(rest)} departments, {sum(sum(v.values()) for _, v in rest):,.0f} 万元 together, "
                 "are not drawn." if rest else "")
    return svg, f"{len(by_dept)} departments, the largest {len(bars)} drawn.{rest_note}"


def _no_rows(what: str) -> str:
    return f'<p class="note">No rows for this chart: {what} holds none in this build.</p>'


def _section_charts(data: OverviewData) -> str:
    funding_svg, drawn = funding_chart(data.project_funding)
    budget_svg = budget_chart(data.budget_by_class) if data.budget_by_class else _no_rows(
        "marts.fct_budget_by_function (expenditure tables, 类 rows)")
    if not data.project_funding:
        funding_svg = _no_rows("marts.fct_project_funding (annual sources)")
    return ("<h2 id=\"charts\">图表 <small>Charts</small></h2>"
            f'<figure id="chart-budget">{budget_svg}<figcaption>Each bar is one department\'s '
            "expenditure table (one document, year and phase), split by functional class (类): the table's total "
            "column, or 基本支出 + 项目支出 where it prints none (marts.fct_budget_by_function). Hover a segment for "
            "its amount.</figcaption></figure>"
            f'<figure id="chart-funding">{funding_svg}<figcaption>Annual funding (年度) of the project tables by '
            "supervising department (主管部门) and fund source as printed: the sources, not the printed totals; "
            "blank cells, figures that contradict their unit and reprinted copies left out "
            f"(marts.fct_project_funding, marts.dim_project). {drawn}</figcaption></figure>")


def _section_findings(data: OverviewData, links: SourceLinks) -> str:
    out = ['<h2 id="findings">全部检查结果 <small>Every finding, by document</small></h2>']
    listed = data.findings[:MAX_LISTED_FINDINGS]
    if len(data.findings) > len(listed):
        out.append(f'<p class="note">The first {len(listed):,} of {len(data.findings):,} findings; query '
                   "<code>marts.fct_dq_finding</code> for the rest.</p>")
    by_file: dict[str, list[dict]] = defaultdict(list)
    for f in listed:
        by_file[f["source_file"]].append(f)
    for source_file, findings in sorted(by_file.items()):
        out.append(f'<details open id="{_file_anchor(source_file)}"><summary>{escape(source_file)} '
                   f'<small>({len(findings):,})</small> · {_link(links.file(source_file), "open the file")}</summary>'
                   '<table class="findings"><tr><th>rule</th><th>severity</th><th>where</th><th>finding</th>'
                   "<th>expected / actual</th></tr>")
        for f in findings:
            where = _link(links.line(source_file, f["source_page"], f["source_line"]),
                          _where(f["source_page"], f["source_line"]))
            quote = f'<br><span class="quote">“{escape(f["quote"])}”</span>' if f["quote"] else ""
            values = " / ".join(escape(str(v)) if v not in (None, "") else "—" for v in (f["expected"], f["actual"]))
            out.append(f'<tr class="finding" data-rule="{escape(f["rule_id"])}"><td>'
                       f'<a href="#rule-{escape(f["rule_id"])}">{escape(f["rule_id"])}</a></td>'
                       f'<td>{_severity(f["severity"])}</td><td class=where>{where}</td>'
                       f"<td>{escape(f['message'] or '')}{quote}</td><td>{values}</td></tr>")
        out.append("</table></details>")
    out.append('<h3>规则说明 <small>The rules with findings</small></h3><table>')
    out += [f'<tr id="rule-{escape(r["rule_id"])}"><td>{escape(r["rule_id"])}</td><td>{_severity(r["severity"])}</td>'
            f'<td>{escape(r["description"])}</td></tr>' for r in data.rules if r["findings"]]
    out.append("</table>")
    return "".join(out)


def render(data: OverviewData, links: SourceLinks, *, warehouse: str, has_dbt_docs: bool) -> str:
    findings_by_file: dict[str, Counter] = defaultdict(Counter)
    for f in data.findings:
        findings_by_file[f["source_file"]]["error" if f["severity"] == "error" else "warning"] += 1
    dbt = (f'<a href="{DBT_DOCS_INDEX}">dbt docs</a>' if has_dbt_docs
           else "dbt docs: run <code>make docs</code>")
    raw = ("raw files linked from " + escape(str(links.raw_dir)) if links.raw_dir
           else "the raw folder of this build was not found: files are named, not linked")
    generated = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>构建概览 Build overview · {escape(warehouse)}</title><style>{STYLE}</style></head><body>"
        f'<header class="top"><h1>预算公开数据仓库 · 构建概览 <small>Build overview</small></h1>'
        f"<p>{escape(warehouse)} · validated {generated} · {raw}</p></header>"
        '<nav><a href="#read">读取 What was read</a><a href="#rules">按规则 By rule</a>'
        '<a href="#documents">按文档 By document</a><a href="#charts">图表 Charts</a>'
        f'<a href="#findings">明细 Every finding</a> | <a href="{DATA_DOCS_INDEX}">GX Data Docs</a>{dbt}</nav>'
        f"<main>{_section_read(data, links, findings_by_file)}{_section_rules(data)}"
        f"{_section_documents(data, findings_by_file)}{_section_charts(data)}{_section_findings(data, links)}"
        "</main></body></html>\n")


def write_overview(db_file: Path, out_dir: Path, reports_dir: Path, raw_dir: Path | None) -> Path:
    """Write `<out_dir>/index.html` (and the text views under `sources/`) for the warehouse `db_file`; links are
    relative to `reports_dir`, where `out_dir` is published."""
    with duckdb.connect(str(db_file), read_only=True) as con:
        data = load_overview(con)
    links = SourceLinks(reports_dir, raw_dir, data.files)
    marks: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for f in data.findings:
        if f["source_line"]:
            marks[f["source_file"]][f["source_line"]].add(f["rule_id"])
    write_text_views(out_dir, links, data.files,
                     {file: {line: " ".join(sorted(rules)) for line, rules in lines.items()}
                      for file, lines in marks.items()})
    page = out_dir / OVERVIEW
    page.write_text(render(data, links, warehouse=db_file.name, has_dbt_docs=(out_dir / DBT_DOCS_INDEX).exists()),
                    encoding="utf-8")
    return page


def served_warehouse(gx_dir: Path, reports_dir: Path) -> Path | None:
    """The DuckDB file whose scratch folder holds `gx_dir` and whose reports folder is `reports_dir`."""
    folder = reports_dir.resolve().parent
    for candidate in sorted(p for p in folder.iterdir() if p.is_file()):
        paths = BuildPaths(folder, candidate)
        if paths.reports_dir == reports_dir.resolve() and paths.gx_dir == gx_dir.resolve():
            return candidate
    return None


def publish_overview(gx_dir: Path, reports_dir: Path, out_dir: Path, *, raw_dir: Path | None = None,
                     db_file: Path | None = None) -> Path | None:
    """The overview page of the warehouse validated in `gx_dir` (default: the served file of `reports_dir`), written
    into `out_dir` (the staged reports folder). Its raw files are those of `raw_dir` or of the folder found to hold
    them (pipeline/report_sources.py). A warehouse the page cannot read (a mart changed under it) is named on
    stderr, not fatal: the warehouse and the Data Docs are still published."""
    db_file = db_file or served_warehouse(gx_dir, reports_dir)
    if db_file is None:
        print(f"reports: no warehouse found for {reports_dir}; overview page not written", file=sys.stderr)
        return None
    try:
        with duckdb.connect(str(db_file), read_only=True) as con:
            files = fetch(con, FILES)
        found = find_raw_dir(files, raw_dir_candidates(raw_dir, summary_raw_dir(reports_dir)))
        return write_overview(db_file, out_dir, reports_dir, found)
    except duckdb.Error as exc:
        print(f"reports: overview page not written ({type(exc).__name__}: {exc})", file=sys.stderr)
        return None
