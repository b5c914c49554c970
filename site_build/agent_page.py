"""The 坐席模式 (agent mode) page: every checker question on one screen, a live result, answer cards.

Questions come from the browser checker's own reader of questions.yaml
(site_build.checker_page.questions_for_form) and keep its markup contract (.yzt-q with
data-key/data-type/data-show-when), so docs/assets/agent/agent.js reuses the checker's
QuestionForm and CheckerRuntime (docs/assets/checker/) unchanged.
"""
from __future__ import annotations

import json

from markupsafe import Markup

from policy_build.phones import phone_display, phone_tel
from policy_build.urls import office_url


def _office_cards(policy) -> list[dict]:
    cards = []
    for office in policy.offices:
        phones = [{"display": phone_display(p, policy.area_code), "tel": phone_tel(p, policy.area_code), "number": p}
                  for p in office.get("phones", [])]
        cards.append({"office": office, "phones": phones, "url": office_url(office),
                      "anchor": f"agent-office-{office['number']:02d}"})
    return cards


def _offices_source(policy) -> str:
    """offices.yaml `source` ("2025-bigdata#a1"): the annex that prints the directory."""
    for data_file in getattr(policy, "files", []):
        if data_file.kind == "offices":
            return data_file.data.get("source") or ""
    return ""


def render_agent_page(env, site, page, faq: list[dict]) -> str:
    from site_build.checker_page import questions_for_form

    policy = site.policy
    questions = questions_for_form(policy)
    offices = _office_cards(policy)
    offices_json = json.dumps(
        [{"name": c["office"]["name"], "phones": [{"display": p["display"], "tel": p["tel"]} for p in c["phones"]],
          "address": c["office"].get("address", ""), "postcode": c["office"].get("postcode", ""), "url": c["url"],
          "anchor": c["anchor"]} for c in offices], ensure_ascii=False)
    return env.get_template("agent_page.md.j2").render(
        site=site, page=page, questions=questions, faq=faq, offices=offices,
        offices_json=Markup(offices_json.replace("</", "<\\/")), root=page.href(""),
        offices_source=_offices_source(policy),
    )
