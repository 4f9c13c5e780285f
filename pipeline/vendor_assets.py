"""Make the GX Data Docs work offline: the CSS, JS and fonts their pages load from CDNs are shipped in
`pipeline/assets/data_docs/` (see its README: versions, sources, licences); they are copied into the site and every
page is rewritten to load them by relative path. Links to remote pages are unwrapped (their text stays), so nothing
in the site reaches the network."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent / "assets" / "data_docs"
SITE_VENDOR_DIR = Path("static") / "vendor"  # inside a Data Docs site (local_site/)

# What the GX 1.x page templates load (great_expectations/render/view/templates/*.j2) -> the vendored file, relative
# to ASSETS_DIR. A URL not listed here is dropped from the page and named on stderr: add it here when GX changes.
CDN_FILES: dict[str, str] = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap-4.3.1/css/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap-4.3.1/js/bootstrap.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.js-1.12.9/umd/popper.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery-3.7.1/jquery.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css":
        "bootstrap-table-1.19.1/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js":
        "bootstrap-table-1.19.1/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table-1.19.1/extensions/filter-control/bootstrap-table-filter-control.min.js",
    # GX asks for the 1.19.0 stylesheet of the extension beside the 1.19.1 script: 1.19.1's is served for both.
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table-1.19.1/extensions/filter-control/bootstrap-table-filter-control.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table-1.19.1/extensions/filter-control/bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker-1.9.0/css/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker-1.9.0/js/bootstrap-datepicker.min.js",
    # The minified build of the same file of the same package version.
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "bootstrap-dark-1.1.0/css/bootstrap-prefers-dark.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css":
        "fontawesome-free-6.6.0/css/all.min.css",
    # jsDelivr serves a package's `jsdelivr` file for a bare `npm/<name>@<major>`: the latest release of that major.
    "https://cdn.jsdelivr.net/npm/vega@5": "vega-5.33.1/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite-5.23.0/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed-6.29.0/vega-embed.min.js",
}

_REMOTE = r"(?:https?:)?//"
_ASSET_ATTR = re.compile(rf'\b(src|href)="({_REMOTE}[^"]*)"')
# Subresource integrity and CORS mode of a CDN tag: a file:// page cannot load a script in CORS mode.
_CDN_ONLY_ATTRS = re.compile(r'\s+(?:integrity|crossorigin)="[^"]*"')
_TAG = re.compile(r"<(script|link)\b[^>]*>", re.IGNORECASE)
_REMOTE_LINK = re.compile(rf'<a\b[^>]*\bhref="{_REMOTE}[^"]*"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
# GX's footers (the newsletter, the tutorials bar) are made of links to its web site: dropped whole.
_GX_FOOTER = re.compile(r"<footer\b[^>]*>(?:(?!</footer>).)*?greatexpectations\.io(?:(?!</footer>).)*</footer>",
                        re.DOTALL)
_CSS_REMOTE_URL = re.compile(rf"url\(\s*['\"]?{_REMOTE}[^)]*\)")


def vendored_files() -> list[Path]:
    """Every shipped asset file (licences and README excluded), relative to ASSETS_DIR."""
    return sorted(p.relative_to(ASSETS_DIR) for p in ASSETS_DIR.rglob("*")
                  if p.is_file() and not p.name.startswith(("LICENSE", "README")))


def copy_assets(site_dir: Path) -> Path:
    """The vendored libraries (with their licences) into `<site>/static/vendor/`."""
    target = site_dir / SITE_VENDOR_DIR
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ASSETS_DIR, target)
    return target


def _relative(page: Path, target: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def rewrite_page(html: str, page: Path, vendor_dir: Path) -> tuple[str, list[str]]:
    """`html` with every CDN asset loaded from `vendor_dir` (relative to `page`) and no remote link left; also the
    remote URLs that had no vendored file (their attribute is dropped)."""
    unknown: list[str] = []

    def asset(match: re.Match) -> str:
        attr, url = match.groups()
        local = CDN_FILES.get(url)
        if local is None:
            unknown.append(url)
            return ""
        return f'{attr}="{_relative(page, vendor_dir / local)}"'

    def tag(match: re.Match) -> str:
        text = match.group(0)
        if not _ASSET_ATTR.search(text):
            return text
        return _ASSET_ATTR.sub(asset, _CDN_ONLY_ATTRS.sub("", text))

    def drop(match: re.Match) -> str:
        unknown.append(match.group(2))
        return ""

    html = _GX_FOOTER.sub("", html)
    html = _TAG.sub(tag, html)
    html = _REMOTE_LINK.sub(lambda m: m.group(1), html)
    html = _ASSET_ATTR.sub(drop, html)  # a remote reference of any other tag (img, iframe …)
    return _CSS_REMOTE_URL.sub("none", html), unknown


_STATIC_REF = re.compile(r'\b(src|href)="((?:\.\./|\./)*static/[^"#?]+)"')


def repair_static_refs(html: str, page: Path, site_dir: Path) -> str:
    """GX writes some `static/` references one folder short on its deepest pages (the validation results'
    favicon): point each one that misses at the site's own `static/` folder."""

    def repair(match: re.Match) -> str:
        attr, ref = match.groups()
        if (page.parent / ref).exists():
            return match.group(0)
        target = site_dir / "static" / ref.split("static/", 1)[1]
        return f'{attr}="{_relative(page, target)}"' if target.exists() else match.group(0)

    return _STATIC_REF.sub(repair, html)


# The navigation bar's brand link held GX's remote logo (dropped): it gets a name, and a link to the overview page.
_BRAND = re.compile(r'(<div class="float-left navbar-brand[^"]*">\s*<a href="[^"]*">)\s*(</a>)')


def label_navbar(html: str, page: Path, home: Path | None) -> str:
    back = f' <a class="ml-3" href="{_relative(page, home)}">&larr; 构建概览 Overview</a>' if home else ""
    return _BRAND.sub(lambda m: f"{m.group(1)}Data Docs{m.group(2)}{back}", html, count=1)


def localize_site(site_dir: Path, home: Path | None = None) -> list[str]:
    """Ship the assets into a built Data Docs site and point every page at them; `home` (the overview page) is
    linked from every page's navigation bar. Returns the remote URLs that were dropped because nothing vendored
    stands for them (empty when GX loads only what CDN_FILES lists)."""
    vendor_dir = copy_assets(site_dir)
    dropped: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        html, unknown = rewrite_page(page.read_text(encoding="utf-8"), page, vendor_dir)
        page.write_text(label_navbar(repair_static_refs(html, page, site_dir), page, home), encoding="utf-8")
        dropped += unknown
    for sheet in sorted((site_dir / "static").rglob("*.css")):
        if sheet.is_relative_to(vendor_dir):
            continue
        css = sheet.read_text(encoding="utf-8")
        if _CSS_REMOTE_URL.search(css):
            sheet.write_text(_CSS_REMOTE_URL.sub("none", css), encoding="utf-8")
    for url in sorted(set(dropped)):
        print(f"data docs: dropped {url} (not vendored; see pipeline/vendor_assets.py)", file=sys.stderr)
    return sorted(set(dropped))
