"""区县 combobox (docs/assets/combobox.js) on the checker and agent pages: what a caller types narrows
the 41 offices, Enter picks, and the underlying <select> keeps the answer for the form code."""
from __future__ import annotations

import pytest

PAGES = {"checker/": "q-district-input", "agent/": "a-district-input"}
TARGET = "秀山县"
MAX_KEYS = 4


def _show_district(page) -> None:
    """Answer the question that makes 区县 apply (区县 is asked of 非公单位 employees)."""
    page.locator(".yzt-q[data-key=employer] input[value=private]").check()
    page.wait_for_selector("[role=combobox]:visible")


def _active_option(page) -> str | None:
    return page.evaluate("""() => {
        const box = document.querySelector('[role=combobox]');
        const id = box.getAttribute('aria-activedescendant');
        return box.getAttribute('aria-expanded') === 'true' && id ? document.getElementById(id).textContent : null;
    }""")


def _record_changes(page, select_id: str) -> None:
    page.evaluate("""(id) => { window.__changes = [];
        document.getElementById(id).addEventListener('change', (e) => window.__changes.push(e.target.value)); }""",
                  select_id)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("typed", ["秀山", "xiushan", "xs", "7667"])
def test_typing_a_name_pinyin_initials_or_phone_picks_xiushan(open_page, path, typed):
    page = open_page(path)
    _show_district(page)
    select_id = PAGES[path]
    _record_changes(page, select_id)
    page.locator("[role=combobox]").click()
    keys = 0
    for char in typed:             # one key per character (a CJK character is one committed IME key)
        page.keyboard.type(char)
        keys += 1
        if _active_option(page) == TARGET:
            break
    print(f"{path} {typed!r}: {TARGET} active after {keys} keystroke(s) + Enter")
    assert _active_option(page) == TARGET, f"{typed!r} does not lead to {TARGET}"
    assert keys <= MAX_KEYS
    page.keyboard.type(typed[keys:])          # typing on to the whole word still finds it
    assert _active_option(page) == TARGET
    page.keyboard.press("Enter")
    assert page.locator(f"#{select_id}").input_value() == TARGET
    assert page.locator("[role=combobox]").input_value() == TARGET
    assert page.locator("[role=combobox]").get_attribute("aria-expanded") == "false"
    assert page.evaluate("window.__changes") == [TARGET]     # the form code hears the select change


def test_phone_prefix_narrows_to_one_office_and_keys_move_and_close(open_page, policy, axe):
    page = open_page("checker/")
    _show_district(page)
    box = page.locator("[role=combobox]")
    box.click()
    page.keyboard.press("ArrowDown")          # opens the full list
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator("[role=option]:visible").count() == len(policy.offices)
    assert not axe(page)                      # the open combobox and its listbox, as axe-core sees them
    page.keyboard.type("5852")                # part of 万州区 58520665
    assert page.locator("[role=option]:visible").all_inner_texts() == ["万州区"]
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("#q-district-input").input_value() == ""     # Escape picks nothing
    box.fill("")
    page.keyboard.type("江")                  # 江北区, 江津区 first (the name starts so), then 垫江县 …
    names = page.locator("[role=option]:visible").all_inner_texts()
    assert names[:2] == ["江北区", "江津区"] and "垫江县" in names and "两江新区" in names
    assert _active_option(page) is None               # two names start with 江: nothing chosen for the agent
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("#q-district-input").input_value() == "江津区"


def test_a_value_set_on_the_select_shows_in_the_combobox(open_page):
    page = open_page("checker/")
    _show_district(page)
    page.locator("#q-district-input").select_option("万州区")
    assert page.locator("[role=combobox]").input_value() == "万州区"
    page.evaluate("document.getElementById('q-district-input').value = '忠县'")   # e.g. a shared link
    assert page.locator("[role=combobox]").input_value() == "忠县"


def test_without_javascript_the_select_remains(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + "checker/")
        select = page.locator("select#q-district-input")
        assert select.count() == 1 and page.locator("[role=combobox]").count() == 0
        assert TARGET in select.locator("option").all_inner_texts()
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_an_ambiguous_entry_lists_the_ties_first_and_tab_does_not_choose(open_page, path):
    """Issue 19: 黔江区 and 綦江区 are both qjq. "qj" then Tab once picked 黔江区 023-79221648
    silently; now both are listed first, named in the status, and nothing is chosen until the
    agent moves to one. A second Tab leaves the box, still with nothing chosen (no keyboard trap)."""
    page = open_page(path)
    _show_district(page)
    select_id = PAGES[path]
    _record_changes(page, select_id)
    box = page.locator("[role=combobox]")
    box.click()
    page.keyboard.type("qj")
    shown = page.locator("[role=option]:visible").all_inner_texts()
    ties = page.locator("[role=option][data-tie]:visible").all_inner_texts()
    status = page.locator(".yzt-combobox__status").text_content()
    print(f"\n{path} 'qj': listed {shown}; ties {ties}; status {status!r}")
    assert sorted(shown[:2]) == sorted(ties) == ["綦江区", "黔江区"]
    assert "黔江区" in status and "綦江区" in status
    assert _active_option(page) is None
    page.keyboard.press("Enter")                      # nothing active: Enter chooses nothing either
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"
    assert page.locator(f"#{select_id}").input_value() == "" and page.evaluate("window.__changes") == []
    assert "尚未选择" in page.locator(".yzt-combobox__status").text_content()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert _active_option(page) == "綦江区"
    page.keyboard.press("Enter")
    assert page.locator(f"#{select_id}").input_value() == "綦江区"
    box.fill("")
    page.keyboard.type("qj")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")                        # the second Tab leaves, choosing nothing
    assert page.evaluate("document.activeElement.getAttribute('role')") != "combobox"
    assert page.locator(f"#{select_id}").input_value() == ""


def test_a_unique_best_match_is_still_picked_by_tab(open_page):
    page = open_page("agent/")
    _show_district(page)
    page.locator("[role=combobox]").click()
    page.keyboard.type("qia")                         # only 黔江区 (qianjiang)
    assert _active_option(page) == "黔江区"
    page.keyboard.press("Tab")
    assert page.locator("#a-district-input").input_value() == "黔江区"
