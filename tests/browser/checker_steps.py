"""Steps for driving the checker page like a visitor, shared by tests/browser/test_checker_*.py."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from notice_folders import golden_cases as notice_golden_cases

REPO = Path(__file__).resolve().parents[2]
VERDICT_TIMEOUT_MS = 60_000  # a cold Pyodide boot on the 2-core CI box


def golden_cases() -> list[dict]:
    cases = notice_golden_cases()
    return [dict(case, id=str(case.get("id") or case.get("name") or i)) for i, case in enumerate(cases)]


def query_value(value) -> str:
    """The contract's URL form: booleans true/false, numbers in decimal, dates and text as is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def shared_query(answers: dict) -> str:
    return urlencode({key: query_value(value) for key, value in answers.items()})


def tel_links(result) -> set[str]:
    """Every tel: link the checker's result carries (the route's office phones)."""
    found = set()
    if isinstance(result, dict):
        for value in result.values():
            found |= tel_links(value)
    elif isinstance(result, list):
        for value in result:
            found |= tel_links(value)
    elif isinstance(result, str) and result.startswith("tel:"):
        found.add(result)
    return found


def fill_answers(page, answers: dict) -> bool:
    """Answer the questions through the form, in the form's order (answers reveal later questions).

    Returns False when an answer has no visible question (the case is not enterable by a visitor).
    """
    order = page.eval_on_selector_all(".yzt-q[data-key]", "els => els.map(e => e.dataset.key)")
    if set(answers) - set(order):
        return False
    for key in order:
        if key not in answers:
            continue
        question = page.locator(f"#q-{key}")
        if question.locator("xpath=ancestor::details").count():
            details = question.locator("xpath=ancestor::details")
            if details.get_attribute("open") is None:
                details.locator("summary").click()
        if question.is_hidden():
            return False
        value = query_value(answers[key])
        radios = question.locator("input[type=radio]")
        if radios.count():
            option = question.locator(f"input[type=radio][value={json.dumps(value)}]")
            if not option.count():
                return False
            question.locator(f"label[for={json.dumps(option.get_attribute('id'))}]").click()
        elif question.locator("select").count():
            question.locator("select").select_option(value)
        else:
            question.locator("input").fill(value)
    return True


def submit(page) -> None:
    page.locator("#checker-form button[type=submit]").click()


def wait_for_verdict(page) -> str:
    page.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
    return page.get_attribute("#checker-result", "data-verdict")
