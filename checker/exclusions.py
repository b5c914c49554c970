"""Scope (who the notice covers) and exclusions (who it rules out)."""

from __future__ import annotations


def scope_reasons(ctx) -> list[dict]:
    """Scope statements that hold for the visitor, as supporting reasons. When none
    holds yet, the questions that could make one hold are needed for the verdict."""
    held, unknown = [], []
    for entry in ctx.rules.get("scope", []):
        holds, missing = ctx.when(entry["when"])
        if holds:
            held.append(ctx.reason(entry["text"], entry["clause"], "scope"))
        elif holds is None:
            unknown.extend(missing)
    if not held:
        ctx.need(unknown)
    return held


def exclusion_reasons(ctx) -> list[dict]:
    """Exclusions that hold (ineligible); those that might hold list their questions as needed."""
    out = []
    for entry in ctx.rules.get("exclusions", []):
        holds, unknown = ctx.when(entry["when"])
        if holds:
            out.append({**ctx.reason(entry["reason"], entry["clause"], "ineligible", ctx.explain(entry["when"])),
                        "about": "scope"})
        elif holds is None:
            ctx.need(unknown)
            ctx.open_exclusions.update(unknown)
    return out
