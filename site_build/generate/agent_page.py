"""The 坐席模式 (agent mode) page: every checker question on one screen, a live result, answer cards.

Questions come from the browser checker's own reader of questions.yaml
(site_build.generate.checker_page.questions_for_form) and keep its markup contract (.yzt-q with
data-key/data-type/data-show-when), so docs/assets/agent/agent.js reuses the checker's
QuestionForm and CheckerRuntime (docs/assets/checker/) unchanged.
"""
from __future__ import annotations

import json

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


def render_agent_page(env, site, page, faq: list[dict], questions: list[dict]) -> str:
    """`questions`: site_build.generate.checker_page.questions_for_form, as the checker page renders them."""
    policy = site.policy
    offices = _office_cards(policy)
    return env.get_template("agent_page.md.j2").render(
        site=site, page=page, questions=questions, faq=faq, offices=offices,
        root=page.href(""),
        offices_source=_offices_source(policy),
        # Lookup cards name their notice (agent.js): notice id -> 文号, from the notice folders.
        notices_json=json.dumps({n.id: n.meta["doc_number"] for n in policy.newest_first()}, ensure_ascii=False),
    )
