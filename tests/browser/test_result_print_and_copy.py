"""What leaves the checker page: the printout brought to the counter and the copied summary (issue 18).

A sample of golden cases in the browser (one per verdict, plus the longest materials list); the
summary's length over every golden case is Python's (display.summary), tested in tests/checker.
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checker import check
from checker_steps import VERDICT_TIMEOUT_MS, shared_query

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checker"))
from golden import load_cases  # noqa: E402  (tests/checker/golden.py: the one loader of the cases)

FORM_FALSE = {"today"}          # answers a golden case fixes that the page's form does not ask
SUMMARY_LIMIT = 600             # characters, the link not counted (issue 18)
MIN_PRINT_PX = 14               # 10.5 pt


def _items(display: dict, section: str) -> int:
    return sum(len(s["items"]) for s in display["sections"] if s["id"] == section)


def sample_cases() -> list[dict]:
    """One valid case per verdict, and the one with the longest materials list."""
    cases = []
    for case in load_cases():
        answers = {k: v for k, v in case["answers"].items() if k not in FORM_FALSE}
        result = check(answers)
        if not result["errors"]:
            cases.append({"name": case["name"], "answers": answers, "result": result})
    picked = {}
    for case in cases:
        picked.setdefault(case["result"]["verdict"], case)
    longest = max(cases, key=lambda c: _items(c["result"]["display"], "evidence"))
    return list({c["name"]: c for c in [*picked.values(), longest]}.values())


CASES = sample_cases()


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai", permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.bring_to_front()           # the Clipboard API only writes from the focused tab
    yield tab
    context.close()


def open_case(page, site_url, case) -> None:
    page.goto(site_url + "checker/#" + shared_query(case["answers"]), wait_until="load")
    page.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)


SHOWN_WHEN_PRINTED = """sel => [...document.querySelectorAll(sel)].filter(el => el.getClientRects().length > 0)
    .map(el => el.id || el.className || el.tagName)"""


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_printout_is_readable_complete_and_leads_back(phone, site_url, case):
    open_case(phone, site_url, case)
    display = case["result"]["display"]
    phone.emulate_media(media="print")
    try:
        sizes = phone.eval_on_selector_all(
            "#checker-result li, #checker-result p, #checker-answers dd, #checker-print-meta",
            "els => els.filter(e => e.getClientRects().length).map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= MIN_PRINT_PX, min(sizes)
        # Nothing cut: every item of every section the checker wrote is printed (materials in full).
        for section in display["sections"]:
            printed = phone.locator(f"#checker-result .yzt-result__section--{section['id']} > ul > li")
            visible = printed.evaluate_all("els => els.filter(e => e.getClientRects().length).length")
            assert visible == len(section["items"]), section["id"]
        # The check date and the reopen link, as text.
        assert phone.locator("#checker-print-meta").is_visible()
        assert phone.inner_text("#checker-print-date") == display.get("checked_on", case["result"]["today"])
        assert phone.inner_text("#checker-print-link") == phone.evaluate("location.href")
        # No interactive chrome: buttons, the form, 修改/回答 links, the site's header and footer.
        chrome = phone.evaluate(SHOWN_WHEN_PRINTED, "button, input, select, textarea, a[href^='#q-'], #checker-to-answers, "
                                ".md-header, .md-footer, .md-sidebar, .md-search")
        assert chrome == [], chrome
    finally:
        phone.emulate_media(media="screen")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_copied_summary_starts_with_the_answers_and_reopens_the_result(phone, browser, site_url, case):
    open_case(phone, site_url, case)
    shown = phone.inner_text("#checker-result")
    phone.locator("#checker-copy").click()
    phone.wait_for_function("document.getElementById('checker-copy-status').textContent.includes('已复制')")
    text = phone.evaluate("navigator.clipboard.readText()")
    body, last = text.rsplit("\n", 1)
    first_row = phone.locator("#checker-answers .yzt-summary__row").first
    assert text.startswith(first_row.locator("dt").inner_text() + "：" + first_row.locator("dd").first.inner_text())
    assert body == "\n".join(case["result"]["display"]["summary"]["lines"])   # the checker's words, nothing added
    assert len(body) <= SUMMARY_LIMIT, len(body)
    link = last[last.index("http"):]
    assert urlsplit(link).query == "" and urlsplit(link).fragment == urlsplit(phone.url).fragment
    other = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        other.goto(link, wait_until="load")
        other.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
        assert other.inner_text("#checker-result") == shown
    finally:
        other.close()
