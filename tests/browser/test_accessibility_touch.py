"""Touch and text at 360×740 on every page type (issue 19, GB/T 37668, 适老化):

- every control and stand-alone link (修改, 重新开始, clause cites, ¶, phone numbers) is at least
  44×44 CSS px — links inside running text are exempt; the list of smaller ones is printed (empty);
- the body text is at least 16 px and no visible text is under 14 px (tables included);
- the 大字 switch sets the body text to at least 20 px, keeps every page free of sideways scroll,
  and persists across pages (localStorage: a display preference, not an answer); a 24 px browser
  default font does not make any page scroll sideways either.
One page load per page type; 大字 is switched on and off on that same load.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker_steps import VERDICT_TIMEOUT_MS
from test_layout import PAGE_TYPES

SCAN = (Path(__file__).parent / "touch_scan.js").read_text(encoding="utf-8")


def _large(tab, on: bool):
    button = tab.locator("[data-yzt-text-size]")
    if (button.get_attribute("aria-pressed") == "true") != on:
        button.click()
    tab.wait_for_function("(on) => document.documentElement.classList.contains('yzt-large') === on", arg=on)


@pytest.mark.parametrize("name, path", PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_targets_and_text_at_360(phone, site_url, name, path):
    tab = phone.new_page()
    try:
        tab.goto(site_url + path, wait_until="load")
        if name == "checker-result":
            tab.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
        normal = tab.evaluate(SCAN)
        print(f"\n{name}: controls under 44×44: {normal['small']}; text under 14 px: {normal['tiny']}; "
              f"body {normal['body']} px")
        assert normal["small"] == [], normal["small"]
        assert normal["tiny"] == [], normal["tiny"]
        assert normal["body"] >= 16
        _large(tab, True)
        large = tab.evaluate(SCAN)
        print(f"{name} 大字: body {large['body']} px, page {large['scroll']} px wide in {large['width']}")
        assert large["body"] >= 20
        assert large["scroll"] <= large["width"], f"{name} scrolls sideways with 大字"
        _large(tab, False)
        # A reader whose browser default is 24 px (×1.25 in the theme): still no sideways scroll.
        tab.evaluate("document.documentElement.style.fontSize = '187.5%'")
        big_default = tab.evaluate(SCAN)
        assert big_default["scroll"] <= big_default["width"], f"{name} scrolls sideways with a 24 px default font"
    finally:
        tab.close()


def test_large_text_persists_across_pages(phone, site_url):
    tab = phone.new_page()
    try:
        tab.goto(site_url, wait_until="load")
        _large(tab, True)
        tab.goto(site_url + "offices/", wait_until="load")
        assert tab.evaluate("document.documentElement.classList.contains('yzt-large')")
        assert tab.get_attribute("[data-yzt-text-size]", "aria-pressed") == "true"
        _large(tab, False)
        tab.reload(wait_until="load")
        assert not tab.evaluate("document.documentElement.classList.contains('yzt-large')")
    finally:
        tab.close()


def test_404_says_so_in_chinese_and_offers_search_and_the_pages(phone, site_url):
    tab = phone.new_page()
    try:
        tab.goto(site_url + "404.html", wait_until="load")   # the test server has no 404 handler; nginx serves it
        assert "找不到这个页面" in tab.inner_text("h1")
        assert "Not found" not in tab.inner_text("article")
        links = tab.locator(".yzt-404-links a")
        titles = links.all_inner_texts()
        assert "检查是否符合条件" in titles and "区县职改办通讯录" in titles, titles
        tab.click("[data-yzt-open-search]")
        assert tab.evaluate("document.getElementById('__search').checked")
        assert tab.evaluate("document.activeElement.classList.contains('md-search__input')")
    finally:
        tab.close()
