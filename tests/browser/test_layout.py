"""Every page type on a 360×740 phone and a 1280×800 desktop: nothing scrolls sideways, every request
stays local, axe-core (WCAG A/AA + best-practice, axe_audit.py) finds no violation and leaves nothing
"needs review", and a full-page screenshot of each is kept in test-artifacts/screenshots/ for a
reviewer to look at."""
from __future__ import annotations

from pathlib import Path

import pytest

from notice_folders import notice_folders

from axe_audit import audit
from checker_steps import VERDICT_TIMEOUT_MS, golden_cases, shared_query

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SIZES = {"phone": (360, 740), "desktop": (1280, 800)}
TABLET = (768, 1024)


def _checker_result_path() -> str:
    case = next(c for c in golden_cases() if c["answers"].get("district"))
    return "checker/?" + shared_query(case["answers"])


# (page type, path); the checker result is a shared-answers link.
PAGE_TYPES = [
    ("start", ""), *((f"notice-{n}", f"notices/{n}/") for n in notice_folders()),
    ("timeline", "timeline/"), ("fees", "fees/"),
    ("routes", "routes/"), ("offices", "offices/"), ("evidence", "evidence/"), ("contacts", "contacts/"),
    ("faq", "faq/"), ("glossary", "glossary/"), ("compare", "compare/"), ("checker-form", "checker/"),
    ("checker-result", _checker_result_path()), ("agent", "agent/"), ("references", "references/"),
    ("about", "about/"), ("404", "404.html"),
]


@pytest.fixture(scope="module", params=list(SIZES), ids=list(SIZES))
def sized_context(request, browser):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai")
    yield request.param, context
    context.close()


def _open(context, url: str):
    tab = context.new_page()
    tab.requests, tab.console_errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.goto(url, wait_until="load")
    return tab


def _overflow(tab) -> dict:
    """The page's width against the viewport, the element sticking out furthest (for the message) and
    any box inside the article that scrolls sideways."""
    return tab.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        let worst = null;
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > width + 1 && (!worst || r.right > worst.right))
                worst = {right: Math.round(r.right), tag: el.tagName, cls: String(el.className).slice(0, 60)};
        }
        // A table in a scrolling box fits the page but still makes the reader scroll sideways.
        const scrollers = [...document.querySelectorAll('article *')]
            .filter(el => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
            .map(el => el.tagName + '.' + String(el.className).slice(0, 40));
        return {scroll: document.documentElement.scrollWidth, width, worst, scrollers};
    }""")


@pytest.mark.parametrize("name, path", PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_page_fits_the_screen_is_local_and_accessible(sized_context, site_url, only_local, name, path):
    size, context = sized_context
    tab = _open(context, site_url + path)
    try:
        if name == "checker-result":
            tab.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
        tab.wait_for_load_state("networkidle")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"{name}-{size}-{SIZES[size][0]}x{SIZES[size][1]}.png"
        tab.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
        only_local(tab)
        assert not [e for e in tab.console_errors if "404" not in e or name != "404"], tab.console_errors
        fit = _overflow(tab)
        assert fit["scroll"] <= fit["width"] and not fit["scrollers"], f"{name} scrolls sideways at {size}: {fit}"
        found = audit(tab)
        assert found["violations"] == [], found["violations"]
        assert found["incomplete"] == [], f"axe needs review: {found['incomplete']}"
    finally:
        tab.close()


def test_compare_page_is_stacked_cards_on_a_phone(browser, site_url, policy):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN")
    try:
        tab = _open(context, site_url + "compare/")
        row = tab.locator("table.yzt-compare tbody tr").first
        label = row.locator("th[scope=row]")
        cells = row.locator("td")
        # The row label spans the card (not a squeezed column), each notice's cell sits under it, named.
        assert label.bounding_box()["width"] > 250
        assert cells.count() == len(policy.notices)
        for i, notice in enumerate(policy.newest_first()):      # the columns' order on every page
            assert cells.nth(i).bounding_box()["width"] > 250
            assert cells.nth(i).evaluate("el => getComputedStyle(el, '::before').content").find(
                notice.meta["short_title"]) != -1
    finally:
        context.close()


def test_agent_page_is_usable_on_a_tablet_and_a_phone(browser, site_url):
    for width, height in (TABLET, SIZES["phone"]):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        try:
            tab = _open(context, site_url + "agent/")
            form = tab.locator("#agent-form").bounding_box()
            result = tab.locator("#agent-result").bounding_box()
            assert form["x"] >= 0 and form["x"] + form["width"] <= width, f"form {form} wider than {width}px"
            assert result["x"] + result["width"] <= width
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            if width == TABLET[0]:     # the result stays beside the questions, in the first screen
                assert result["x"] >= form["x"] + form["width"] and result["y"] < height
            # Every question control can be reached and is at least as wide as a finger.
            for control in tab.locator("#agent-form input:visible, #agent-form [role=combobox]:visible").all():
                box = control.bounding_box()
                assert box["x"] + box["width"] <= width
        finally:
            context.close()


def test_agent_card_titles_carry_no_permalink_mark(open_page):
    page = open_page("agent/")
    titles = page.locator(".yzt-agent-card__title").all_inner_texts()
    assert "万州区职改办" in titles
    assert not [t for t in titles if "¶" in t]
