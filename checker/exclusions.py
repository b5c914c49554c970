"""Scope (who the notice covers) and exclusions (who it rules out)."""

from __future__ import annotations


def scope_reasons(ctx) -> list[dict]:
    """Scope statements that hold for the visitor, as supporting reasons."""
    return [ctx.reason(entry["text"], entry["clause"], "scope") for entry in ctx.holding("scope")]


def exclusion_reasons(ctx) -> list[dict]:
    """Exclusions that hold (ineligible); those that might hold list their questions as needed."""
    out = []
    for entry in ctx.rules.get("exclusions", []):
        holds, unknown = ctx.when(entry["when"])
        if holds:
            out.append(ctx.reason(entry["reason"], entry["clause"], "ineligible", ctx.explain(entry["when"])))
        elif holds is None:
            ctx.need(unknown)
    return out
