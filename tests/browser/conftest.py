"""Shared browser fixtures (site pages and the browser checker reuse them).

The built site in `site/` (run `mkdocs build` first; the session fails with a clear
message when it is missing) is served by Python's http.server on a free loopback port
in a background thread — it sends `.wasm` as `application/wasm`, which Pyodide needs.
Debian's `chromium` is driven headless by Playwright (never `playwright install`).

Fixtures
- `site_url` (session): base URL of the local server, ending in "/", e.g. "http://127.0.0.1:41234/".
- `browser` (session, tests/conftest.py): one Chromium for the whole session, shared with tests/deploy/.
- `browser_context` (session): one context (360x800 viewport, zh-CN, Asia/Shanghai) shared by tests.
- `page` (function): a new tab in that context. `page.requests` lists every request URL the
  tab made and `page.console_errors` every console error / uncaught page error, so a test can
  assert e.g. `assert_only_local(page, site_url)`. The tab is closed after the test.
- `open_page(path)` (function): `page.goto(site_url + path)` waiting for "load"; returns the page.

- `only_local` (function): call `only_local(page)`; fails unless every request of the tab went to
  the local server (or data:/blob:).
- `axe` (function): `axe(page)` injects node_modules/axe-core/axe.min.js, runs axe-core on the page
  and returns its serious/critical violations as a list of {id, impact, help, nodes}.
The plain functions `assert_only_local(page, site_url)` and `axe_violations(page, impacts)` back them.
"""
from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "site"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@pytest.fixture(scope="session")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict` first")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_context(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 800},
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
    )
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    tab = browser_context.new_page()
    tab.requests = []
    tab.console_errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    tab.close()


@pytest.fixture
def open_page(page, site_url):
    def _open(path: str = ""):
        page.goto(site_url + path, wait_until="load")
        return page
    return _open


def assert_only_local(page, site_url: str) -> None:
    foreign = [url for url in page.requests
               if not (url.startswith(site_url) or url.startswith(("data:", "blob:")))]
    assert not foreign, f"requests to other hosts: {foreign}"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"] if v["impact"] in impacts
    ]


@pytest.fixture
def only_local(site_url):
    return lambda tab: assert_only_local(tab, site_url)


@pytest.fixture
def axe():
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core is missing: run `scripts/setup`")
    return axe_violations


@pytest.fixture(scope="module")
def phone(browser):
    """A 360×740 phone (zh-CN, China time), shared by the tests of one module."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai")
    yield context
    context.close()


@pytest.fixture(scope="module")
def desk(browser):
    """A 12333 desk screen (1280×900, zh-CN, China time) with clipboard access, so a test reads what
    复制工单摘要 really copied; shared by the tests of one module."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai", permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()
