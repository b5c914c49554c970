"""Issue 14: answers never reach a server, and the page survives hostile links and failures.

A logging server (the built site/, every request's path and Referer recorded) stands in for a host's
access log.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlencode

import pytest

from checker_steps import VERDICT_TIMEOUT_MS, wait_for_verdict

SITE = Path(__file__).resolve().parents[2] / "site"

ANSWERS = {"notice": "2025-bigdata", "path": "normal", "level": "intermediate", "employer": "private",
           "insurance_months": "37", "aid_service_years": "2"}
# What a log line would betray: answer keys and distinctive values (not bare numbers such as 37,
# which a port number can hold, nor short words like "normal" that asset names contain).
SECRETS = ["2025-bigdata", "intermediate", "insurance_months", "aid_service_years", "employer=", "private"]


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - fixed by the base class
        pass

    def do_GET(self):
        self.server.log.append((unquote(self.path), unquote(self.headers.get("Referer") or "")))
        super().do_GET()


@pytest.fixture
def logging_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_LoggingHandler, directory=str(SITE)))
    server.daemon_threads = True
    server.log = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _leaks(log) -> list:
    return [entry for entry in log for part in entry if any(secret in part for secret in SECRETS)]


def test_shared_link_and_reload_leave_no_answer_in_the_log_or_referer(page, logging_site):
    server, base = logging_site
    page.goto(base + "checker/#" + urlencode(ANSWERS), wait_until="load")
    wait_for_verdict(page)
    page.reload(wait_until="load")
    wait_for_verdict(page)
    assert len(server.log) > 10
    assert _leaks(server.log) == []
    assert all(path.startswith("/checker/") or "?" not in path for path, _ in server.log)


def test_old_query_link_moves_into_the_fragment_before_anything_else_is_requested(page, logging_site):
    server, base = logging_site
    page.goto(base + "checker/?" + urlencode({**ANSWERS, "utm_source": "wechat"}), wait_until="load")
    assert wait_for_verdict(page) != "invalid"           # utm_source is ignored, not an error
    assert page.evaluate("location.search") == ""
    fragment = page.evaluate("location.hash")
    assert "insurance_months=37" in fragment and "utm_source" not in fragment
    # Only the document request itself carried the old link; no asset request, no Referer.
    assert [entry for entry in _leaks(server.log)] == [server.log[0]]
    first = len(server.log)
    page.reload(wait_until="load")
    wait_for_verdict(page)
    assert _leaks(server.log[first:]) == []


def test_every_page_asks_for_no_referrer(open_page):
    for path in ["", "checker/", "fees/"]:
        page = open_page(path)
        assert page.get_attribute("meta[name=referrer]", "content") == "no-referrer"


def test_malformed_fragment_is_ignored(page, site_url):
    page.goto(site_url + "checker/#q-%", wait_until="load")
    page.wait_for_selector("#checker-form-view:not([hidden])")
    page.goto(site_url + "checker/#notice=2025-bigdata&%E0%A4%A=1&level=intermediate", wait_until="load")
    assert wait_for_verdict(page) != "invalid"
    assert page.console_errors == []


def test_infinite_number_in_a_link_is_an_error_not_unanswered(page, site_url):
    answers = {**ANSWERS, "insurance_months": "9" * 400}
    page.goto(site_url + "checker/#" + urlencode(answers), wait_until="load")
    assert wait_for_verdict(page) == "invalid"
    text = page.inner_text("#checker-result")
    assert "「社保缴费月数」请填写0到1200之间的整数" in text and "insurance_months" not in text
    assert "Infinity" not in page.inner_text("#checker-answers")


def test_inline_error_summary_links_to_the_field(page, site_url):
    """Issue 10 acceptance: an invalid value gives the error summary; its link focuses the field."""
    page.goto(site_url + "checker/#" + urlencode(ANSWERS), wait_until="load")
    wait_for_verdict(page)
    page.locator("#checker-to-answers").click()
    assert page.evaluate("document.activeElement.id") == "checker-answers-heading"
    page.locator("#checker-answers a[href='#q-insurance_months']").click()       # 修改
    field = page.locator("#q-insurance_months-input")
    field.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "q-insurance_months-input"
    field.fill("9" * 400)
    page.locator("#checker-submit").click()
    summary = page.locator("#checker-error-summary")
    summary.wait_for(state="visible")
    link = summary.locator("a")
    assert link.inner_text().startswith("「社保缴费月数」请填写0到1200之间的整数")
    assert "insurance_months" not in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "checker-error-summary"
    assert "yzt-q--error" in page.get_attribute("#q-insurance_months", "class")
    link.click()
    assert page.evaluate("document.activeElement.id") == "q-insurance_months-input"
    assert "9" * 10 not in page.evaluate("location.href")      # nothing was sent or stored
    field.fill("40")
    page.locator("#checker-submit").click()
    wait_for_verdict(page)
    assert page.evaluate("document.activeElement.id") == "checker-answers-heading"   # back to check-your-answers


def test_none_of_the_notices_leads_to_plain_guidance_and_the_hotline(page, site_url):
    page.goto(site_url + "checker/", wait_until="load")
    page.locator("label[for=q-notice-none]").click()
    guidance = page.locator("#checker-no-notice")
    guidance.wait_for(state="visible")
    assert "023-12333" in guidance.inner_text()
    page.locator("#checker-submit").click()
    assert page.evaluate("location.hash") == ""


def test_checker_script_failing_to_load_shows_the_fallback_at_once(page, site_url):
    page.route("**/checker/checker.js", lambda route: route.abort())   # assets/<hash>/checker/checker.js
    page.goto(site_url + "checker/", wait_until="load")
    page.locator("#checker-fallback").wait_for(state="visible", timeout=2000)
    assert "需要 JavaScript" not in page.inner_text("#checker-status")


def test_without_javascript_every_question_shows_and_nothing_submits(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    requests = []
    try:
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(site_url + "checker/", wait_until="load")
        questions = page.locator("#checker-form .yzt-q")
        total = questions.count()
        visible = sum(questions.nth(i).is_visible() for i in range(total))
        assert visible == total - page.locator("details.yzt-more .yzt-q").count()
        assert "查看结果需要启用 JavaScript" in page.inner_text("#checker-form-view")
        assert not page.locator("#checker-submit").is_visible()
        page.locator("#q-specialty-input").fill("机械")
        page.locator("#q-specialty-input").press("Enter")
        page.wait_for_timeout(300)
        assert page.url == site_url + "checker/" and not any("机械" in unquote(url) for url in requests)
    finally:
        context.close()


def test_loading_a_shared_link_says_it_is_computing(page, site_url):
    page.route("**/pyodide/**", lambda route: None)     # never answered: the runtime stays "loading"
    page.goto(site_url + "checker/#" + urlencode(ANSWERS), wait_until="domcontentloaded")
    page.locator("#checker-result-view").wait_for(state="visible", timeout=VERDICT_TIMEOUT_MS)
    assert "正在计算" in page.inner_text("#checker-result")
    assert "你可以先回答问题" not in page.inner_text("#yzt-checker")
