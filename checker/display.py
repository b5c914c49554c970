"""One display form of a result, the only thing the screens render.

    display(result) -> {headline, tone, lead, notice, round, card, reply, sections}

Every screen (CLI text in checker/text.py, the checker page, its copy summary and print, the
agent page) renders this form as it is: no screen decides a verdict word, a label, an actor,
a date text or a status. Shape (checker/result.schema.json, `display`):

- headline: a plain short phrase; tone: the verdict code (or "invalid") for styling;
- lead: sentences under the headline (which documents decide, which notice was used);
- round: {state, text} — whether the notice's round is open and, if it has ended, when;
- card: the call card — {office, office_hint, fee, round, needs} (agent page, top of a result);
- reply: at most five short sentences to read aloud, each {text, cite};
- sections: [{id, title, items: [{text, cite, details: [{text, phones}], link, field, status}]}];
- cite: {label, url}: one clause-label format (policy_build/clause_labels.py), url relative to
  the site root.

An ineligible result is short: the clauses that rule the person out and whom to ask.
"""

from __future__ import annotations

from . import phrasing
from . import vocabulary as words
from .phrasing import phones_text  # noqa: F401  (checker/text.py takes it from here)
from .rulebook import rulebook

REPLY_LIMIT = 5


def display(result: dict) -> dict:
    if result.get("errors"):
        return _invalid(result)
    verdict = result["verdict"]
    round_ = _round(result["timeline"])
    sections = _ineligible_sections(result) if verdict == "ineligible" else _full_sections(result)
    return {
        "headline": _headline(result),
        "tone": verdict,
        "lead": _lead(result),
        "notice": {"text": words.NOTICE_LINE.format(**result["notice"]), "url": result["notice"]["url"]},
        "round": round_,
        "card": _card(result, round_),
        "reply": _reply(result, round_)[:REPLY_LIMIT],
        "sections": [s for s in sections if s["items"]],
    }


def _invalid(result: dict) -> dict:
    items = [_item(e["message"], field=e.get("field")) for e in result["errors"]]
    return {"headline": words.HEADLINES["invalid"], "tone": "invalid", "lead": [], "notice": None, "round": None,
            "card": None, "reply": [], "sections": [_section("errors", items)]}


# --- building blocks -------------------------------------------------------------------------

def cite(item: dict | None) -> dict | None:
    if not item or not item.get("clause_label"):
        return None
    return {"label": item["clause_label"], "url": item.get("url")}


def _item(text: str, source: dict | None = None, details=None, link=None, field=None, status=None) -> dict:
    return {"text": text, "cite": cite(source), "details": [d for d in (details or []) if d],
            "link": link, "field": field, "status": status}


def _line(text: str, phones=None) -> dict:
    return {"text": text, "phones": list(phones or [])}


def _section(key: str, items: list[dict], title: str | None = None) -> dict:
    return {"id": key, "title": title or words.SECTION_TITLES[key], "items": items}


# --- answer first ----------------------------------------------------------------------------

def _headline(result: dict) -> str:
    verdict = result["verdict"]
    if verdict == "conditional":
        return words.HEADLINES["conditional_documents" if result["deferred_to"] else "conditional_answers"]
    return words.HEADLINES[verdict]


def _document_names(result: dict) -> str:
    return words.document_names(result["deferred_to"])


def _lead(result: dict) -> list[str]:
    verdict = result["verdict"]
    if verdict == "ineligible":
        return [words.INELIGIBLE_LEAD]
    if verdict == "eligible":
        return [words.ELIGIBLE_LEAD]
    if result["deferred_to"]:
        return [words.CONDITIONAL_LEAD.format(documents=_document_names(result))]
    return [words.ANSWERS_LEAD]


def _round(timeline: list[dict]) -> dict | None:
    return phrasing.round_status(timeline)


def _office(result: dict) -> tuple[dict | None, dict | None]:
    """(the first route step that names an office, that office)."""
    for step in (result.get("route") or {}).get("steps", []):
        if step.get("office"):
            return step, step["office"]
    return None, None


def _office_hint(result: dict) -> str | None:
    for step in (result.get("route") or {}).get("steps", []):
        if step.get("office_needed"):
            return words.OFFICE_NEEDED.format(hint=step["office_needed"])
    return None


def _card(result: dict, round_: dict | None) -> dict:
    _, office = _office(result)
    fee = result.get("fee") or {}
    ineligible = result["verdict"] == "ineligible"
    return {
        "office": None if ineligible else office,
        "office_hint": None if ineligible or office else _office_hint(result),
        "fee": None if ineligible or fee.get("yuan") is None else words.FEE_CARD.format(yuan=fee["yuan"]),
        "round": round_["short"] if round_ else None,
        "needs": [n["label"] for n in result["needs_detail"]],
        "needs_text": words.CARD_NEEDS.format(labels="、".join(n["label"] for n in result["needs_detail"]))
        if result["needs_detail"] else None,
    }


