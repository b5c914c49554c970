"""Where the notice makes the outcome depend on a document we do not hold."""

from __future__ import annotations

from . import phrasing


def evaluate(ctx) -> tuple[list[dict], list[dict]]:
    """(reasons, documents deferred to), each document once, in first-cited order."""
    reasons, documents, seen = [], [], set()
    for entry in ctx.rules.get("deferrals", []):
        holds, unknown = ctx.when(entry["when"])
        if holds is None:
            ctx.need(unknown)
        if not holds:
            continue
        reason = ctx.reason(entry["text"], entry["clause"], "deferral", ctx.explain(entry["when"]))
        reason["references"] = list(entry.get("references", []))
        reason["decided_by"] = entry.get("decided_by")
        reason["about"] = entry.get("about", "conditions")
        reasons.append(reason)
        for ref_id in reason["references"]:
            if ref_id in seen:
                continue
            seen.add(ref_id)
            ref = ctx.book.references[ref_id]
            cited = ctx.cite(entry["clause"])
            documents.append({"id": ref_id, "doc_number": ref["doc_number"], "title": ref["title"],
                              "url": ref["url"], "site_url": ref["site_url"],
                              "flag": phrasing.readable_refs(ref["flag"], ctx.book.notices) if ref.get("flag") else None,
                              "clause": cited["clause"], "clause_label": cited["clause_label"],
                              "clause_url": cited["url"]})
    ctx.applied_deferral_clauses = {r["clause"] for r in reasons}
    return reasons, documents
