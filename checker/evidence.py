"""What to prepare: the route's papers, then the notice's proof rules.

evidence.yaml items carry no condition of their own; an item citing the clause
of a route, or of a deferral that sends the case to a document, is about that case
only, so it is shown only when that route was chosen or that deferral applies (e.g.
自由职业者本人承诺 only to freelancers). A deferral that only says the notice is
silent on a case (no document: the committee decides) owns no evidence: the
obligations its clause sets for everyone (2023 五（二） 佐证材料、脱密、如实填写) stay.
"""

from __future__ import annotations

from . import vocabulary as words


def _shown(ctx, route: dict | None, clause: str) -> bool:
    rules = ctx.rules
    case_clauses = {r["clause"] for r in rules.get("routes", [])} | {
        d["clause"] for d in rules.get("deferrals", []) if d.get("references")}
    if clause not in case_clauses:
        return True
    active = set(ctx.applied_deferral_clauses)
    if route:
        active.add(route["clause"])
    return clause in active


def evaluate(ctx, route: dict | None) -> list[dict]:
    out = []
    if route:
        for step in route["steps"]:
            for paper in step["papers"]:
                out.append({"kind": "paper", "text": words.PAPER.format(paper=paper, actor=step["actor"], action=step["action"]),
                            **ctx.cite(step["clause"])})
    evidence = ctx.notice["evidence"]
    for item in evidence.get("general", []):
        if _shown(ctx, route, item["clause"]):
            out.append({"kind": "general", "text": item["text"], **ctx.cite(item["clause"])})
    for item in evidence.get("achievement_proofs", []):
        if _shown(ctx, route, item["clause"]):
            needed = words.PROOF_NEEDED.format(proof="")     # a proof the notice already words as 需提供…
            proof = item["proof"] if needed in item["proof"] else words.PROOF_NEEDED.format(proof=item["proof"])
            out.append({"kind": "proof", "text": words.PROOF.format(kind=item["kind"], proof=proof), **ctx.cite(item["clause"])})
    return out
