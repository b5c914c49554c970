"""The reporting route: ordered steps, the district office joined in, and the
insurance/archive conditions that decide eligibility for that route."""

from __future__ import annotations

from . import requirements
from . import vocabulary as words

def evaluate(ctx) -> tuple[dict | None, list[dict]]:
    """(route or None, ineligibility reasons from the route's conditions)."""
    chosen, unknown = None, []
    for route in ctx.rules.get("routes", []):
        holds, missing = ctx.when(route["when"])
        if holds:
            chosen = route
            break
        if holds is None:
            unknown.extend(missing)
    if chosen is None:
        ctx.need(unknown, "route")
        return None, []
    checks, failures = requirements.evaluate(ctx, chosen.get("requirements", []))
    steps = [_step(ctx, i, step) for i, step in enumerate(chosen["steps"], start=1)]
    papers = [paper for step in chosen["steps"] for paper in step.get("papers", [])]
    if any(c["status"] == requirements.NOT_MET for c in checks):
        status = "not_met"
    elif any(c["status"] == requirements.UNKNOWN for c in checks):
        status = "unknown"
    else:
        status = "met"
    return {"id": chosen["id"], "label": chosen["label"], "steps": steps, "conditions": checks,
            "conditions_status": status, "papers": papers, **ctx.cite(chosen["clause"])}, failures


def _step(ctx, order: int, step: dict) -> dict:
    out = {"order": order, "role": step["role"],
           "actor": step["actor"], "action": step["action"], "papers": list(step.get("papers", [])),
           "note": step.get("note"), "only_if": step.get("only_if"), "link": step.get("link"),
           **ctx.cite(step["clause"])}
    if step.get("office"):                      # a step that always goes to one named office
        out["office"] = ctx.book.offices.get(step["office"])
        out["office_source"] = ctx.book.offices_source
    elif step["role"] == "district_office":
        out["district_meaning"] = step["district"]
        name = ctx.answers.get("district")
        office = ctx.book.offices.get(name) if name else None
        out["office"] = office
        # The directory is 渝大数据发〔2025〕128号 附件, also for a 2023 result: say where it comes from.
        out["office_source"] = ctx.book.offices_source if office else None
        if office is None:
            ctx.need(["district"], "route")
            out["office_needed"] = words.OFFICE_TO_CHOOSE.format(district=step["district"])
    return out
