"""Side-by-side comparison of the notices, built only from their data.

`comparison(site)` returns sections of rows; each row has one cell per notice (in the
policy's order), so a third notice adds a column with no code change. Items of the same
kind are aligned by their data id (route id, pathway, grade, allowance id …); a row
`differs` when the notices' texts are not the same. Every item keeps its clause.
"""
from __future__ import annotations

import re

from checker import phrasing
from checker import vocabulary as words


def _item(text, clause=None) -> dict:
    return {"text": str(text), "clause": clause}


def _norm(items: list[dict]) -> tuple[str, ...]:
    return tuple(re.sub(r"[\s。；;，,]+$", "", re.sub(r"\s+", "", i["text"])) for i in items)


def _row(label: str, cells: list[list[dict]], note: str = "") -> dict:
    present = [c for c in cells if c]
    differs = len(present) != len(cells) or len({_norm(c) for c in present}) > 1
    return {"label": label, "cells": cells, "differs": differs, "note": note}


def _section(title: str, rows: list[dict]) -> dict:
    return {"title": title, "rows": [r for r in rows if any(r["cells"])]}


def _aligned(notices, items_of, key_of, label_of, cell_of) -> list[dict]:
    """One row per key found in any notice, in first-seen order."""
    order, labels = [], {}
    for notice in notices:
        for item in items_of(notice):
            key = key_of(item)
            if key not in labels:
                order.append(key)
                labels[key] = label_of(item)
    rows = []
    for key in order:
        cells = []
        for notice in notices:
            match = next((i for i in items_of(notice) if key_of(i) == key), None)
            cells.append(cell_of(notice, match) if match is not None else [])
        rows.append(_row(labels[key], cells))
    return rows


def _rules(notice, section: str) -> list[dict]:
    value = (notice.rules or {}).get(section)
    return [i for i in value if isinstance(i, dict)] if isinstance(value, list) else []


def committee_name(committee: dict) -> str:
    """The committee's name, marked when the notice never prints it as such (a name this site composed)."""
    if committee.get("name_is_composed"):
        return words.COMMITTEE_NAME_COMPOSED.format(name=committee["name"])
    return committee["name"]


def _route_cell(site, notice, route: dict) -> list[dict]:
    """The chain as the checker says it, then each step's note with its clause (a chain alone drops them)."""
    chain, *notes = site.route_text(notice, route["id"])
    steps = [s for s in site.compiled_route(notice, route["id"])["steps"] if s.get("note")]
    return [_item(chain, route["clause"])] + [_item(note, step["clause"]) for note, step in zip(notes, steps)]


def _pathway_cell(site, notice, pathway: dict) -> list[dict]:
    """The pathway's status, reason and note as the checker says them (phrasing.pathway_lines); a path
    the notice never mentions cites nothing, never "offered"."""
    compiled = next(p for p in site.rules_notice(notice)["rules"]["pathways"] if p["path"] == pathway["path"])
    status, *rest = phrasing.pathway_lines(compiled)
    clause = None if pathway["status"] == "not_addressed" else pathway["clause"]
    items = [_item(status, clause)] + [_item(line, pathway["clause"]) for line in rest]
    for deferral in _rules(notice, "deferrals"):
        if (deferral.get("when") or {}).get("path") == pathway["path"]:
            items.append(_item(deferral["text"], deferral["clause"]))
    return items


def _answer_labels(policy):
    """(question key, answer value) -> the words the checker form shows for it."""
    questions = policy.questions.get("questions", []) if isinstance(policy.questions, dict) else []
    labels, names = {}, {}
    for question in questions:
        names[question.get("key")] = question.get("label") or question.get("key")
        for option in question.get("options") or []:
            if isinstance(option, dict):
                labels[(question.get("key"), option.get("value"))] = option.get("label")

    def label(key, value):
        if (key, value) in labels:
            return labels[(key, value)]
        if isinstance(value, bool):
            return f"{names.get(key, key)}：{'是' if value else '否'}"
        return f"{names.get(key, key)}：{value}"
    return label


def _routes_by_case(notice, answer_label) -> list[dict]:
    """One entry per applicant category a route serves: key, label and the route."""
    cases = []
    for route in _rules(notice, "routes"):
        when = route.get("when") or {}
        employers = when.get("employer")
        employers = employers if isinstance(employers, list) else [employers]
        others = sorted((k, v) for k, v in when.items() if k != "employer" and not isinstance(v, (dict, list)))
        for employer in employers:
            words = [answer_label("employer", employer)] + [
                answer_label(k, v) if k != "archive_location" else "档案在" + answer_label(k, v) for k, v in others]
            cases.append({"key": (employer, tuple(others)), "label": "，".join(words), "route": route})
    return cases


