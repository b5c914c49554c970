"""Helpers of the fidelity facts (policy_data/notices/<id>/fidelity_facts.py)."""

import re

from policy_build.phones import phone_display, phone_tel


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def events(p, nid):
    return p.notices[nid].timeline["events"]


def spans(p, nid):
    """(start, end) of every event, each a {date, time?} mapping or None."""
    return [(e.get("start"), e.get("end")) for e in events(p, nid)]


def fee_window(p, nid):
    window = p.notices[nid].fees["payment"]["window"]
    event = next(e for e in events(p, nid) if e["id"] == window)
    return event.get("start"), event.get("end")


def fees(p, nid):
    return {g["grade"]: g["yuan"] for g in p.notices[nid].fees["grades"]}


def contact_for(p, nid, number):
    """(role, person, displayed phone, tel URI) of the contact listing `number`."""
    for contact in p.notices[nid].contacts["contacts"]:
        for phone in contact["phones"]:
            if phone["number"] == number:
                return contact["role"], contact.get("person"), phone_display(phone, p.area_code), phone_tel(phone, p.area_code)
    return None


def review_rule(p, nid, clause, field):
    return sorted(r[field] for r in p.notices[nid].evidence["review_rules"] if r["clause"] == clause and field in r)


def reference_by_number(p, doc_number):
    return next(r for r in p.references if r["doc_number"] == doc_number)


def clause_text(p, nid, cid):
    return squash(p.notices[nid].clause(cid)["text"])


def offices_source(p):
    return next(f for f in p.files if f.kind == "offices").data["source"]


def link_urls(p, nid):
    return [link["url"] for link in p.notices[nid].contacts["links"]]


