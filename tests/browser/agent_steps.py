"""Driving 坐席模式 (agent/) by keyboard only, shared by tests/browser/test_agent_*.py."""
from __future__ import annotations

from checker_steps import golden_cases, query_value

READY_TIMEOUT_MS = 60_000   # a cold Pyodide boot on the 2-core CI box
MAX_KEYS = 400


def pick_golden_cases(check, count: int = 3) -> list[dict]:
    """Valid golden cases with different verdicts, preferring ones whose route names a district office."""
    chosen, verdicts = [], set()
    cases = [c for c in golden_cases() if not check(c["answers"]).get("errors")]
    with_office = [c for c in cases if has_office(check(c["answers"]))]
    for case in with_office + cases:
        verdict = check(case["answers"])["verdict"]
        if verdict not in verdicts:
            chosen.append(case)
            verdicts.add(verdict)
        if len(chosen) == count:
            return chosen
    for case in with_office + cases:          # fewer verdicts than cases wanted
        if case not in chosen:
            chosen.append(case)
        if len(chosen) == count:
            break
    return chosen


def has_office(result: dict) -> bool:
    route = result.get("route") or {}
    steps = route.get("steps", []) if isinstance(route, dict) else route
    return any(step.get("office") for step in steps)


def wait_until_ready(page) -> None:
    page.wait_for_function("document.getElementById('yzt-agent').dataset.runtime === 'ready'", timeout=READY_TIMEOUT_MS)


# The combobox option Tab or Enter would pick now (docs/assets/combobox.js).
FIRST_MATCH = """() => { const id = document.activeElement.getAttribute('aria-activedescendant');
    const li = id && document.getElementById(id); return li ? li.textContent : null; }"""


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const q = el && el.closest('.yzt-q');
        return {id: el && el.id, tag: el && el.tagName, type: el && el.type, role: el && el.getAttribute('role'), key: q ? q.dataset.key : null,
                values: q ? [...q.querySelectorAll('input[type=radio], option')].map(o => o.value) : [],
                selected: el && el.tagName === 'SELECT' ? el.selectedIndex : null};
    }""")


def _wait_to_leave(page, key: str) -> None:
    """After the first digit of a question with 10+ options the page waits for a possible second
    digit (agent.js), then moves on by itself."""
    page.wait_for_function("(k) => { const q = document.activeElement.closest('.yzt-q'); return !q || q.dataset.key !== k; }",
                           arg=key, timeout=5_000)


def _choose_ambiguous(page, value: str, typed: str) -> int:
    """Type what the agent heard (e.g. initials "qj"); when that leaves several equal matches, Tab
    must not choose: it stays in the box. Then ArrowDown to the office wanted and Enter. Returns keys."""
    keys = 0
    for char in typed:
        page.keyboard.type(char)
        keys += 1
    if page.evaluate(FIRST_MATCH) == value:
        return keys
    page.keyboard.press("Tab")
    keys += 1
    state = page.evaluate("""() => ({role: document.activeElement.getAttribute('role'),
        value: document.activeElement.closest('.yzt-q').querySelector('select').value,
        status: document.activeElement.closest('.yzt-q').querySelector('.yzt-combobox__status').textContent})""")
    assert state["role"] == "combobox" and state["value"] == "", f"Tab chose for an ambiguous entry {typed!r}: {state}"
    assert value in state["status"], state
    print(f"\n  {typed!r} + Tab: nothing chosen, the box asks: {state['status']}")
    for _ in range(50):
        page.keyboard.press("ArrowDown")
        keys += 1
        if page.evaluate(FIRST_MATCH) == value:
            break
    page.keyboard.press("Enter")
    return keys + 1


def answer_by_keyboard(page, answers: dict, from_lookup: bool = True, typed: dict | None = None) -> int:
    """Answer each asked question with keys only, in the form's order, skipping the others with Tab;
    returns the keys pressed. From the lookup box ("/" then Tab), or, with from_lookup=False, from
    where the page put focus on load (the first question). An option's number (all its digits)
    picks a radio option and moves to the next question by itself; the 区县 combobox takes
    characters until the office wanted is the first match, then Tab picks it and moves on.
    `typed` {key: keys}: what the agent types into a combobox instead (initials, say), resolved
    with the arrow keys when it matches several options equally."""
    keys = 0
    typed = typed or {}
    if from_lookup:
        page.keyboard.press("/")                 # jumps to the quick-lookup box
        page.keyboard.press("Tab")
        keys = 2
    pending = dict(answers)
    for _ in range(MAX_KEYS):
        if not pending:
            return keys
        now = focused(page)
        if now["id"] == "agent-reset":
            break
        key = now["key"]
        if key not in pending:
            page.keyboard.press("Tab")
            keys += 1
            continue
        value = query_value(pending.pop(key))
        if now["type"] == "radio":
            number = now["values"].index(value) + 1
            for digit in str(number):
                page.keyboard.press(digit)
                keys += 1
            if number * 10 <= len(now["values"]):
                _wait_to_leave(page, key)
            continue
        if now["role"] == "combobox" and key in typed:
            keys += _choose_ambiguous(page, value, typed[key])
            if not pending:
                continue        # Enter chose it: no Tab needed after the last answer
        elif now["role"] == "combobox":
            for char in value:
                page.keyboard.type(char)
                keys += 1
                if page.evaluate(FIRST_MATCH) == value:
                    break
        elif now["tag"] == "SELECT":
            steps = now["values"].index(value) - now["selected"]
            for _ in range(abs(steps)):
                page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
            keys += abs(steps)
        else:
            page.keyboard.type(value, delay=10)
            keys += len(value)
        page.keyboard.press("Tab")
        keys += 1
    assert not pending, f"questions never reached by Tab: {sorted(pending)}"
    return keys
