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


def answer_by_keyboard(page, answers: dict, from_lookup: bool = True) -> int:
    """Answer each asked question with keys only, in the form's order, skipping the others with Tab;
    returns the keys pressed. From the lookup box ("/" then Tab), or, with from_lookup=False, from
    where the page put focus on load (the first question). A number key picks a radio option and
    moves to the next question by itself; the 区县 combobox takes characters until the office wanted
    is the first match, then Tab picks it and moves on."""
    keys = 0
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
            index = now["values"].index(value)
            assert index < 9, f"{key}: option {index + 1} has no number key"
            page.keyboard.press(str(index + 1))
            keys += 1
            continue
        if now["role"] == "combobox":
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
