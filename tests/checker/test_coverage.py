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
        assert deferral["text"] in reason_texts, deferral["id"]
    allowances = {a["id"] for r in results for a in r["allowances"]}
    assert allowances == {a["id"] for a in rules["allowances"]}
    notes = {n["id"] for r in results for n in r["notes"]}
    assert notes == {n["id"] for n in rules["notes"]}
