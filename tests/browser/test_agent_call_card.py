"""A 12333 call answered by keyboard on 坐席模式: after ≤ 15 keystrokes from page load the verdict,
the office phone, the fee and the round status are all inside the 1280×800 viewport, and one
more keystroke (Alt+C) copies the 工单摘要. The test prints the counts."""
from __future__ import annotations

import pytest

from agent_steps import answer_by_keyboard, wait_until_ready

KEY_BUDGET = 15

# Hidden-style calls, each as the agent hears it, with the answers the call gives.
CALLS = [
    # What the caller says, and nothing more: the questions the call leaves open (公务员, 离退休 …)
    # stay in the card's 还需问 line for the agent to ask next.
    ("档案在外地的民营企业员工想评中级，去哪报、交多少钱（大数据，万州，社保交了两年）",
     {"notice": "2025-bigdata", "path": "normal", "level": "intermediate", "employer": "private",
      "big_data_work": True, "archive_location": "elsewhere", "workplace_in_chongqing": True,
      "insurance_months": 24, "district": "万州区"}),
    ("区县国企的工程师想评副高级大数据职称，找谁、多少钱（万州）",
     {"notice": "2025-bigdata", "path": "normal", "level": "deputy_senior", "employer": "district_soe",
      "big_data_work": True, "district": "万州区"}),
    ("已退休的人还能报大数据职称吗",
     {"notice": "2025-bigdata", "retired": True}),
]


@pytest.fixture
def desk(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.bring_to_front()
    tab.goto(site_url + "agent/", wait_until="load")
    wait_until_ready(tab)
    yield tab
    context.close()


def _in_viewport(page, selector: str) -> bool:
    return page.evaluate("""(sel) => { const el = document.querySelector(sel); if (!el) return false;
        const r = el.getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight; }""", selector)


@pytest.mark.parametrize("call,answers", CALLS, ids=[c[0] for c in CALLS])
def test_call_card_within_budget_and_copy_with_one_more_key(desk, call, answers):
    from checker import check
    result = check(answers)
    assert desk.evaluate("document.activeElement.closest('.yzt-q') && document.activeElement.closest('.yzt-q').dataset.key") == "notice"
    keys = answer_by_keyboard(desk, answers, from_lookup=False)
    desk.wait_for_selector(f"#agent-result[data-verdict='{result['verdict']}']")
    desk.wait_for_function("(h) => document.getElementById('agent-verdict').textContent === h", arg=result["display"]["headline"])
    card = result["display"]["card"]
    seen = {"verdict": _in_viewport(desk, "#agent-verdict"), "round": _in_viewport(desk, ".yzt-card__round")}
    assert desk.locator(".yzt-card__round").inner_text() == card["round"]
    if result["verdict"] != "ineligible":
        seen["phone"] = _in_viewport(desk, ".yzt-card__phone")
        seen["fee"] = _in_viewport(desk, ".yzt-card__fee")
        assert card["office"]["phones"][0]["display"] in desk.locator(".yzt-card__phone").inner_text()
        assert desk.locator(".yzt-card__fee").inner_text() == card["fee"]
    desk.keyboard.press("Alt+c")
    desk.wait_for_function("document.getElementById('agent-copy-status').textContent !== ''")
    copied = desk.evaluate("navigator.clipboard.readText()")
    print(f"\n{call}: {keys} keystrokes to the call card (budget {KEY_BUDGET}), +1 (Alt+C) to copy the 工单摘要; in view: {seen}")
    assert all(seen.values()), seen
    assert keys <= KEY_BUDGET
    assert desk.locator(".yzt-card__needs").count() == (1 if card["needs"] else 0)
    assert copied == desk.locator("#agent-summary").text_content() and result["display"]["headline"] in copied


def test_alt_n_clears_and_focuses_the_first_question_showing_only_what_applies(desk):
    total = desk.locator(".yzt-q[data-key]").count()
    shown = desk.locator(".yzt-q[data-key]:not([hidden])").count()
    assert shown < total                           # on load: only questions that apply
    desk.keyboard.press("1")
    desk.wait_for_function("document.getElementById('agent-result').dataset.verdict !== ''")
    assert desk.locator(".yzt-q[data-key]:not([hidden])").count() > shown
    desk.locator("#agent-lookup").focus()
    desk.keyboard.press("Alt+n")
    desk.wait_for_function("document.getElementById('agent-verdict').textContent === '尚未回答'")
    desk.wait_for_function("document.activeElement.closest('.yzt-q') && document.activeElement.closest('.yzt-q').dataset.key === 'notice'")
    assert desk.locator(".yzt-q[data-key]:not([hidden])").count() == shown


def test_a_shared_answers_link_opens_the_same_case(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + "agent/#notice=2025-bigdata&retired=true", wait_until="load")
    wait_until_ready(tab)
    tab.wait_for_selector("#agent-result[data-verdict='ineligible']")
    assert tab.locator("#a-retired input[value=true]").is_checked()
    context.close()
