"""The golden table: each case's answers give exactly the expected verdict,
reasons, route, fee, allowances and needs, and cite the clauses it exercises."""

from __future__ import annotations

import pytest

from checker import check
from golden import cited_clauses, load_cases

CASES = load_cases()


def _route_summary(route):
    if route is None:
        return None
    offices = [s["office"]["name"] for s in route["steps"] if s.get("office")]
    return {"id": route["id"], "steps": [s["role"] for s in route["steps"]], "office": offices[0] if offices else None}


def test_table_is_large_enough():
    assert len(CASES) >= 50
    assert len({c["name"] for c in CASES}) == len(CASES), "case names must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case):
    result = check(case["answers"])
    expect = case["expect"]
    assert result["errors"] == []
    assert result["verdict"] == expect["verdict"], [r["text"] for r in result["reasons"]]
    assert [r["clause"] for r in result["reasons"]] == expect["reasons"]
    assert _route_summary(result["route"]) == expect["route"]
    assert result["fee_yuan"] == expect["fee_yuan"]
    assert [a["clause"] for a in result["allowances"]] == expect["allowances"]
    assert result["needs"] == expect["needs"]
    if "deferred_to" in expect:
        assert [d["id"] for d in result["deferred_to"]] == expect["deferred_to"]
    if "notes" in expect:
        assert [n["clause"] for n in result["notes"]] == expect["notes"]
    if "timeline" in expect:
        assert [e["status"] for e in result["timeline"]] == expect["timeline"]
    if "ignored" in expect:
        assert result["ignored"] == expect["ignored"]
    if "checks" in expect:
        assert [c["status"] for c in result["path"]["checks"]] == expect["checks"]
    if "papers" in expect:
        assert result["route"]["papers"] == expect["papers"]
        assert all(any(p in e["text"] for e in result["evidence"]) for p in expect["papers"])
    if "allowance_effects" in expect:
        effects = {a["clause"]: [e["text"] for e in a["effects"]] for a in result["allowances"]}
        for clause, texts in expect["allowance_effects"].items():
            assert effects[clause] == texts
    missing = set(case["clauses"]) - cited_clauses(result)
    assert not missing, f"case claims to exercise {sorted(missing)} but the result never cites them"
