"""坐席模式 by keyboard only: golden cases, live result without a submit, the copied ticket summary."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from checker_steps import query_value
from agent_steps import answer_by_keyboard, has_office, pick_golden_cases, wait_until_ready


@pytest.fixture
def agent_page(desk, site_url):
    tab = desk.new_page()
    tab.requests, tab.console_errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.bring_to_front()           # the Clipboard API only writes from the focused tab
    tab.goto(site_url + "agent/", wait_until="load")
    wait_until_ready(tab)
    yield tab
    tab.close()


def _check():
    from checker import check
    return check


CASES = pick_golden_cases(_check())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_golden_case_by_keyboard_only(agent_page, only_local, policy, case):
    # Answers the form does not ask (questions.yaml `form: false`, e.g. today) are left to their default.
    asked = set(agent_page.eval_on_selector_all(".yzt-q[data-key]", "els => els.map(e => e.dataset.key)"))
    answers = {key: value for key, value in case["answers"].items() if key in asked}
    result = _check()(answers)
    answer_by_keyboard(agent_page, answers)
    agent_page.wait_for_selector(f"#agent-result[data-verdict='{result['verdict']}'][data-answered='{len(answers)}']")

    summary = agent_page.locator("#agent-summary").text_content()
    display = result["display"]
    assert agent_page.locator("#agent-verdict").inner_text() == display["headline"]
    # The ticket is the checker's short summary, then the link that reopens exactly these answers.
    head = "\n".join(display["summary"]["lines"]) + "\n" + display["summary"]["link_label"]
    assert summary.startswith(head)
    link = urlsplit(summary[len(head):])
    assert link.query == "" and dict(parse_qsl(link.fragment)) == {k: query_value(v) for k, v in answers.items()}
    labels = {q["key"]: q.get("label") for q in policy.questions["questions"]}
    for key in answers:
        assert f"\n{labels[key]}：" in "\n" + summary, key   # one "标签：值" line per answer
    script = agent_page.locator("#agent-script")
    assert script.locator("li").count() == len(display["reply"]) <= 5
    for sentence in display["reply"]:      # each sentence read aloud with its clause link
        item = script.locator("li", has_text=sentence["text"]).first
        assert item.locator("a.yzt-cite").get_attribute("href").endswith(sentence["cite"]["url"])
    if display["card"]["office"]:
        office = display["card"]["office"]
        big = agent_page.locator("#agent-office")
        assert office["name"] in big.inner_text()
        if display["card"].get("office_note"):       # the step's caveat and what the office does (issue 18 #3)
            assert display["card"]["office_note"] in big.inner_text()
        assert big.locator(f"a[href='{office['phones'][0]['tel']}']").is_visible()

    # 复制工单摘要 by keyboard: focus the button, press Enter, read the real clipboard.
    agent_page.locator("#agent-copy").focus()
    agent_page.keyboard.press("Enter")
    agent_page.wait_for_function("document.getElementById('agent-copy-status').textContent !== ''")
    assert "已复制" in agent_page.locator("#agent-copy-status").inner_text()
    assert agent_page.evaluate("navigator.clipboard.readText()") == summary
    only_local(agent_page)
    assert not agent_page.console_errors, agent_page.console_errors


def test_result_updates_as_answers_change_without_a_submit(agent_page):
    assert agent_page.locator("#agent-form button[type=submit], #agent-form input[type=submit]").count() == 0
    url = agent_page.url
    assert agent_page.locator("#agent-verdict").inner_text() == "尚未回答"
    agent_page.locator("#a-notice input[type=radio]").first.focus()
    agent_page.keyboard.press("1")
    agent_page.wait_for_function("document.getElementById('agent-result').dataset.verdict !== ''")
    first = agent_page.locator("#agent-verdict").inner_text()
    assert first != "尚未回答"
    agent_page.locator("#a-retired input[type=radio][value=true]").focus()
    agent_page.keyboard.press("Space")
    agent_page.wait_for_selector("#agent-result[data-verdict='ineligible']")
    assert agent_page.locator("#agent-verdict").inner_text() != first
    assert "离退休" in agent_page.locator("#agent-result").inner_text()
    assert agent_page.url == url            # no navigation, no query string: nothing was submitted


def test_number_keys_pick_options_and_focus_is_visible(agent_page):
    radio = agent_page.locator("#a-notice input[type=radio]").first
    radio.focus()
    agent_page.keyboard.press("2")
    assert agent_page.locator("#a-notice input[type=radio]").nth(1).is_checked()
    outline = agent_page.evaluate("""() => {
        const label = document.querySelector('label[for="' + document.activeElement.id + '"]');
        return getComputedStyle(label).outlineStyle; }""")
    assert outline != "none"


def test_agent_page_is_accessible_and_local_only(agent_page, only_local, axe):
    only_local(agent_page)
    violations = axe(agent_page)
    assert not violations, violations


def test_an_options_whole_number_is_typed(agent_page):
    """Issue 19: typing 1 then 0 for the 10th option selected option 1 (市属事业单位) and moved on.
    On a question with 10+ options "1" now waits for a possible second digit; Enter moves on."""
    employer = agent_page.locator("#a-employer input[type=radio]")
    count = employer.count()
    assert count >= 10, count
    agent_page.locator("#a-notice input[type=radio]").first.focus()
    agent_page.keyboard.press("1")                         # a notice: the employer question applies
    employer.first.focus()
    agent_page.keyboard.press("1")
    agent_page.keyboard.press("0")
    assert employer.nth(9).is_checked() and not employer.first.is_checked()
    agent_page.wait_for_function("document.activeElement.closest('.yzt-q').dataset.key !== 'employer'")
    employer.nth(9).focus()
    agent_page.keyboard.press("1")
    agent_page.keyboard.press("Enter")                     # option 1, without waiting
    assert employer.first.is_checked()
    assert agent_page.evaluate("document.activeElement.closest('.yzt-q').dataset.key") != "employer"
    employer.first.focus()
    agent_page.keyboard.press("5")                         # no option 50: picks and moves on at once
    assert employer.nth(4).is_checked()
    assert agent_page.evaluate("document.activeElement.closest('.yzt-q').dataset.key") != "employer"
    employer.nth(4).focus()
    agent_page.keyboard.press("1")                         # alone: option 1 after a moment
    agent_page.wait_for_function("document.activeElement.closest('.yzt-q').dataset.key !== 'employer'")
    assert employer.first.is_checked()
