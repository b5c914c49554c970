"""One display form of a result, the only thing the screens render.

    display(result) -> {headline, tone, lead, layers, notice, round, panel, card, reply, sections, summary}

Every screen (CLI text in checker/text.py, the checker page, its copy summary and print, the
agent page) renders this form as it is: no screen decides a verdict word, a label, an actor,
a date text or a status. Shape (checker/result.schema.json, `display`):

- headline: the most decisive true sentence (checker/layers.py); tone: the verdict code (or "invalid");
- layers: the verdict in up to three layers — scope, this notice's own conditions, the documents
  still to check — each {id, state, text, cite, links}; lead: their texts, under the headline;
- round: {state, text, short, cite} — whether the notice's round is open and, if it has ended, when;
- panel: what the answer panel shows first — {headline, tone, office {name, phones, does, caveat,
  text, cite}, office_hint, fee {text, cite}, round, next {text, cite}};
- card: the call card — {office, office_note, office_hint, fee, round, needs, needs_text};
- reply: at most five short sentences to read aloud, following the layers, each {text, cite};
- sections: [{id, title, items: [{text, cite, details: [{text, phones}], link, field, status}]}];
- summary: the 工单摘要 {lines, link_label} (checker/summary.py); the page appends the link;
- cite: {label, url}: one clause-label format (policy_build/clause_labels.py), url relative to
  the site root. Facts are worded by checker/phrasing.py, the same functions the site's pages call.

An ineligible result is short: the clauses that rule the person out, whom to ask, and any note
the notice gives a person it rules out.
"""

from __future__ import annotations

from . import layers, phrasing, summary
from . import vocabulary as words
from .phrasing import cite, phones_text
from .rulebook import rulebook

INTERNAL_FIELD = "(checker)"     # the `field` of an error the checker made, not the visitor
REPLY_LIMIT = 5


def display(result: dict) -> dict:
    if result.get("errors"):
        return _invalid(result)
    verdict = result["verdict"]
    round_ = _round(result["timeline"])
    built = layers.layers(result)
    headline = layers.headline(result, built)
    sections = _ineligible_sections(result) if verdict == "ineligible" else _full_sections(result)
    form = {
        "headline": headline,
        "tone": verdict,
        "lead": [layer["text"] for layer in built],
        "layers": built,
        "notice": {"text": words.NOTICE_LINE.format(**result["notice"]), "url": result["notice"]["url"]},
        "round": round_,
        "panel": _panel(result, built, headline, round_),
        "card": _card(result, built, round_),
        "reply": _reply(result, built, round_)[:REPLY_LIMIT],
        "sections": [s for s in sections if s["items"]],
    }
    form["summary"] = summary.summary(result, form)
    return form


def _invalid(result: dict) -> dict:
    """Answers the checker refused (tone "invalid"), or a fault of the checker itself (tone "internal":
    the screens then blame the checker, not the answers). Its summary is what a copy of it says."""
    errors = result["errors"]
    tone = "internal" if any(e.get("field") == INTERNAL_FIELD for e in errors) else "invalid"
    items = [_item(e["message"], field=e.get("field")) for e in errors]
    return {"headline": words.HEADLINES[tone], "tone": tone, "lead": [], "layers": [], "notice": None,
            "round": None, "panel": None, "card": None, "reply": [], "sections": [_section("errors", items)],
            "summary": {"lines": [f"【{words.HEADLINES[tone]}】", *(f"  - {e['message']}" for e in errors)],
                        "link_label": None}}


# --- building blocks -------------------------------------------------------------------------

def _item(text: str, source: dict | None = None, details=None, link=None, field=None, status=None) -> dict:
    return {"text": text, "cite": cite(source), "details": [d for d in (details or []) if d],
            "link": link, "field": field, "status": status}


def _line(text: str, phones=None) -> dict:
    return {"text": text, "phones": list(phones or [])}


def _section(key: str, items: list[dict], title: str | None = None) -> dict:
    return {"id": key, "title": title or words.SECTION_TITLES[key], "items": items}


# --- answer first ----------------------------------------------------------------------------

def _round(timeline: list[dict]) -> dict | None:
    return phrasing.round_status(timeline)


def _scope_state(built: list[dict]) -> str | None:
    return next((layer["state"] for layer in built if layer["id"] == layers.SCOPE), None)


def _office(result: dict, built: list[dict]) -> tuple[dict | None, dict | None]:
    """(the first route step that names an office, that office) — none for a person the notice
    rules out or does not cover: its route is not theirs to take."""
    if result["verdict"] == "ineligible" or _scope_state(built) in ("silent", "excluded"):
        return None, None
    for step in (result.get("route") or {}).get("steps", []):
        if step.get("office"):
            return step, step["office"]
    return None, None


def _office_hint(result: dict, built: list[dict]) -> str | None:
    if result["verdict"] == "ineligible" or _scope_state(built) in ("silent", "excluded"):
        return None
    steps = (result.get("route") or {}).get("steps", [])
    for step in steps:
        if step.get("office_needed"):
            return words.OFFICE_NEEDED.format(hint=step["office_needed"])
    # No district step at all: say so, naming the body that reports to the committee instead. Not
    # where the unit is the last step printed (2023's 委托评审: the notice does not say what follows).
    before = [s for s in steps if s["role"] != "committee"]
    if before and before[-1]["role"] not in ("applicant", "employer") and not any(s["role"] == "district_office" for s in steps):
        return words.NO_DISTRICT_OFFICE.format(actor=before[-1]["actor"], action=before[-1]["action"])
    return None


