"""The finishing steps on the built site, in order (called once, last, from site_build/finish/__init__.py).

1. the 404 page and the sitemap are made honest about the public address (site_links),
2. the site's own JS/CSS move to a content-hashed folder (asset_hashes),
3. pages that run the checker start its worker from <head> (runtime_pages),
4. deploy/nginx.conf gets the CSP hashes of the inline scripts now in the HTML (csp),
5. every compressible file gets .br and .gz copies (compress) — last, after every rewrite.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from site_build.finish import asset_hashes, compress, csp, runtime_pages, site_links

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS_ASSETS = REPO_ROOT / "docs" / "assets"


def finish_site(site: Path, pyodide_dir: Path, site_url: str) -> None:
    site_links.fix_without_site_url(site, site_url)
    assets_folder = asset_hashes.version_assets(site, DOCS_ASSETS, urlsplit(site_url).path or "/")
    runtime_pages.add_worker_start(site, assets_folder, pyodide_dir.relative_to(site).as_posix())
    # Only the repository's own build (site/) speaks for deploy/nginx.conf: `mkdocs serve` (a temporary
    # folder with the live-reload page script) and test builds elsewhere must not rewrite it.
    if site.resolve() == (REPO_ROOT / "site").resolve() and csp.update_conf(site):
        print(f"post_build: CSP hashes in {csp.NGINX_CONF.relative_to(REPO_ROOT)} updated — commit it")
    compress.compress_tree(site, REPO_ROOT / "build" / "compressed")