def comparison(site) -> list[dict]:
    notices = site.notices
    meta = [
        _row("文号", [[_item(n.meta["doc_number"], "signature" if n.has_clause("signature") else None)] for n in notices]),
        _row("发文机关", [[_item(n.meta["issuer"], "signature" if n.has_clause("signature") else None)] for n in notices]),
        _row("印发日期", [[_item(site.date_text({"date": n.meta["issued_on"]}), "signature" if n.has_clause("signature") else None)] for n in notices]),
        _row("评委会", [[_item(committee_name(n.meta["committee"]), n.meta["committee"]["clause"])] for n in notices]),
    ]
    scope = [
        _row("申报范围", [[_item(s["text"], s["clause"]) for s in _rules(n, "scope")] for n in notices]),
        _row("不能申报的情形", [[_item(e["reason"], e["clause"]) for e in _rules(n, "exclusions")] for n in notices]),
    ]
    pathways = _aligned(notices, lambda n: _rules(n, "pathways"), lambda p: p["path"], lambda p: p["label"],
                        lambda n, p: _pathway_cell(site, n, p))
    # Route ids differ between notices (city_units vs city_institution): align on the applicant
    # category each route serves (its `when`, one row per employer value) instead.
    answer_label = _answer_labels(site.policy)
    routes = _aligned(notices, lambda n: _routes_by_case(n, answer_label), lambda c: c["key"], lambda c: c["label"],
                      lambda n, c: _route_cell(site, n, c["route"]))
    requirements = _aligned(
        notices, lambda n: [c for c in _routes_by_case(n, answer_label) if c["route"].get("requirements")],
        lambda c: c["key"], lambda c: c["label"],
        lambda n, c: [_item(q["text"], q["clause"]) for q in c["route"]["requirements"]])
    timeline = [
        _row("时间安排", [[_item(f"{e['label']}：{site.event_text(e)}", e["clause"]) for e in n.timeline.get("events", [])] for n in notices]),
        _row("年限计算截止日期", [[_item(site.cutoff_text(n), n.timeline["work_years_cutoff"]["clause"])]
                               if n.timeline.get("work_years_cutoff") else [] for n in notices]),
    ]
    fees = _aligned(notices, lambda n: n.fees.get("grades", []), lambda g: g["grade"], lambda g: f"评审费（{g['grade']}）",
                    lambda n, g: [_item(phrasing.fee_grade_text(g), n.fees["clause"])])
    fees += [
        _row("缴费方式", [[_item(n.fees["payment"]["method"], n.fees["clause"])] for n in notices]),
        _row("缴费时间", [[_item(site.event_text(e), e["clause"])] if (e := site.event(n, n.fees["payment"]["window"])) else []
                      for n in notices]),
    ]
    materials = [
        _row("业绩成果的佐证材料", [[_item(f"{p['kind']}：{p['proof']}", p["clause"]) for p in n.evidence.get("achievement_proofs", [])]
                           for n in notices]),
        _row("材料的一般要求", [[_item(g["text"], g["clause"]) for g in n.evidence.get("general", [])] for n in notices]),
    ]
    allowances = _aligned(notices, lambda n: _rules(n, "allowances"), lambda a: a["id"], lambda a: a["title"],
                          lambda n, a: [_item(line, a["clause"]) for line in site.allowance_lines(n, a["id"])])
    contacts = [
        _row("通知所列电话", [[_item(f"{c['role']}：" + "、".join(site.phone(p)["display"] for p in c["phones"]), c["clause"])
                             for c in (n.contacts or {}).get("contacts", []) if c.get("phones")] for n in notices]),
    ]
    # A notice without a section shows 未涉及 in that cell; such a row counts as a difference.
    return [s for s in (
        _section("基本信息", meta),
        _section("申报范围", scope),
        _section("申报通道", pathways),
        _section("申报路径", routes),
        _section("参保、存档要求", requirements),
        _section("时间安排", timeline),
        _section("评审费", fees),
        _section("材料", materials),
        _section("放宽政策", allowances),
        _section("联系方式", contacts),
    ) if s["rows"]]
