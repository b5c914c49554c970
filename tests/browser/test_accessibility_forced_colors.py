"""Forced colours (Windows contrast themes, emulated): the cues that lived in backgrounds and
box-shadows keep an edge (issue 19) — the verdict box, the buttons (复制工单摘要), the focused
control, the combobox's active option. Screenshots go to test-artifacts/forced-colors/ for review."""
from __future__ import annotations

from pathlib import Path

import pytest

from agent_steps import wait_until_ready
from checker_steps import VERDICT_TIMEOUT_MS
from test_layout import _checker_result_path

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "forced-colors"

EDGE = """(selector) => { const s = getComputedStyle(document.querySelector(selector));
    return {width: parseFloat(s.borderTopWidth), style: s.borderTopStyle, color: s.borderTopColor,
            background: s.backgroundColor}; }"""
FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
    return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), id: document.activeElement.id}; }"""


@pytest.fixture(scope="module")
def forced(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN",
                                  timezone_id="Asia/Shanghai", forced_colors="active")
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield context
    context.close()


def test_checker_verdict_box_and_focus_keep_edges(forced, site_url):
    tab = forced.new_page()
    try:
        assert tab.evaluate("matchMedia('(forced-colors: active)').matches")
        tab.goto(site_url + _checker_result_path(), wait_until="load")
        tab.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
        verdict = tab.evaluate(EDGE, ".yzt-panel")
        assert verdict["width"] >= 2 and verdict["style"] == "solid", verdict
        assert tab.evaluate(EDGE, "#checker-copy")["width"] >= 2
        tab.screenshot(path=str(SHOTS / "checker-result.png"))
        tab.goto(site_url + "checker/", wait_until="load")
        tab.focus("#q-notice-1")
        tab.keyboard.press("ArrowDown")      # keyboard focus: :focus-visible
        ring = tab.evaluate(FOCUS_RING)
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        tab.screenshot(path=str(SHOTS / "checker-focus.png"))
    finally:
        tab.close()


def test_agent_buttons_and_active_combobox_option_stay_visible(forced, site_url):
    tab = forced.new_page()
    try:
        tab.goto(site_url + "agent/", wait_until="load")
        wait_until_ready(tab)
        copy = tab.evaluate(EDGE, "#agent-copy")
        assert copy["width"] >= 2 and copy["style"] == "solid", copy       # 复制工单摘要 keeps its edge
        tab.locator("#agent-form label[for='a-employer-2']").click()
        box = tab.locator("#agent-form [role=combobox]")
        box.click()
        box.type("wz", delay=20)
        tab.wait_for_selector(".yzt-combobox__listbox li[data-active]")
        option = tab.evaluate(EDGE, ".yzt-combobox__listbox li[data-active]")
        listbox = tab.evaluate(EDGE, ".yzt-combobox__listbox")
        assert option["background"] != listbox["background"], (option, listbox)
        ring = tab.evaluate(FOCUS_RING)
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        tab.screenshot(path=str(SHOTS / "agent-combobox.png"))
    finally:
        tab.close()
