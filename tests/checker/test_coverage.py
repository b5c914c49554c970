"""Every clause a rule cites is exercised by at least one golden case, and every
route, exclusion, deferral and allowance is reached by some case — for every notice folder
(`notice_id` is parametrized by tests/conftest.py)."""

from __future__ import annotations

from checker import check
from golden import load_cases

CASES = load_cases()


def _rule_clauses(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["clause"]} if isinstance(node.get("clause"), str) else set()
        return found.union(*(_rule_clauses(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_rule_clauses(v) for v in node))
    return set()


def _exercised(notice_id: str) -> set[str]:
    return {c for case in CASES if case["answers"].get("notice") == notice_id for c in case["clauses"]}


def test_every_rule_clause_is_exercised(policy, notice_id):
    clauses = _rule_clauses(policy.notices[notice_id].rules)
    missing = sorted(clauses - _exercised(notice_id))
    assert not missing, f"{notice_id}/rules.yaml cites clauses no golden case exercises: {missing}"


def test_every_route_exclusion_deferral_and_allowance_is_reached(policy, notice_id):
    rules = policy.notices[notice_id].rules
    results = [check(c["answers"]) for c in CASES if c["answers"].get("notice") == notice_id]
    routes = {r["route"]["id"] for r in results if r["route"]}
    assert routes == {r["id"] for r in rules["routes"]}
    reason_texts = {reason["text"] for r in results for reason in r["reasons"]}
    for exclusion in rules["exclusions"]:
        assert any(t.startswith(exclusion["reason"].removesuffix("。")) for t in reason_texts), exclusion["id"]
    for deferral in rules["deferrals"]:
        assert any(t.startswith(deferral["text"].removesuffix("。")) for t in reason_texts), deferral["id"]
    allowances = {a["id"] for r in results for a in r["allowances"]}
    assert allowances == {a["id"] for a in rules["allowances"]}
    notes = {n["id"] for r in results for n in r["notes"]}
    assert notes == {n["id"] for n in rules["notes"]}


def _requirements(rules: dict) -> list[dict]:
    """Every requirement of the notice's pathways and routes."""
    found = [req for p in rules["pathways"] for req in p.get("requirements", [])]
    return found + [req for r in rules["routes"] for req in r.get("requirements", [])]


def test_every_requirement_has_a_conditional_and_an_ineligible_case(policy, notice_id):
    """A requirement can hold or fail: the table shows both outcomes a visitor can meet."""
    results = [check(c["answers"]) for c in CASES if c["answers"].get("notice") == notice_id]
    seen: dict[str, set[tuple[str, str]]] = {}
    for result in results:
        checks = (result["path"] or {}).get("checks", []) + (result["route"] or {}).get("conditions", [])
        for c in checks:
            seen.setdefault(c["id"], set()).add((c["status"], result["verdict"]))
    for req in _requirements(policy.notices[notice_id].rules):
        outcomes = seen.get(req["id"], set())
        assert ("met", "conditional") in outcomes, f"{req['id']}: no case where it holds"
        assert ("not_met", "ineligible") in outcomes, f"{req['id']}: no case where it fails"
