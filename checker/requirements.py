"""Requirements (in a pathway or a route): applicable `when`, must satisfy `require`."""

from __future__ import annotations

from . import vocabulary as words

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


def evaluate(ctx, requirements: list[dict], extra_when: dict | None = None) -> tuple[list[dict], list[dict]]:
    """(checks shown to the visitor, ineligibility reasons). Unknowns go to ctx.needs:
    the applicability question is asked first, then what the requirement tests."""
    checks, failures = [], []
    for req in requirements:
        applies, applies_unknown = ctx.when({**(extra_when or {}), **req.get("when", {})})
        if applies is False:
            continue
        satisfied, satisfied_unknown = ctx.when(req["require"])
        if applies is None:
            if satisfied is not True:
                ctx.need(applies_unknown)
            continue
        if satisfied is True:
            status = MET
        elif satisfied is False:
            status = NOT_MET
            failures.append({**ctx.reason(req["fail"], req["clause"], "ineligible", ctx.explain(req["require"])),
                             "about": req.get("about", "conditions")})
        else:
            status = UNKNOWN
            ctx.need(satisfied_unknown)
        details = ctx.explain(req["require"]) if status != UNKNOWN else []
        text = f"{req['text']}（{'；'.join(details)}）" if details else req["text"]
        checks.append({"id": req["id"], "text": text, "status": status,
                       "status_label": words.REQUIREMENT_STATUS_LABELS[status], **ctx.cite(req["clause"])})
    return checks, failures