def _reply(result: dict, round_: dict | None) -> list[dict]:
    """Sentences to read aloud, each resting on a clause: verdict, where to go, fee, round."""
    out = []
    first_reason = result["reasons"][0] if result["reasons"] else None
    if first_reason:
        out.append({"text": first_reason["text"], "cite": cite(first_reason)})
    if result["verdict"] == "ineligible":
        ask = _hotline(result)
        if ask:
            out.append({"text": words.REPLY_ASK.format(role=ask["role"], phones=phones_text(ask["phones"])), "cite": cite(ask)})
        return out
    step, office = _office(result)
    route = result.get("route")
    if office:
        out.append({"text": words.REPLY_OFFICE.format(office=office["name"], phones=phones_text(office["phones"])),
                    "cite": cite(step)})
    elif route and route["steps"]:
        first = route["steps"][0]
        out.append({"text": words.REPLY_ROUTE.format(actor=first["actor"], action=first["action"]), "cite": cite(first)})
    fee = result.get("fee") or {}
    if fee.get("yuan") is not None:
        out.append({"text": words.REPLY_FEE.format(yuan=fee["yuan"]), "cite": cite(fee)})
    if round_:
        out.append({"text": round_["text"], "cite": round_["cite"]})
    return out


def _contacts(result: dict) -> list[dict]:
    """The notice's contacts with a phone (each already carries its clause label and URL)."""
    return [c for c in result["contacts"] if c["phones"]]


def _hotline(result: dict) -> dict | None:
    contacts = _contacts(result)
    return contacts[0] if contacts else None


# --- sections --------------------------------------------------------------------------------

def _reason_items(result: dict) -> list[dict]:
    return [_item(r["text"], r) for r in result["reasons"]]


def _ineligible_sections(result: dict) -> list[dict]:
    ask = [_item(c["role"], c, details=[_line("", c["phones"])]) for c in _contacts(result)]
    return [_section("reasons", _reason_items(result)), _section("ask", ask)]


def _full_sections(result: dict) -> list[dict]:
    return [
        _section("reasons", _reason_items(result)),
        _section("documents", [_document(d) for d in result["deferred_to"]]),
        _section("needs", [_item(n["question"], details=[_line(words.NEED_PURPOSE.format(purposes="、".join(n["purpose_labels"])))]
                                                                if n["purpose_labels"] else [], field=n["field"])
                           for n in result["needs_detail"]]),
        _path_section(result.get("path")),
        _route_section(result.get("route")),
        _fee_section(result.get("fee")),
        _section("timeline", [_event(e) for e in result["timeline"]]),
        _section("evidence", [_item(e["text"], e) for e in result["evidence"]]),
        _section("allowances", [_allowance(a) for a in result["allowances"]]),
        _section("notes", [_item(n["text"], n) for n in result["notes"]]),
        _section("ignored", [_item("、".join(_question_label(k) for k in result["ignored"]))] if result["ignored"] else []),
    ]


def _question_label(key: str) -> str:
    question = rulebook().question.get(key)
    return question["label"] if question else key


def _document(doc: dict) -> dict:
    name = words.document_name(doc, with_number=True)
    return _item(name, {"clause_label": doc["clause_label"], "url": doc["clause_url"]},
                 details=[_line(doc["flag"])] if doc.get("flag") else [],
                 link={"text": name, "url": doc["site_url"]} if doc.get("site_url") else None)


def _check(check: dict) -> dict:
    return _item(f"[{check['status_label']}] {check['text']}", check, status=check["status"])


def _path_section(path: dict | None) -> dict:
    if not path:
        return _section("path", [])
    items = [_item(path["note"], path)] if path.get("note") else []
    if path.get("status") not in (None, "offered"):
        items.insert(0, _item(words.PATH_STATUS.format(label=path["label"], status=path["status_label"]), path))
    items += [_check(c) for c in path.get("checks", [])]
    return _section("path", items, title=f"{words.SECTION_TITLES['path']}：{path['label']}")


def _route_section(route: dict | None) -> dict:
    if not route:
        return _section("route", [])
    items = [_step(s) for s in route["steps"]] + [_check(c) for c in route["conditions"]]
    return _section("route", items, title=f"{words.SECTION_TITLES['route']}：{route['label']}（{route['clause_label']}）")


def _step(step: dict) -> dict:
    details = [_line(text) for text in phrasing.step_details(step)]
    office = step.get("office")
    if office:
        details.append(_line(phrasing.office_name(office, bool(step.get("district_meaning")))))
        if office.get("phones"):
            details.append(_line(words.OFFICE_PHONES, office["phones"]))
        address = phrasing.office_address(office)
        if address:
            details.append(_line(address))
        source = phrasing.office_source_text(step.get("office_source"))
        if source:
            details.append(_line(source))
    elif step.get("office_needed"):
        details.append(_line(step["office_needed"]))
    return _item(f"{step['order']}. {phrasing.step_line(step)}", step, details=details,
                 link=step.get("link"), field="district" if step.get("office_needed") else None)


def _fee_section(fee: dict | None) -> dict:
    if not fee:
        return _section("fee", [])
    details = [_line(text) for text in phrasing.fee_lines(fee)]
    return _section("fee", [_item(phrasing.fee_text(fee), fee, details=details)])


def _event(event: dict) -> dict:
    details = [_line(text) for text in phrasing.event_lines(event)]
    return _item(phrasing.event_line(event), event, details=details, status=event["status_code"])


def _allowance(allowance: dict) -> dict:
    details = [_line(text) for text in phrasing.allowance_lines(allowance, _question_label)]
    return _item(phrasing.allowance_title(allowance), allowance, details=details)
