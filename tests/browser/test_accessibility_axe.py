"""axe-core (WCAG A/AA + best-practice, tests/browser/axe_audit.py): no violation and nothing left
"needs review" in the states a visitor reaches beyond a page load — the checker's error summary and
the agent desk with a result. Every page type as loaded (the checker's result included) is audited
the same way, at 360×740 and 1280×800, by test_layout.py."""
from __future__ import annotations

import pytest

from agent_steps import answer_by_keyboard, pick_golden_cases, wait_until_ready
from axe_audit import audit
from checker_steps import golden_cases, query_value


def _assert_clean(tab, state: str) -> None:
    found = audit(tab)
    print(f"\n{state}: violations {found['violations']}; needs review {found['incomplete']}")
    assert found["violations"] == [], found["violations"]
    assert found["incomplete"] == [], found["incomplete"]


def test_checker_error_summary_state(phone, site_url):
    case = next(c for c in golden_cases() if "insurance_months" in c["answers"])
    fragment = "#edit=insurance_months&" + "&".join(
        f"{k}={query_value(v)}" for k, v in case["answers"].items() if k != "insurance_months")
    tab = phone.new_page()
    try:
        tab.goto(site_url + "checker/" + fragment, wait_until="load")
        tab.fill("#q-insurance_months-input", "99999")
        tab.click("#checker-submit")
        tab.wait_for_selector("#checker-error-summary:not([hidden])")
        _assert_clean(tab, "checker-errors")
    finally:
        tab.close()


def test_agent_with_a_result(browser, site_url):
    # At the desk's 1280×800: on a phone the sticky call card covers questions while axe scrolls
    # each into view, and their contrast is then measured against the card.
    from checker import check
    case = pick_golden_cases(check)[0]
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai")
    tab = context.new_page()
    try:
        tab.goto(site_url + "agent/", wait_until="load")
        wait_until_ready(tab)
        answer_by_keyboard(tab, case["answers"], from_lookup=False)
        tab.wait_for_function("document.getElementById('agent-result').dataset.verdict !== ''")
        _assert_clean(tab, "agent-result")
    finally:
        context.close()
