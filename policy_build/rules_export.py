"""Compiles the validated policy into the checker's rules (checker/data/rules.json).

The checker is standard-library Python that also runs in the browser, so it
gets plain JSON with everything resolved ahead of time: dates as ISO strings,
clause citations with their site URL and printed numbering, references with
their site URL, offices with phones already formatted, and the questions with
their options filled in. The checker holds no policy fact of its own.
"""

from __future__ import annotations

import datetime as dt
import json

from .clause_labels import clause_label
from .phones import phone_display, phone_tel
from .question_scope import compiled_show_when
from .urls import clause_url, office_url, reference_url

FORMAT = 1

def rules_json_text(policy) -> str:
    """checker/data/rules.json's exact text (`policy_build compile` and the site build write the same bytes)."""
    return json.dumps(export_rules(policy), ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False) + "\n"


def export_rules(policy) -> dict:
    """Everything the checker needs, as JSON-ready data."""
    referenced: set[str] = set()
    notices = {}
    for notice in policy.notices.values():
        notices[notice.id] = _notice(notice, referenced, policy.area_code)
    return {
        "format": FORMAT,
        "area_code": policy.area_code,
        "notice_order": list(policy.notices),
        "notices": notices,
        "offices": [_office(o, policy.area_code) for o in policy.offices],
        "offices_source": _offices_source(policy),
        "references": {rid: _reference(policy.reference(rid)) for rid in sorted(referenced)},
        "questions": _questions(policy),
    }


def _plain(value):
    """YAML values as JSON values: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _clauses(notice) -> dict:
    return {
        c["id"]: {
            "label": clause_label(notice, c["id"]),
            "title": c.get("title", ""),
            "url": clause_url(notice.id, c["id"]),
        }
        for c in notice.clauses
    }


def _cited_references(rules: dict, fees: dict, evidence: dict) -> set[str]:
    found = set()
    for deferral in rules.get("deferrals", []):
        found.update(deferral.get("references", []))
    if fees.get("pricing_document"):
        found.add(fees["pricing_document"])
    for group in evidence.values():
        if isinstance(group, list):
            found.update(item["reference"] for item in group if isinstance(item, dict) and item.get("reference"))
    return found


def _notice(notice, referenced: set[str], area_code: str) -> dict:
    meta = _plain(notice.meta)
    rules = _with_step_links(_plain(notice.rules), notice.contacts or {})
    fees = _plain(notice.fees)
    evidence = _plain(notice.evidence)
    timeline = _plain(notice.timeline)
    referenced.update(_cited_references(rules, fees, evidence))
    return {
        "meta": {
            "id": notice.id,
            "doc_number": meta["doc_number"],
            "title": meta["title"],
            "short_title": meta.get("short_title", meta["title"]),
            "issuer": meta["issuer"],
            "issued_on": meta["issued_on"],
            "committee": meta.get("committee"),
            "url": f"notices/{notice.id}/",
        },
        "cutoff": timeline["work_years_cutoff"],
        "timeline": [_event(e) for e in timeline.get("events", [])],
        "fees": fees,
        "evidence": evidence,
        "rules": rules,
        "clauses": _clauses(notice),
        "contacts": [_contact(notice, c, area_code) for c in (notice.contacts or {}).get("contacts", [])],
    }


def _with_step_links(rules: dict, contacts: dict) -> dict:
    """A step's `link` (a contacts.yaml link id) as the {text, url} the checker shows."""
    links = {link["id"]: {"text": link["label"], "url": link["url"]} for link in contacts.get("links", [])}
    for route in rules.get("routes", []):
        route["steps"] = [dict(step, link=links[step["link"]]) if "link" in step else step for step in route["steps"]]
    return rules


def _contact(notice, contact: dict, area_code: str) -> dict:
    """A contact the notice prints, phones shown and dialled exactly as printed (023-12333 → tel:+862312333)."""
    return {
        "id": contact["id"],
        "role": contact["role"],
        "person": contact.get("person"),
        "phones": [{"display": phone_display(p, area_code), "tel": phone_tel(p, area_code), "kind": p.get("kind", "local")}
                   for p in contact["phones"]],
        "emails": list(contact.get("emails", [])),
        "address": contact.get("address"),
        "clause": contact["clause"],
        "clause_label": clause_label(notice, contact["clause"]),
        "url": clause_url(notice.id, contact["clause"]),
    }


def _offices_source(policy) -> dict | None:
    """The clause that prints the office directory (offices.yaml `source`), as a citation."""
    source = policy.offices_source
    if not source:
        return None
    notice_id, clause_id = source.split("#", 1)
    notice = policy.notices[notice_id]
    return {"notice": notice_id, "doc_number": notice.meta["doc_number"], "clause": clause_id,
            "clause_label": clause_label(notice, clause_id), "url": clause_url(notice_id, clause_id)}


def _event(event: dict) -> dict:
    start, end = event.get("start") or {}, event.get("end") or {}
    return {
        "id": event["id"],
        "label": event["label"],
        "who": event.get("who"),
        "start": start.get("date"),
        "start_time": start.get("time"),
        "end": end.get("date"),
        "end_time": end.get("time"),
        "precision": event.get("precision", "day"),
        "note": event.get("note"),
        "clause": event["clause"],
    }


def _office(office: dict, area_code: str) -> dict:
    return {
        "number": office["number"],
        "name": office["name"],
        "printed_name": office.get("printed_name"),
        "phones": [{"display": phone_display(p, area_code), "tel": phone_tel(p, area_code)} for p in office["phones"]],
        "address": office["address"],
        "postcode": office["postcode"],
        "url": office_url(office),
    }


def _reference(ref: dict) -> dict:
    return {
        "id": ref["id"],
        "doc_number": ref.get("doc_number"),
        "title": ref.get("title"),
        "url": ref.get("url"),
        "flag": ref.get("flag"),
        "site_url": reference_url(ref["id"]),
    }


def _questions(policy) -> list[dict]:
    out = []
    for question in _plain(policy.questions["questions"]):
        q = dict(question)
        source = q.pop("options_from", None)
        if source == "offices":
            q["options"] = [{"value": o["name"], "label": o["name"]} for o in policy.offices]
            q["options_from"] = "offices"
        elif source == "notices":
            q["options"] = [{"value": n.id, "label": f"{n.meta['short_title']}（{n.meta['doc_number']}）"}
                            for n in policy.newest_first()]
        refs = []
        for ref in q.get("refs", []):
            notice_id, cid = ref.split("#", 1)
            notice = policy.notices[notice_id]
            notice.clause(cid)          # KeyError names a dangling ref
            refs.append({"notice": notice_id, "clause": cid, "label": clause_label(notice, cid),
                         "url": clause_url(notice_id, cid)})
        q["refs"] = refs
        q["show_when"] = compiled_show_when(policy, q)
        q.setdefault("required", False)
        q.setdefault("form", True)
        out.append(q)
    return out
