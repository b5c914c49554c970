"""The finishing step, on a folder any engine built: python -m site_build finish SITE_DIR.

Runs after the engine rendered build/generated_docs/ (mkdocs: from the hook's on_post_build;
Zensical, or any other engine: from the command line):
1. the site search index, cut from the built pages (search_index),
2. Pyodide + the checker wheel + the memory snapshot copied in (pyodide_vendor),
3. the 404 page and sitemap, hashed asset URLs, the worker start, CSP, .br/.gz (post_build).
"""
from __future__ import annotations

from pathlib import Path

from site_build.finish import post_build, pyodide_vendor
from site_build.finish.pyodide_vendor import VendorError  # noqa: F401 (the hook reports it)
from site_build.finish.search_index import write_index


def finish(site: Path, site_url: str = "", policy=None, texts=None) -> None:
    """`policy`/`texts`: what generation loaded in this same process (the hook); else loaded here."""
    if policy is None:
        from policy_build.loader import load_policy
        from site_build.generate import FaqAndGlossary
        policy = load_policy()
        texts = FaqAndGlossary.load(policy)
    if not (site / "index.html").is_file():
        raise pyodide_vendor.VendorError(f"{site} 不是构建好的站点（没有 index.html）(not a built site)")
    write_index(site, policy, texts)
    # generation has just written rules.json from this policy: nothing to refresh
    runtime = pyodide_vendor.copy_into(site, pyodide_vendor.vendor_dir(rules_current=True))
    post_build.finish_site(site, runtime, site_url)
