"""Issue 20: one build command, two engines. The site built with Zensical (scripts/build --engine
zensical: generate → `zensical build` → `python -m site_build finish`) must be the site Material for
MkDocs builds: the same pages, clause anchors, main text, search index and results, and in the
browser the same checker verdict with zero third-party requests. What differs is in docs/dev/engines.md.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlencode, urljoin, urlsplit

import pytest

from built_pages import ParsedPage

REPO = Path(__file__).resolve().parents[2]
# A shared link a visitor might open (the privacy test's case): the verdict must not depend on the engine.
ANSWERS = {"notice": "2025-bigdata", "path": "normal", "level": "intermediate", "employer": "private",
           "insurance_months": "37", "aid_service_years": "2"}
QUERIES = ["评审费", "万州区职改办电话", "社保"]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    pytest.importorskip("zensical")
    out = tmp_path_factory.mktemp("zensical") / "site"
    run = subprocess.run([sys.executable, "-m", "site_build", "build", "--engine", "zensical", "--site-dir", str(out)],
                         cwd=REPO, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def pages(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def test_both_engines_build_the_same_pages_anchors_and_text(built_site, zensical_site):
    assert pages(zensical_site) == pages(built_site.root)
    assert "notices/2025-bigdata/index.html" in pages(zensical_site)     # the nav without the hook
    assert not any((root / "dev").exists() for root in (built_site.root, zensical_site)), "docs/dev/ is not the site"
    for rel in pages(built_site.root):
        material = ParsedPage((built_site.root / rel).read_text(encoding="utf-8"))
        zensical = ParsedPage((zensical_site / rel).read_text(encoding="utf-8"))
        # "__skip"/"__toc" are the themes' own chrome; every id the pages give (clause anchors) must match
        assert [i for i in zensical.ids if not i.startswith("__")] == [i for i in material.ids if not i.startswith("__")], rel
        assert " ".join(zensical.text.split()) == " ".join(material.text.split()), rel


def broken_links(root: Path) -> list[tuple[str, str]]:
    """(page, url) of every local href/src in the built HTML that names no file of the site, served
    under a sub-path (so that one `../` too many cannot hide behind the host's root)."""
    broken = []
    for rel in pages(root):
        page_url = "http://site/yzt/" + rel
        parsed = ParsedPage((root / rel).read_text(encoding="utf-8"))
        for url in [link["href"] for link in parsed.links] + [url for _, url in parsed.resources]:
            target = urlsplit(urljoin(page_url, url))
            if target.netloc != "site" or url.startswith("#"):
                continue        # another scheme or host (tel:, mailto:, the theme's credit link)
            path = unquote(target.path).removeprefix("/yzt/")
            if not target.path.startswith("/yzt/") or not (root / path).is_file() and not (root / path / "index.html").is_file():
                broken.append((rel, url))
    return broken


def test_every_link_of_either_engine_names_a_file_of_its_site(built_site, zensical_site):
    # Zensical rewrites relative URLs against the page's source file (docs/dev/engines.md): generation
    # must write them for it, or every citation link of the checker page is a 404.
    assert broken_links(zensical_site) == []
    assert broken_links(built_site.root) == []


def test_both_engines_give_the_same_search_results(built_site, zensical_site):
    from site_build.finish.search_eval import rank_in_node
    from site_build.finish.search_index import INDEX_PATH
    material = json.loads((built_site.root / INDEX_PATH).read_text(encoding="utf-8"))
    assert json.loads((zensical_site / INDEX_PATH).read_text(encoding="utf-8")) == material
    ranked = rank_in_node(zensical_site / INDEX_PATH, QUERIES)
    assert ranked == rank_in_node(built_site.root / INDEX_PATH, QUERIES)
    assert all(ranked["results"]), "every query finds something"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - fixed by the base class
        pass


def _served(root: Path):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _verdict_in_browser(browser, root: Path) -> tuple[str, str, list[str]]:
    server, base = _served(root)
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(base + "checker/#" + urlencode(ANSWERS), wait_until="load")
        page.wait_for_selector("#checker-result[data-verdict]", timeout=60_000)
        verdict = page.get_attribute("#checker-result", "data-verdict")
        text = " ".join(page.inner_text("#checker-result").split())
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    foreign = [u for u in requests if not (u.startswith(base) or u.startswith(("data:", "blob:")))]
    return verdict, text, foreign


def test_both_engines_give_the_same_verdict_in_the_browser_with_no_third_party_request(browser, built_site,
                                                                                          zensical_site):
    verdict, text, foreign = _verdict_in_browser(browser, zensical_site)
    assert foreign == []
    assert (verdict, text) == _verdict_in_browser(browser, built_site.root)[:2]
    assert verdict and text, "a verdict is shown"
