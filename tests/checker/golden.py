"""Loads the golden cases (policy_data/notices/<id>/golden_cases.yaml) and says what a result cites."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))     # tests/, also when run as a script
from notice_folders import golden_cases  # noqa: E402


def load_cases() -> list[dict]:
    return golden_cases()


def cited_clauses(result: dict) -> set[str]:
    """Every clause the result cites anywhere a visitor can see it."""
    found = {r["clause"] for r in result["reasons"]}
    found |= {d["clause"] for d in result["deferred_to"]}
    found |= {a["clause"] for a in result["allowances"]}
    found |= {n["clause"] for n in result["notes"]}
    if result.get("path"):
        found.add(result["path"]["clause"])
        found |= {c["clause"] for c in result["path"]["checks"]}
    if result.get("route"):
        route = result["route"]
        found.add(route["clause"])
        found |= {s["clause"] for s in route["steps"]}
        found |= {c["clause"] for c in route["conditions"]}
    if result.get("fee"):
        found.add(result["fee"]["clause"])
    return found
