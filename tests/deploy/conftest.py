"""Fixtures for the deployment test: the built site behind Debian's nginx, and headless Chromium.

`deployed` (session): {"root": url, "subpath": url} of nginx serving site/ with deploy/nginx.conf
(tests/deploy/nginx_harness.py). `deploy_page` (function): a fresh context of the session's `browser`
(tests/conftest.py) per test (cold HTTP cache), its tab recording CSP violations
(`page.csp_violations`), responses (`page.responses`) and console errors (`page.console_errors`).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from nginx_harness import serve

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "site"
sys.path.insert(0, str(REPO / "tests" / "browser"))  # checker_steps: how a visitor drives the checker

RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture(scope="session")
def deployed(tmp_path_factory):
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict` first")
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").is_file()):
        pytest.fail("Debian's nginx is not installed: run scripts/setup (apt-get install nginx-light)")
    with serve(SITE, tmp_path_factory.mktemp("nginx")) as urls:
        yield urls


@pytest.fixture
def deploy_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai")
    context.add_init_script(RECORD_CSP)
    tab = context.new_page()
    tab.responses, tab.console_errors = [], []
    tab.on("response", lambda response: tab.responses.append(response))
    tab.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    tab.csp_violations = lambda: tab.evaluate("window.__cspViolations || []") + [
        text for text in tab.console_errors if "Content Security Policy" in text]
    yield tab
    context.close()
