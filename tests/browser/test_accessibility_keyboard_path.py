"""One checker persona, keyboard only at 1280×800, from page load to the result in ≤ 40 keystrokes
(issue 19: 87 keystrokes before, 66 of them Tab, because every hint's clause links were tab stops).

The walk is a visitor's: Tab moves on, the arrow keys (or Space for the first option) choose a radio,
the 区县 box takes the district's name and Enter, a number box the digits, Enter on 查看结果 submits. The skip link
("跳转至内容") is the first stop, as on every page of the theme. The count is printed.
"""
from __future__ import annotations

import json

from checker_steps import VERDICT_TIMEOUT_MS, golden_cases, query_value

BUDGET = 40


def _persona() -> dict:
    """The shared-link persona of test_layout.py: the first golden case that names a district (its
    `today`, kept behind 更多选项, is left to the visitor's clock)."""
    return next(c for c in golden_cases() if c["answers"].get("district"))


def test_checker_persona_by_keyboard_within_budget(browser, site_url):
    case = _persona()
    answers = {k: query_value(v) for k, v in case["answers"].items() if k != "today"}
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai")
    tab = context.new_page()
    keys, stops = [], []

    def press(key):
        keys.append(key)
        tab.keyboard.press(key)

    try:
        tab.goto(site_url + "checker/", wait_until="load")
        press("Tab")
        assert tab.evaluate("document.activeElement.classList.contains('md-skip')"), "the first stop is the skip link"
        press("Enter")
        done = set()
        while len(keys) <= BUDGET + 20:
            press("Tab")
            focused = tab.evaluate("""() => { const e = document.activeElement, q = e.closest('.yzt-q');
                return {tag: e.tagName, type: e.type || '', role: e.getAttribute('role') || '', id: e.id,
                        key: q ? q.dataset.key : null,
                        options: q ? [...q.querySelectorAll('input[type=radio]')].map(r => r.value) : [],
                        at: q ? [...q.querySelectorAll('input[type=radio]')].indexOf(e) : -1}; }""")
            key = focused["key"]
            stops.append(focused["id"] or focused["tag"])
            if focused["id"] == "checker-submit":
                press("Enter")
                break
            if key is None or key in done or key not in answers:
                continue          # a link, a question left blank, or the rest of a chosen radio group
            if focused["type"] == "radio":
                target = focused["options"].index(answers[key])
                if target == focused["at"]:
                    press("Space")
                for _ in range(target - focused["at"]):
                    press("ArrowDown")
            elif focused["role"] == "combobox":
                label = answers[key]      # the district's name is its value
                keys.extend(label)
                tab.keyboard.type(label)
                press("Enter")
            else:                         # a number or a text box
                keys.extend(answers[key])
                tab.keyboard.type(answers[key])
            done.add(key)
        tab.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
        shown = tab.evaluate("location.hash")
        print(f"\n{case['id']}: {len(keys)} keystrokes to the result (budget {BUDGET}); "
              f"{keys.count('Tab')} Tab; answers {json.dumps(answers, ensure_ascii=False)}\nkeys: {' '.join(keys)}\n"
              f"tab stops: {' '.join(stops)}")
        assert done == set(answers), f"unanswered: {set(answers) - done}"
        assert stops[0].startswith("q-"), f"after the skip link the first stop is {stops[0]}, not the first question"
        assert len(keys) <= BUDGET, (keys, stops)
        for k, v in answers.items():
            assert f"{k}=" in shown, f"{k} missing from the result's answers: {shown}"
    finally:
        context.close()


def test_search_overlay_errors_and_scroll_under_the_header(browser, site_url):
    """Tabbing through the header search leaves no dimmed overlay over the form; a field's error is
    read with it (aria-describedby); the error link stops the question below the sticky header."""
    case = next(c for c in golden_cases() if "insurance_months" in c["answers"])
    fragment = "#edit=insurance_months&" + "&".join(
        f"{k}={query_value(v)}" for k, v in case["answers"].items() if k not in ("insurance_months", "district"))
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    tab = context.new_page()
    try:
        tab.goto(site_url + "checker/", wait_until="load")
        tab.focus(".md-search__input")
        tab.keyboard.press("Tab")
        assert not tab.evaluate("document.getElementById('__search').checked"), "focus alone opened the search overlay"
        tab.focus(".md-search__input")
        tab.keyboard.type("评审费", delay=20)
        assert tab.evaluate("document.getElementById('__search').checked"), "typing did not open the search"
        tab.keyboard.press("Escape")

        tab.goto(site_url + "checker/" + fragment, wait_until="load")
        tab.fill("#q-insurance_months-input", "99999")
        tab.click("#checker-submit")
        tab.wait_for_selector("#checker-error-summary:not([hidden])")
        described = tab.evaluate("""() => (document.getElementById('q-insurance_months-input')
            .getAttribute('aria-describedby') || '').split(' ').map(id => document.getElementById(id).textContent).join(' ')""")
        error = tab.text_content("#q-insurance_months-error")
        assert error and error in described, (error, described)
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.click("#checker-error-list a")
        header = tab.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        top = tab.evaluate("document.getElementById('q-insurance_months').getBoundingClientRect().top")
        assert top >= header, f"the question's top ({top}) is under the sticky header (bottom {header})"
        assert tab.evaluate("document.activeElement.id") == "q-insurance_months-input"
    finally:
        context.close()