def _panel_office(step: dict | None, office: dict | None) -> dict | None:
    if not office:
        return None
    return {"name": phrasing.office_name(office, bool(step.get("district_meaning"))), "phones": office.get("phones", []),
            "does": step["action"], "caveat": phrasing.only_if_text(step),
            "text": phrasing.office_step_sentence(step, office), "cite": cite(step)}


def _fee_line(result: dict) -> dict | None:
    fee = result.get("fee")
    if not fee or result["verdict"] == "ineligible":
        return None
    text = words.FEE_CARD.format(yuan=fee["yuan"]) if fee.get("yuan") is not None else phrasing.fee_text(fee)
    return {"text": text, "cite": cite(fee)}


def _next(result: dict, built: list[dict]) -> dict | None:
    """The one next step: whom to ask, what to answer, or the route's first step."""
    state = _scope_state(built)
    if result["verdict"] == "ineligible" or state == "silent":
        ask = _ask(result, built)
        return {"text": words.NEXT_ASK.format(role=ask["role"], phones=phones_text(ask["phones"])), "cite": cite(ask)} \
            if ask else None
    if result["needs_detail"]:
        return {"text": words.NEXT_ANSWER.format(labels="、".join(n["label"] for n in result["needs_detail"])), "cite": None}
    steps = (result.get("route") or {}).get("steps") or []
    if steps:
        return {"text": phrasing.step_sentence(steps[0]), "cite": cite(steps[0])}
    return None


def _panel(result: dict, built: list[dict], headline: str, round_: dict | None) -> dict:
    step, office = _office(result, built)
    return {"headline": headline, "tone": result["verdict"], "office": _panel_office(step, office),
            "office_hint": None if office else _office_hint(result, built), "fee": _fee_line(result),
            "round": round_, "next": _next(result, built)}


def _card(result: dict, built: list[dict], round_: dict | None) -> dict:
    step, office = _office(result, built)
    fee = result.get("fee") or {}
    ineligible = result["verdict"] == "ineligible"
    return {
        "office": office,
        "office_note": phrasing.office_step_sentence(step, office) if office else None,
        "office_hint": None if office else _office_hint(result, built),
        "fee": None if ineligible or fee.get("yuan") is None else words.FEE_CARD.format(yuan=fee["yuan"]),
        "round": round_["short"] if round_ else None,
        "needs": [n["label"] for n in result["needs_detail"]],
        "needs_text": words.CARD_NEEDS.format(labels="、".join(n["label"] for n in result["needs_detail"]))
        if result["needs_detail"] else None,
    }


def _reply(result: dict, built: list[dict], round_: dict | None) -> list[dict]:
    """Sentences to read aloud, following the layers: scope, conditions, documents; then where to
    go (only for a person the notice covers), fee, round."""
    out = [{"text": layer["text"], "cite": layer["cite"]} for layer in built if layer["cite"]]
    state = _scope_state(built)
    if result["verdict"] == "ineligible" or state == "silent":
        ask = _ask(result, built)
        if ask:
            out.append({"text": words.REPLY_ASK.format(role=ask["role"], phones=phones_text(ask["phones"])), "cite": cite(ask)})
        if result["verdict"] == "ineligible":
            return out
    else:
        step, office = _office(result, built)
        route = result.get("route")
        if office:
            out.append({"text": words.REPLY_OFFICE.format(step=phrasing.office_step_sentence(step, office),
                                                          phones=phones_text(office["phones"])), "cite": cite(step)})
        elif route and route["steps"]:
            out.append({"text": phrasing.step_sentence(route["steps"][0]), "cite": cite(route["steps"][0])})
        fee = result.get("fee") or {}
        if fee.get("yuan") is not None:
            out.append({"text": words.REPLY_FEE.format(yuan=fee["yuan"]), "cite": cite(fee)})
    if round_:
        out.append({"text": round_["text"], "cite": round_["cite"]})
    return out


def _contacts(result: dict) -> list[dict]:
    """The notice's contacts with a phone (each already carries its clause label and URL)."""
    return [c for c in result["contacts"] if c["phones"]]


def _ask(result: dict, built: list[dict]) -> dict | None:
    """Whom to ask: the committee's line when the committee decides (五（四）), else the first contact."""
    contacts = _contacts(result)
    silent = [r for r in result["reasons"] if r["kind"] == "deferral" and r.get("about") == "scope"]
    if any("评委会" in (r.get("decided_by") or "") for r in silent):
        committee = next((c for c in contacts if "评委会" in c["role"]), None)
        if committee:
            return committee
    return contacts[0] if contacts else None


# --- sections --------------------------------------------------------------------------------

def _reason_items(result: dict) -> list[dict]:
    return [_item(r["text"], r) for r in result["reasons"]]


def _ineligible_sections(result: dict) -> list[dict]:
    ask = [_item(c["role"], c, details=[_line("", c["phones"])]) for c in _contacts(result)]
    # Notes that hold still show: 2025 一（三） tells staff who moved from 机关 how they can apply.
    return [_section("reasons", _reason_items(result)), _section("ask", ask),
            _section("notes", [_item(n["text"], n) for n in result["notes"] if n["for_ruled_out"]])]


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
        _section("timeline", ([_item(phrasing.cutoff_text(result["cutoff"]), result["cutoff"])] if result.get("cutoff") else [])
                 + [_event(e) for e in result["timeline"]]),
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
