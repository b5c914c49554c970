"""The built site served by Debian's nginx with deploy/nginx.conf works as a visitor expects.

Every page type loads without a single CSP violation, the checker shows a verdict, the agent page's
runtime becomes ready, search finds a page (also where the index is loaded only on first use), and
the responses carry the types, compression and caching the conf promises — at the site root and
under a sub-path.
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest

from checker_steps import golden_cases, shared_query, wait_for_verdict
from checker import check

SITE = Path(__file__).resolve().parents[2] / "site"
SEARCH_TERM = "评审费"
HASHED = re.compile(r"/assets/(pyodide/)?[0-9a-f]{16}/")
READY_MS = 60_000


def page_paths() -> list[str]:
    """Every HTML page of the built site, as the URL path a visitor opens."""
    paths = []
    for page in sorted(SITE.rglob("index.html")):
        folder = page.parent.relative_to(SITE).as_posix()
        paths.append("" if folder == "." else folder + "/")
    return paths


def _a_valid_case() -> dict:
    return next(case for case in golden_cases() if not check(case["answers"]).get("errors"))


def _search(page) -> None:
    page.click(".md-search__input, label[for='__search']")
    page.click(".md-search__input")
    page.keyboard.type(SEARCH_TERM, delay=20)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)


def _get(url: str, encodings: str = "br, gzip") -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encodings})
    with urllib.request.urlopen(request, timeout=10) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.mark.parametrize("base", ["root", "subpath"])
def test_every_page_loads_without_csp_violations(deployed, deploy_page, base):
    for path in page_paths():
        deploy_page.goto(deployed[base] + path, wait_until="load")
        deploy_page.wait_for_timeout(100)
        assert deploy_page.csp_violations() == [], (path, deploy_page.csp_violations())
    # Without site_url the 404 page's links are relative to the site's top folder (site_build/finish/site_links.py).
    deploy_page.goto(deployed[base] + "no-such-page", wait_until="load")
    assert deploy_page.locator("h1").count(), "the 404 page did not render"
    assert deploy_page.csp_violations() == []
    failed = [r.url for r in deploy_page.responses if r.status >= 400 and "no-such-page" not in r.url]
    assert not failed, failed


@pytest.mark.parametrize("base", ["root", "subpath"])
def test_checker_shows_a_verdict_with_the_right_types_and_caching(deployed, deploy_page, base):
    case = _a_valid_case()
    deploy_page.goto(deployed[base] + "checker/?" + shared_query(case["answers"]))
    assert wait_for_verdict(deploy_page) == check(case["answers"])["verdict"]
    assert deploy_page.csp_violations() == []
    by_name = {r.url.rsplit("/", 1)[-1]: r for r in deploy_page.responses}
    wasm, loader = by_name["pyodide.asm.wasm"], by_name["pyodide.mjs"]
    assert wasm.headers["content-type"] == "application/wasm"
    assert loader.headers["content-type"].startswith("application/javascript")
    assert wasm.headers.get("content-encoding") in ("br", "gzip")
    hashed = [r for r in deploy_page.responses if HASHED.search(r.url) and r.status == 200]
    assert hashed and all("immutable" in r.headers["cache-control"] for r in hashed)
    assert any(r.url.endswith("checker.js") for r in hashed), "the checker's own JS is not content-hashed"
    page_response = next(r for r in deploy_page.responses if "/checker/?" in r.url)
    assert page_response.headers["cache-control"] == "no-cache"
    assert page_response.headers["referrer-policy"] == "no-referrer"
    assert page_response.headers["x-content-type-options"] == "nosniff"
    assert not any(r.url.endswith("/search/index.json") for r in deploy_page.responses), "index loaded before search was used"
    _search(deploy_page)
    assert deploy_page.csp_violations() == []


def test_agent_page_runtime_becomes_ready(deployed, deploy_page):
    deploy_page.goto(deployed["root"] + "agent/")
    # (a selector, not wait_for_function: the CSP forbids the eval that would need)
    deploy_page.wait_for_selector("#yzt-agent[data-runtime='ready']", state="attached", timeout=READY_MS)
    assert deploy_page.csp_violations() == []


@pytest.mark.parametrize("base", ["root", "subpath"])
def test_search_works_on_a_content_page(deployed, deploy_page, base):
    deploy_page.goto(deployed[base] + "routes/", wait_until="load")
    _search(deploy_page)
    assert deploy_page.csp_violations() == []


def test_compressed_responses_for_wasm_and_the_search_index(deployed):
    pyodide = next((SITE / "assets" / "pyodide").iterdir()).name
    for path, kind in ((f"assets/pyodide/{pyodide}/pyodide.asm.wasm", "application/wasm"),
                       ("search/index.json", "application/json")):
        for encoding in ("br", "gzip"):
            headers, body = _get(deployed["root"] + path, encoding)
            assert headers["content-encoding"] == encoding, (path, headers)
            assert headers["content-type"].startswith(kind)
            assert len(body) < (SITE / path).stat().st_size * 0.8
            assert "accept-encoding" in headers.get("vary", "").lower()


def test_every_file_type_in_the_site_has_a_declared_type(deployed):
    """A new kind of file must be added to the conf's `types` block, or it is served as a download."""
    conf = (SITE.parent / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    declared = set(re.search(r"types \{(.*?)\}", conf, re.S).group(1).replace(";", " ").split())
    suffixes = {p.suffix for p in SITE.rglob("*") if p.is_file() and p.suffix not in (".br", ".gz", "")}
    for suffix in sorted(suffixes):
        assert suffix[1:] in declared, f"{suffix} files have no type in deploy/nginx.conf"
        sample = next(p for p in SITE.rglob("*" + suffix) if p.is_file())
        headers, _ = _get(deployed["root"] + sample.relative_to(SITE).as_posix(), "identity")
        assert headers["content-type"].split(";")[0] in declared


RUNTIME_NAMES = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide.mjs", "checker.js")


def test_every_precompressed_file_is_served_to_unprivileged_workers_with_an_empty_error_log(deployed):
    """issue 21 finding 2: atomic writes left every .br/.gz (and rules.json) mode 0600; Debian's nginx
    workers (www-data) got EACCES for each — one error-log line per request — and sent the raw runtime
    without `Vary` (wasm 9.6 MB instead of 3.1). Here the workers are unprivileged and the site is an
    `rsync -a` copy: every file with compressed copies is served as exactly those bytes."""
    served = []
    for original in sorted(p for p in SITE.rglob("*") if p.is_file() and p.suffix not in (".br", ".gz")):
        path = original.relative_to(SITE).as_posix()
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            packed = original.with_name(original.name + suffix)
            if not packed.is_file():
                continue
            headers, body = _get(deployed["root"] + path, encoding)
            assert headers.get("content-encoding") == encoding, (path, headers)
            assert body == packed.read_bytes(), path
            assert "accept-encoding" in headers.get("vary", "").lower(), (path, headers)
            served.append(original.name)
    assert set(RUNTIME_NAMES) <= set(served), sorted(set(RUNTIME_NAMES) - set(served))
    assert any(name.endswith(".bin") for name in served), "the memory snapshot is not served compressed"
    assert deployed["error_log"].read_text(encoding="utf-8", errors="replace") == ""
