"""The verdict in three layers, each said plainly (issue 18):

1. scope — this notice covers you / does not say (and who decides) / rules you out / not yet known;
2. this notice's own conditions — all met / which one fails / which are unanswered;
3. what other documents must still be checked, named and linked.

Built from the result's own reasoning (reasons with their `about`, scope_established, needs),
never from the list of deferred documents alone, so an out-of-scope case and an in-scope one
never read the same. A layer with nothing to say is left out (an excluded case has no layer 2).
"""

from __future__ import annotations

from . import phrasing
from . import vocabulary as words

SCOPE, CONDITIONS, DOCUMENTS = "scope", "conditions", "documents"


def _deferrals(result: dict, about: str) -> list[dict]:
    return [r for r in result["reasons"] if r["kind"] == "deferral" and r.get("about", "conditions") == about]


def _docs(result: dict, reasons: list[dict]) -> list[dict]:
    ids = [ref for r in reasons for ref in r.get("references", [])]
    return [d for d in result["deferred_to"] if d["id"] in ids]


def verdict_needs(result: dict) -> list[dict]:
    return [n for n in result["needs_detail"] if "verdict" in n["purposes"]]


def _labels(needs: list[dict]) -> str:
    return "、".join(n["label"] for n in needs)


def _failures(result: dict, about: str) -> list[dict]:
    return [r for r in result["reasons"] if r["kind"] == "ineligible" and r.get("about", "conditions") == about]


def scope_layer(result: dict) -> dict | None:
    excluded = _failures(result, SCOPE)
    if excluded:
        reason = excluded[0]
        return _layer(SCOPE, "excluded", words.LAYER_SCOPE["excluded"].format(reason=reason["text"]), reason)
    silent = _deferrals(result, SCOPE)
    if silent:
        reason = silent[0]
        deciders = "、".join(dict.fromkeys(r["decided_by"] for r in silent if r.get("decided_by")))
        documents = words.document_names(_docs(result, silent))
        parts = ([words.LAYER_SILENT_DOCUMENTS.format(documents=documents)] if documents else []) + (
            [words.LAYER_SILENT_DECIDER.format(deciders=deciders)] if deciders else [])
        return _layer(SCOPE, "silent", words.LAYER_SCOPE["silent"].format(who="，".join(parts)), reason)
    if result["scope_established"]:
        scope = next((r for r in result["reasons"] if r["kind"] == "scope"), None)
        return _layer(SCOPE, "covered", words.LAYER_SCOPE["covered"], scope)
    if result["verdict"] == "ineligible":      # a condition already fails: scope need not be settled
        return None
    needs = verdict_needs(result)
    if needs:
        return _layer(SCOPE, "unknown", words.LAYER_SCOPE["unknown"].format(labels=_labels(needs)), None)
    return _layer(SCOPE, "unknown", words.LAYER_SCOPE["undecided"], None)


def conditions_layer(result: dict, scope_state: str | None) -> dict | None:
    if scope_state == "excluded":
        return None
    failed = _failures(result, CONDITIONS)
    if failed:
        return _layer(CONDITIONS, "not_met", words.LAYER_CONDITIONS["not_met"].format(reason=failed[0]["text"]), failed[0])
    needs = verdict_needs(result)
    if needs:
        text = (words.LAYER_CONDITIONS["after_scope"] if scope_state == "unknown"
                else words.LAYER_CONDITIONS["unanswered"].format(labels=_labels(needs)))
        return _layer(CONDITIONS, "unanswered", text, None)
    return _layer(CONDITIONS, "met", words.LAYER_CONDITIONS["met"], None)


def documents_layer(result: dict, scope_state: str | None) -> dict | None:
    if result["verdict"] == "ineligible":
        return None
    reasons = _deferrals(result, CONDITIONS)
    docs = _docs(result, reasons)
    if not docs:
        return None
    layer = _layer(DOCUMENTS, "check", words.LAYER_DOCUMENTS.format(documents=words.document_names(docs)), reasons[0])
    layer["links"] = [{"text": words.document_name(d), "url": d["site_url"]} for d in docs if d.get("site_url")]
    return layer


def _layer(key: str, state: str, text: str, source: dict | None) -> dict:
    return {"id": key, "state": state, "text": text, "cite": phrasing.cite(source), "links": []}


def layers(result: dict) -> list[dict]:
    scope = scope_layer(result)
    state = scope["state"] if scope else None
    return [layer for layer in (scope, conditions_layer(result, state), documents_layer(result, state)) if layer]


def headline(result: dict, built: list[dict]) -> str:
    """The most decisive true sentence the layers allow."""
    states = {layer["id"]: layer["state"] for layer in built}
    if states.get(SCOPE) == "excluded":
        return words.HEADLINES["excluded"]
    if states.get(CONDITIONS) == "not_met":
        return words.HEADLINES["not_met"]
    if states.get(SCOPE) == "silent":
        return words.HEADLINES["silent"]
    if states.get(SCOPE) == "unknown" or states.get(CONDITIONS) == "unanswered":
        return words.HEADLINES["answers"]
    return words.HEADLINES["met_documents" if states.get(DOCUMENTS) == "check" else "met"]
