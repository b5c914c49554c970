"""A 12333 call answered by keyboard on 坐席模式: after ≤ 12 keystrokes from page load the verdict,
the office phone (or the card's reason there is none), the fee and the round status are all
inside the 1280×800 viewport, and one more keystroke (Alt+C) copies the 工单摘要. A district typed
by its initials that two offices share (qj: 黔江区, 綦江区) is asked about, never picked by Tab.
The call card is no live region: only a changed verdict is announced. The test prints the counts."""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from agent_steps import answer_by_keyboard, wait_until_ready

KEY_BUDGET = 12
# 9 answers, two of them typed: "24"+Tab and 万州+Tab. "万" alone would be one key less, but it
# matches 万州区 and 万盛经开区 equally and is no longer picked silently (issue 19).
OVER_BUDGET = {"档案在外地的民营企业员工想评中级，去哪报、交多少钱（大数据，万州，社保交了两年）": 13}

# Hidden-style calls, each as the agent hears it, with the answers the call gives, and what the
# agent types into the 区县 box when it is not the name (initials as heard).
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
    # Issue 19: a 人才中心 is a personnel agency; the caller's is the city's, so there is no district
    # office (2025 四（二）3.（3）), and the card says why instead of asking for a district.
    ("自由职业者，档案放在人才中心，问能不能评初级",
     {"notice": "2025-bigdata", "level": "junior", "employer": "freelancer", "archive_location": "chongqing",
      "agency_level": "city"}),
    ("綦江区区属国企，2023，副高",
     {"notice": "2023-manufacturing", "level": "deputy_senior", "employer": "district_soe", "district": "綦江区"},
     {"district": "qj"}),
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


def _in_view_below_header(page, selector: str) -> bool:
    """Inside the viewport and not under the theme's sticky header."""
    return page.evaluate("""(sel) => { const el = document.querySelector(sel); if (!el) return false;
        const r = el.getBoundingClientRect(); const header = document.querySelector('.md-header');
        const top = header ? header.getBoundingClientRect().bottom : 0;
        return r.width > 0 && r.top >= top && r.bottom <= innerHeight; }""", selector)


@pytest.mark.parametrize("call", CALLS, ids=[c[0] for c in CALLS])
def test_call_card_within_budget_and_copy_with_one_more_key(desk, call):
    from checker import check
    answers = call[1]
    typed = call[2] if len(call) > 2 else None
    result = check(answers)
    assert desk.evaluate("document.activeElement.closest('.yzt-q') && document.activeElement.closest('.yzt-q').dataset.key") == "notice"
    keys = answer_by_keyboard(desk, answers, from_lookup=False, typed=typed)
    desk.wait_for_selector(f"#agent-result[data-verdict='{result['verdict']}']")
    desk.wait_for_function("(h) => document.getElementById('agent-verdict').textContent === h", arg=result["display"]["headline"])
    card = result["display"]["card"]
    seen = {"verdict": _in_view_below_header(desk, "#agent-verdict"), "round": _in_view_below_header(desk, ".yzt-card__round")}
    assert desk.locator(".yzt-card__round").inner_text() == card["round"]
    if result["verdict"] != "ineligible":
        seen["fee"] = _in_view_below_header(desk, ".yzt-card__fee")
        assert desk.locator(".yzt-card__fee").inner_text() == card["fee"]
        if card["office"]:
            seen["phone"] = _in_view_below_header(desk, ".yzt-card__phone")
            assert card["office"]["phones"][0]["display"] in desk.locator(".yzt-card__phone").inner_text()
        else:                      # no office on this route: the card says why, where the phone would be
            seen["no_office_reason"] = _in_view_below_header(desk, ".yzt-card__hint")
            assert desk.locator(".yzt-card__hint").inner_text() == card["office_hint"]
            assert desk.locator(".yzt-card__phone").count() == 0
    desk.keyboard.press("Alt+c")
    desk.wait_for_function("document.getElementById('agent-copy-status').textContent !== ''")
    copied = desk.evaluate("navigator.clipboard.readText()")
    print(f"\n{call[0]}: {keys} keystrokes to the call card (budget {KEY_BUDGET}), +1 (Alt+C) to copy the 工单摘要; in view: {seen}")
    assert all(seen.values()), seen
    assert keys <= OVER_BUDGET.get(call[0], KEY_BUDGET)
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


def test_only_a_changed_verdict_is_announced(desk):
    """The card is re-rendered on every answer; a screen reader hears the verdict only when it changes."""
    assert desk.locator("#agent-result [aria-live], #agent-result[aria-live]").count() == 0
    assert desk.locator("#agent-announce").get_attribute("role") == "status"
    desk.evaluate("""() => { const log = window.__log = {said: [], verdicts: [], renders: 0};
        const said = document.getElementById('agent-announce'), verdict = document.getElementById('agent-verdict');
        new MutationObserver(() => said.textContent && log.said.push(said.textContent))
            .observe(said, {childList: true, characterData: true, subtree: true});
        new MutationObserver(() => { log.renders += 1; log.verdicts.push(verdict.textContent); })
            .observe(document.getElementById('agent-card'), {childList: true, characterData: true, subtree: true}); }""")
    for key in ["1", "Tab", "2", "3", "Tab", "Tab", "5"]:   # 2025; 中级; 市属国企 …: the verdict changes less often
        answered = desk.evaluate("document.getElementById('agent-result').dataset.answered || ''")
        desk.keyboard.press(key)
        if key != "Tab":    # each answer gets its own render, however busy the machine is
            try:
                desk.wait_for_function("([a]) => { const r = document.getElementById('agent-result');"
                                       " return r.dataset.answered !== a && r.getAttribute('aria-busy') === null; }",
                                       arg=[answered], timeout=3000)
            except PlaywrightTimeout:   # a key that kept the answer (a digit waiting for its second)
                pass
        desk.wait_for_function("document.getElementById('agent-result').getAttribute('aria-busy') === null")
    desk.locator("#a-retired input[value=true]").focus()     # 离退休: the verdict changes
    desk.keyboard.press("Space")
    desk.wait_for_selector("#agent-result[data-verdict='ineligible']:not([aria-busy])")
    log = desk.evaluate("window.__log")
    changes = [v for i, v in enumerate(log["verdicts"]) if v not in ("正在计算……", "尚未回答") and (i == 0 or v != log["verdicts"][i - 1])]
    print(f"\n{log['renders']} card updates, {len(log['said'])} announcement(s): {log['said']}")
    assert log["said"] == [f"结果：{v}" for v in dict.fromkeys(changes)] or \
        log["said"] == [f"结果：{v}" for v in changes]
    assert log["renders"] > len(log["said"]) >= 2
