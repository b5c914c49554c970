"""The answer panel: what a person needs first is on the first phone screen after 查看结果 (issue 18).

One page, one Pyodide: each golden case is loaded into the form through the fragment
(#edit=notice&…, the 修改 view), the address is set back to the bare page (a visitor who filled in
the form), then the real 查看结果 button submits it.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import parse_qsl

from checker import check
from checker_steps import VERDICT_TIMEOUT_MS, shared_query, submit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checker"))
from golden import load_cases  # noqa: E402  (tests/checker/golden.py: the one loader of the cases)

PHONE = {"width": 360, "height": 740}
PARTS = """() => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  const panel = document.getElementById('checker-panel');
  const q = (s) => panel && panel.querySelector(s);
  return {verdict: box(q('[data-part=verdict]')), phone: box(q('[data-part=office] a[href^="tel:"]')),
          fee: box(q('[data-part=fee]')), round: box(q('[data-part=round]')),
          change: q('[data-part=change]') ? q('[data-part=change]').textContent : null,
          header: document.querySelector('.md-header').getBoundingClientRect().bottom,
          focused: document.activeElement && document.activeElement.id};
}"""


def answers_in(fragment: str) -> dict:
    """The answers the page submitted, as the contract types them (the fragment's URL form)."""
    answers = {}
    for key, raw in parse_qsl(fragment.lstrip("#")):
        if raw in ("true", "false"):
            answers[key] = raw == "true"
        elif re.fullmatch(r"-?\d+", raw):
            answers[key] = int(raw)
        elif re.fullmatch(r"-?\d+\.\d+", raw):
            answers[key] = float(raw)
        else:
            answers[key] = raw
    return answers


def wanted(display: dict) -> set[str]:
    """The panel's parts this result must show: verdict always; phone, fee and round where it has them."""
    panel = display.get("panel")
    card = display.get("card") or {}
    office = panel.get("office") if panel else card.get("office")
    fee = panel.get("fee") if panel else card.get("fee")
    parts = {"verdict"}
    if office and office.get("phones"):
        parts.add("phone")
    if fee:
        parts.add("fee")
    if display.get("round"):
        parts.add("round")
    return parts


def test_every_golden_case_answers_inside_the_first_phone_screen(browser, site_url):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    try:
        page.goto(site_url + "checker/", wait_until="load")
        keys = set(page.eval_on_selector_all(".yzt-q[data-key]", "els => els.map(e => e.dataset.key)"))
        slowest, measured, refused, previous = (0.0, None, None), 0, 0, None
        for case in load_cases():
            answers = {key: value for key, value in case["answers"].items() if key in keys}
            page.evaluate("f => { location.hash = f; }", "edit=notice&" + shared_query(answers))
            page.wait_for_selector("#checker-form-view:not([hidden])")
            # The filled form at a bare address: what a visitor who answered the questions submits.
            page.evaluate("history.replaceState(null, '', location.pathname)")
            submit(page)
            if page.locator("#checker-error-summary").is_visible():   # refused before it is sent
                refused += 1
                continue
            page.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
            expected = check(answers_in(page.evaluate("location.hash")))["display"]
            page.wait_for_function("document.activeElement && document.activeElement.id === 'checker-panel'")
            at = page.evaluate(PARTS)
            assert page.inner_text("[data-part=verdict]") == expected["headline"], case["name"]
            for part in wanted(expected):
                box = at[part]
                assert box, f"{case['name']}: no {part} in the panel"
                assert box["top"] >= at["header"] - 1 and box["bottom"] <= PHONE["height"], (case["name"], part, box)
                slowest = max(slowest, (box["bottom"], case["name"], part))
            # An answer change that changes the verdict is said in the panel, naming the old verdict.
            if previous is not None and previous != expected["headline"]:
                assert at["change"] and previous in at["change"], case["name"]
            elif previous == expected["headline"]:
                assert at["change"] is None, case["name"]
            previous = expected["headline"]
            measured += 1
        print(f"\nanswer panel at 360x740: {measured} cases measured, {refused} refused by the form; "
              f"slowest bottom y {slowest[0]:.0f} px ({slowest[2]} of {slowest[1]!r})")
        assert measured >= len(load_cases()) * 0.8
    finally:
        context.close()
