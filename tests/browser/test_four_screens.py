"""Every fact of every golden result — each time, fee, office phone, step caveat and allowance
condition — appears on the CLI text, the browser result and the agent page; the copy summary and
the agent's ticket are the checker's own short summary (display.summary, ≤ 600 characters, issue 18)
word for word, plus the link. The checker page is loaded once; all cases go through its real Pyodide worker and
the page's own renderers (display.js via result.js, summary.js, agent/panel.js)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import check
from checker.text import render
from checker_steps import golden_cases

RENDER_ALL = """async (cases) => {
  // The page's own asset folder (content-hashed at build time: assets/<hash>/), from its checker script.
  const base = new URL("../", document.querySelector("script[src*='checker/checker.js']").src);
  const { CheckerRuntime } = await import(new URL("checker/runtime.js", base).href);
  const { renderResult } = await import(new URL("checker/result.js", base).href);
  const { summaryText } = await import(new URL("checker/summary.js", base).href);
  const { renderPanel, ticketText } = await import(new URL("agent/panel.js", base).href);
  const runtime = new CheckerRuntime(new URL("checker/worker.js", base));
  const siteRoot = new URL("../", location.href);
  const form = { questions: [], byKey: new Map(), displayValue: (k, v) => String(v) };
  const out = [];
  for (const answers of cases) {
    const result = await runtime.check(answers);
    const page = document.createElement("div");
    renderResult(page, result, { siteRoot, form });
    const parts = Object.fromEntries(["verdict", "office", "script", "details"].map((k) => [k, document.createElement("div")]));
    renderPanel(parts, result, siteRoot);
    // The panel alone: the ticket holds the CLI text, so it would hide a panel that shows nothing.
    const agent = [parts.verdict, parts.office, parts.script, parts.details].map((n) => n.textContent).join("\\n");
    const ticket = ticketText(result, location.href);
    const links = [page, parts.script, parts.details].flatMap((n) => [...n.querySelectorAll("a.yzt-cite")])
      .map((a) => [a.getAttribute("href"), a.textContent]);
    out.push({ links, browser: page.textContent, summary: summaryText(result, location.href), agent, ticket, link: location.href });
  }
  return out;
}"""


def facts(result: dict) -> list[str]:
    """What a user acts on, read from the result itself (not from its display form)."""
    found = []
    for event in result["timeline"]:
        found += [t for t in (event["start_time"], event["end_time"]) if t]
        found.append(event["when_text"])
    if result["verdict"] == "ineligible":       # a short answer: the ruling clause and whom to ask
        return [r["text"] for r in result["reasons"]]
    if result["fee_yuan"] is not None:
        found.append(f"{result['fee_yuan']}元")
    for step in (result["route"] or {}).get("steps", []):
        found += [t for t in (step.get("only_if"), step.get("note")) if t]
        found += [p["display"] for p in (step.get("office") or {}).get("phones", [])]
    for allowance in result["allowances"]:
        found += [c if isinstance(c, str) else c.get("text", "") for c in allowance.get("conditions") or []]
        exceptions = allowance.get("exceptions")
        found += [e if isinstance(e, str) else e.get("text", "") for e in (exceptions if isinstance(exceptions, list) else [exceptions] if exceptions else [])]
        found += [effect["exceptions"] for effect in allowance["effects"] if effect.get("exceptions")]
    return [f for f in found if f]


@pytest.fixture(scope="module")
def screens(browser_context, site_url):
    page = browser_context.new_page()
    page.goto(site_url + "checker/", wait_until="load")
    cases = [c for c in golden_cases() if not check(c["answers"])["errors"]]
    shown = page.evaluate(RENDER_ALL, [c["answers"] for c in cases])
    page.close()
    return {c["id"]: dict(s, case=c) for c, s in zip(cases, shown)}


def test_every_case_went_through_all_screens(screens):
    assert len(screens) >= 50


def test_browser_cites_every_clause_with_the_sites_label(screens, site_url):
    rules = json.loads((Path(__file__).resolve().parents[2] / "checker" / "data" / "rules.json").read_text(encoding="utf-8"))
    labels = {c["url"]: c["label"] for n in rules["notices"].values() for c in n["clauses"].values()}
    links = [link for shown in screens.values() for link in shown["links"]]
    assert len(links) > 100
    wrong = [(href, text) for href, text in links if labels.get(href.removeprefix(site_url)) != text]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("case", [c for c in golden_cases()], ids=lambda c: c["id"])
def test_every_fact_appears_on_all_four_screens(screens, case):
    result = check(case["answers"])
    if result["errors"]:
        pytest.skip("an invalid case has no facts to show")
    cli = render(result)
    shown = screens[case["id"]]
    wanted = facts(result)
    for name, text in (("CLI", cli), ("browser result", shown["browser"]), ("agent panel", shown["agent"])):
        missing = [f for f in wanted if f not in text]
        assert not missing, f"{name} drops {missing}"
    # the two texts a person copies (the result's summary, the agent's ticket): the checker's words, then the link
    summary = result["display"]["summary"]
    copied = "\n".join(summary["lines"]) + "\n" + summary["link_label"] + shown["link"]
    assert shown["summary"] == copied and shown["ticket"] == copied
    if result["verdict"] == "ineligible":        # short: no fee, route or timeline noise
        assert "评审费" not in cli and "申报路径" not in cli and "时间安排" not in cli
