"""The application path (正常/多评/高技能人才贯通) and its requirements."""

from __future__ import annotations

from . import requirements
from . import vocabulary as words

OFFERED, NOT_OFFERED, NOT_ADDRESSED = "offered", "not_offered", "not_addressed"


def evaluate(ctx) -> tuple[dict | None, list[dict]]:
    """(the path summary with its checks, ineligibility reasons)."""
    path = ctx.answers.get("path")
    if path is None:
        ctx.need(["path"])
        return None, []
    pathway = next((p for p in ctx.rules.get("pathways", []) if p["path"] == path), None)
    if pathway is None:           # the schema lists every path a notice addresses
        return None, []
    status = pathway["status"]
    summary = {"path": path, "label": pathway["label"], "offered": status == OFFERED, "status": status,
               "status_label": words.PATHWAY_STATUS_LABELS[status], "note": pathway.get("note"), "checks": [],
               **ctx.cite(pathway["clause"])}
    if status == NOT_ADDRESSED:               # the notice is silent: a deferral names who decides
        return summary, []
    if status == NOT_OFFERED:
        return summary, [{**ctx.reason(pathway["reason"], pathway["clause"], "ineligible"), "about": "scope"}]
    checks, failures = requirements.evaluate(ctx, pathway.get("requirements", []))
    summary["checks"] = checks
    return summary, failures
