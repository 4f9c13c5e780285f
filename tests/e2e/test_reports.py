"""The reports folder of a build (`<stem>_reports/`): every page works offline (no remote `src`/`href`, every local
one present), the overview page says what the build read and found, as the database does, and links each finding
to its file, page and line; the build output prints each rule's whole description; `make docs` says what it does."""

import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from pipeline.paths import BuildPaths
from pipeline.wrap import display_width
from tests.conftest import REPO, SEED_RAW, SHIPPED_RAW, read_only

_ASSET_TAGS = {"script", "link", "img", "iframe", "source", "embed", "audio", "video", "object"}


class _Page(HTMLParser):
    """Every src/href of a page, and the table rows the overview marks up for its rules and findings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.rules: dict[str, dict] = {}
        self.findings: list[dict] = []
        self.svgs: list[dict] = []
        self._row: dict | None = None
        self._cell: str | None = None
        self._svg: dict | None = None
        self._figure: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("src", "href"):
            if a.get(name):
                self.refs.append((tag, a[name]))
        if tag == "figure":
            self._figure = a.get("id")
        if tag == "svg":
            self._svg = {"figure": self._figure, "rects": 0, "text": []}
            self.svgs.append(self._svg)
        if tag == "rect" and self._svg is not None:
            self._svg["rects"] += 1
        if tag == "tr" and "data-rule" in a:
            self._row = {"rule": a["data-rule"], "finding": a.get("class") == "finding", "links": [],
                         "description": "", "count": ""}
        if self._row is not None:
            if tag == "a" and a.get("href"):
                self._row["links"].append(a["href"])
            if tag == "td" and a.get("class") in ("description", "n count"):
                self._cell = "description" if a["class"] == "description" else "count"

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = None
        if tag == "svg":
            self._svg = None
        if tag == "figure":
            self._figure = None
        if tag == "tr" and self._row is not None:
            row, self._row = self._row, None
            if row["finding"]:
                self.findings.append(row)
            else:
                self.rules[row["rule"]] = row

    def handle_data(self, data):
        if self._row is not None and self._cell:
            self._row[self._cell] += data
        if self._svg is not None:
            self._svg["text"].append(data)


def _parse(page: Path) -> _Page:
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _reports(db: Path) -> Path:
    return BuildPaths.resolve(SEED_RAW, db).reports_dir


def _target(page: Path, url: str) -> Path | None:
    """The local file a relative URL names (None for an in-page fragment)."""
    path = unquote(urlsplit(url).path)
    return (page.parent / path).resolve() if path else None


@pytest.fixture(scope="module")
def docs_output(seed_warehouse) -> str:
    """`make docs` over the seed warehouse: the reports folder then holds every site (overview, Data Docs, dbt)."""
    proc = subprocess.run(["make", "-s", "docs", f"DUCKDB={seed_warehouse}"], cwd=REPO, capture_output=True,
                          text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def overview(seed_warehouse) -> tuple[Path, _Page]:
    page = _reports(seed_warehouse) / "index.html"
    return page, _parse(page)


def test_every_page_of_the_reports_folder_loads_only_local_files(seed_warehouse, docs_output):
    reports = _reports(seed_warehouse)
    pages = sorted(reports.rglob("*.html"))
    assert {"index.html", "static_index.html"} <= {p.name for p in pages}
    assert any("data_docs" in p.parts for p in pages)
    remote, missing, assets = [], [], 0
    for page in pages:
        for tag, url in _parse(page).refs:
            if urlsplit(url).scheme or url.startswith("//"):
                remote.append((page.relative_to(reports), url))
                continue
            target = _target(page, url)
            if target is None:
                continue
            assets += tag in _ASSET_TAGS
            if not target.exists():
                missing.append((page.relative_to(reports), url))
    assert remote == []
    assert missing == []
    assert assets > 100  # the Data Docs pages load their CSS and JS (from the vendored copies)


def test_stylesheets_of_the_reports_folder_load_only_local_files(seed_warehouse):
    reports = _reports(seed_warehouse)
    sheets = list(reports.rglob("*.css"))
    assert any(s.name == "all.min.css" for s in sheets)  # Font Awesome, whose fonts must be local too
    for sheet in sheets:
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", ref), (sheet, ref)
            if not ref.startswith(("data:", "#")):
                assert (sheet.parent / unquote(ref.split("?")[0].split("#")[0])).is_file(), (sheet, ref)


def test_data_docs_pages_load_jquery_and_bootstrap_table_from_the_site(seed_warehouse):
    index = _reports(seed_warehouse) / "data_docs" / "local_site" / "index.html"
    scripts = [url for tag, url in _parse(index).refs if tag == "script"]
    for library in ("jquery.min.js", "popper.min.js", "bootstrap.min.js", "bootstrap-table.min.js", "vega.min.js"):
        found = [url for url in scripts if url.endswith(library)]
        assert found and _target(index, found[0]).is_file(), library


def test_the_overview_lists_every_file_and_document_of_the_build(seed_con, overview):
    page, parsed = overview
    html = page.read_text(encoding="utf-8")
    files = seed_con.execute("select source_file, document_id from marts.dim_file_manifest").fetchall()
    assert len(files) == 5
    for source_file, _ in files:
        assert f">{source_file}</a>" in html
    for (publisher,) in seed_con.execute("select publisher_name from marts.dim_document where publisher_name "
                                         "is not null").fetchall():
        assert publisher in html
    documents, projects, rejects = seed_con.execute(
        "select (select count(*) from marts.dim_document), (select count(*) from marts.dim_project), "
        "(select count(*) from marts.fct_parse_reject)").fetchone()
    for value, label in ((documents, "documents"), (projects, "project tables"), (rejects, "rejects")):
        assert re.search(rf"<b>{value:,}</b><span>[^<]*{label}</span>", html), label


def test_the_overview_gives_each_rule_its_full_description_and_the_database_count(seed_con, overview):
    _, parsed = overview
    expected = {rule: (description, n) for rule, description, n in seed_con.execute(
        "select r.rule_id, r.description, count(f.rule_id) from marts.dim_validation_rule r "
        "left join marts.fct_dq_finding f using (rule_id) group by all").fetchall()}
    shown = {rule: (row["description"], int(row["count"].replace(",", ""))) for rule, row in parsed.rules.items()}
    assert shown == expected
    assert any(n for _, n in expected.values())


def test_the_overview_links_every_finding_to_its_file_page_and_line(seed_con, seed_warehouse, overview):
    page, parsed = overview
    findings = seed_con.execute("select rule_id, source_file, source_line from marts.fct_dq_finding "
                                "order by source_file, source_page nulls first, source_line nulls first, rule_id, "
                                "finding_id").fetchall()
    assert [f["rule"] for f in parsed.findings] == [rule for rule, _, _ in findings]
    manifest = dict(seed_con.execute("select source_file, sha256 from marts.dim_file_manifest").fetchall())
    for row, (_, source_file, line) in zip(parsed.findings, findings, strict=True):
        where = [url for url in row["links"] if not url.startswith("#")]
        assert len(where) == 1, row
        target = _target(page, where[0])
        if line:  # a text document: its numbered copy, at the line
            assert where[0].endswith(f".html#L{line}")
            assert f'id="L{line}"' in target.read_text(encoding="utf-8")
        else:
            assert hashlib.sha256(target.read_bytes()).hexdigest() == manifest[source_file]
    # Each document's section links the raw file itself: the bytes the build read.
    raw_links = {url for url in (u for _, u in parsed.refs) if not url.startswith(("#", "sources/", "data_docs/"))
                 and url.endswith(".txt")}
    assert {hashlib.sha256(_target(page, url).read_bytes()).hexdigest() for url in raw_links} == set(
        manifest.values())


def test_a_finding_on_a_pdf_links_the_file_at_its_page(shipped_warehouse):
    page = BuildPaths.resolve(SHIPPED_RAW, shipped_warehouse).reports_dir / "index.html"
    parsed = _parse(page)
    with read_only(shipped_warehouse) as con:
        findings = con.execute("select source_file, source_page from marts.fct_dq_finding order by source_file, "
                               "source_page nulls first, source_line nulls first, rule_id, finding_id").fetchall()
        manifest = dict(con.execute("select source_file, sha256 from marts.dim_file_manifest").fetchall())
    on_pdf_pages = 0
    for row, (source_file, source_page) in zip(parsed.findings, findings, strict=True):
        if source_file.endswith(".pdf") and source_page:
            (where,) = [url for url in row["links"] if not url.startswith("#")]
            assert where.endswith(f".pdf#page={source_page}"), where
            assert hashlib.sha256(_target(page, where).read_bytes()).hexdigest() == manifest[source_file]
            on_pdf_pages += 1
    assert on_pdf_pages > 10


def test_the_overview_draws_the_two_charts_as_inline_svg(seed_con, overview):
    page, parsed = overview
    charts = {svg["figure"]: svg for svg in parsed.svgs}
    assert set(charts) == {"chart-budget", "chart-funding"}
    departments = {d for (d,) in seed_con.execute(
        "select distinct department_name from marts.fct_budget_by_function "
        "where table_type = 'expenditure_summary' and classification_level = '类'").fetchall()}
    assert len(departments) == 3
    budget_text = "".join(charts["chart-budget"]["text"])
    assert all(d in budget_text for d in departments)
    assert charts["chart-budget"]["rects"] > len(departments)
    assert charts["chart-funding"]["rects"] > 5
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html


def test_the_overview_links_the_other_sites(overview, docs_output):
    page, _ = overview
    parsed = _parse(page)  # after `make docs`, which adds the dbt docs
    urls = {url for _, url in parsed.refs}
    assert {"data_docs/local_site/index.html", "dbt_docs/static_index.html"} <= urls


def test_make_docs_says_what_it_does_as_it_goes(seed_warehouse, docs_output):
    steps = [line for line in docs_output.splitlines() if line.startswith("docs: ")]
    assert [s.split()[1] for s in steps[:4]] == ["copying", "dbt", "validating", "validation:"]
    assert re.fullmatch(r"docs: done in [\d.]+ s -> .*index\.html", steps[-1])
    assert str(_reports(seed_warehouse) / "index.html") in steps[-1]


def test_the_build_output_prints_whole_rule_descriptions(seed_warehouse):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "validate", "--duckdb", str(seed_warehouse)], cwd=REPO,
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "90"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    with read_only(seed_warehouse) as con:
        rules = dict(con.execute("select rule_id, description from marts.dim_validation_rule where rule_id in "
                                 "(select rule_id from marts.fct_dq_finding)").fetchall())
    wrapped = 0
    for rule_id, description in rules.items():
        start = next(i for i, line in enumerate(lines) if re.match(rf"\s+{rule_id} \[\w+\]\s+\d+  ", line))
        head = re.match(rf"\s+{rule_id} \[\w+\]\s+\d+  ", lines[start])
        text = [lines[start][head.end():]]
        for line in lines[start + 1:]:
            if not line.startswith(" " * head.end()):
                break
            text.append(line.strip())
        wrapped += len(text) > 1
        assert " ".join(text) == " ".join(description.split()), rule_id
    assert wrapped  # at 90 columns the long descriptions take several lines
    rule_lines = [ln for ln in lines if re.match(r"\s+[A-Z]\d\d \[", ln) or ln.startswith(" " * 20)]
    assert all(display_width(ln) <= 90 for ln in rule_lines)
