"""The theme's single-letter shortcuts never act on the form pages (issue 19, WCAG 2.1.4).

Material's keyboard handler (on window) opened the next page on "n" and the previous on "p" — with or
without Alt — from a radio button or a button; the site's own search opened on "s". Pressing "n" on a
checker radio threw the answers away, and the agent desk's documented Alt+N ("清空并回到第一题")
left the page. Here every such key is pressed from every kind of focused control on both pages: the
page stays (same URL, same document), the search stays closed, and on the agent page Alt+N clears.
"""
from __future__ import annotations

import pytest

from agent_steps import wait_until_ready
from checker_steps import golden_cases, shared_query

KEYS = ["n", "p", "s", "f", ",", ".", "Alt+n", "Alt+p"]
# One control of each kind a keyboard user can stand on (the header's checkboxes are hidden: the
# drawer and search toggles are labels, not stops; neither page has a visible checkbox).
FOCUS_KINDS = {
    "radio": ".md-content input[type=radio]",
    "button": ".md-content button:not([disabled])",
    "combobox": ".md-content [role=combobox]",   # the 区县 select, enhanced
    "link": ".md-content a[href]",
    "summary": ".md-content summary",
    "body": None,
}
PAGES = {"checker": "checker/", "agent": "agent/"}


def _checker_at_district() -> str:
    """The checker's form opened at the 区县 question (a 修改 link's fragment), so the combobox shows."""
    case = next(c for c in golden_cases() if c["answers"].get("district"))
    return "#edit=district&" + shared_query(case["answers"])


def _focus(tab, selector):
    """Focus the first visible control matching `selector` (None: the page body); its description."""
    return tab.evaluate("""(selector) => {
        if (!selector) { document.activeElement && document.activeElement.blur(); return 'BODY'; }
        const el = [...document.querySelectorAll(selector)].find(e => e.getClientRects().length
            && getComputedStyle(e).visibility !== 'hidden');
        if (!el) return null;
        el.focus();
        return document.activeElement === el ? el.tagName + (el.id ? '#' + el.id : '') : null;
    }""", selector)


@pytest.mark.parametrize("name", list(PAGES))
def test_theme_shortcuts_never_leave_the_page_or_open_search(page, site_url, name):
    url = site_url + PAGES[name]
    page.goto(url + (_checker_at_district() if name == "checker" else ""), wait_until="load")
    if name == "agent":
        wait_until_ready(page)
    page.evaluate("window.__yztSamePage = true")   # lost if any key navigated, even to the same URL
    pressed = 0
    for kind, selector in FOCUS_KINDS.items():
        if name == "agent":
            page.locator("#agent-form label[for='a-employer-2']").click()
        where = _focus(page, selector)
        assert where, f"{name}: no focusable {kind}"
        for key in KEYS:
            if kind == "combobox" and "Alt" not in key:
                continue      # a letter typed into the 区县 box is typing, not a shortcut
            if name == "agent":   # Alt+N cleared the call: a district employer shows 区县 again
                page.locator("#agent-form label[for='a-employer-2']").click()
            assert _focus(page, selector) == where
            page.keyboard.press(key)
            pressed += 1
            state = page.evaluate("() => ({same: window.__yztSamePage === true, url: location.href,"
                                  " search: document.getElementById('__search').checked})")
            assert state["same"] and state["url"].split("#")[0] == url, f"{name}: {key} on {where} left the page"
            assert not state["search"], f"{name}: {key} on {where} opened the search"
            page.keyboard.press("Escape")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__yztSamePage === true")
    print(f"\n{name}: {pressed} key presses from {len(FOCUS_KINDS)} kinds of focus, the page stayed")


def test_agent_alt_n_clears_from_every_focus(page, site_url):
    page.goto(site_url + "agent/", wait_until="load")
    wait_until_ready(page)
    page.evaluate("window.__yztSamePage = true")
    for kind, selector in FOCUS_KINDS.items():
        page.locator("#agent-form label[for='a-employer-2']").click()   # an answer to clear; 区县 shows
        assert page.locator("#agent-form input:checked").count() == 1
        where = _focus(page, selector)
        assert where, f"agent: no focusable {kind}"
        page.keyboard.press("Alt+n")
        page.wait_for_function("() => !document.querySelector('#agent-form input:checked')", timeout=5000)
        assert page.evaluate("window.__yztSamePage === true"), f"Alt+N on {where} left the page"
