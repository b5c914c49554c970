"""The review fee (职称评审费) for the level applied for."""

from __future__ import annotations


def evaluate(ctx) -> dict:
    fees = ctx.notice["fees"]
    level = ctx.answers.get("level")
    grade = next((g for g in fees["grades"] if level in g["levels"]), None) if level else None
    if level is None:
        ctx.need(["level"], "fee")
    pricing = fees.get("pricing_document")
    payment = fees.get("payment", {})
    return {
        "yuan": grade["yuan"] if grade else None,
        "grade": grade["grade"] if grade else None,
        "grades": [{"grade": g["grade"], "levels": g["levels"], "yuan": g["yuan"]} for g in fees["grades"]],
        "pricing_document": ctx.book.references.get(pricing) if pricing else None,
        "method": payment.get("method"),
        "window": payment.get("window"),
        "prerequisite": payment.get("prerequisite"),
        "consequence": payment.get("consequence"),
        "steps": [{"text": s["text"], **ctx.cite(s["clause"])} for s in payment.get("steps", [])],
        **ctx.cite(fees["clause"]),
    }
