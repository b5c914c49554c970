"""Puts one evaluation together: verdict, reasons, route, fee, timeline, evidence,
allowances and what is still needed."""

from __future__ import annotations

import datetime as dt

from . import moments
from . import vocabulary as words
from . import allowances, deferrals, evidence, exclusions, fees, pathways, routes, timeline
from .conditions import eval_when
from .context import Context
from .dates import parse_date

ELIGIBLE, CONDITIONAL, INELIGIBLE = "eligible", "conditional", "ineligible"


def without_hidden(book, answers: dict) -> tuple[dict, list[str]]:
    """Drop answers to questions the form would not show (their show_when is false)."""
    kept, ignored = {}, []
    for question in book.questions:
        key = question["key"]
        if key not in answers:
            continue
        shown, _ = eval_when(question.get("show_when"), kept)
        if shown is False:
            ignored.append(key)
        else:
            kept[key] = answers[key]
    return kept, ignored


def assemble(book, answers: dict) -> dict:
    answers, ignored = without_hidden(book, answers)
    # A `today` answer (tests, shared links) is read as the first instant of that day; otherwise now.
    answered_day = parse_date(answers.get("today"))
    today = answered_day or dt.date.today()
    ctx = Context(book, answers["notice"], answers, moments.start_of(answered_day) if answered_day else moments.now())

    failures = exclusions.exclusion_reasons(ctx)
    path, path_failures = pathways.evaluate(ctx)
    route, route_failures = routes.evaluate(ctx)
    failures += path_failures + route_failures
    deferral_reasons, deferred_to = deferrals.evaluate(ctx)
    scope = exclusions.scope_reasons(ctx)
    fee = fees.evaluate(ctx)

    # In scope only when a scope clause holds, no exclusion still waits for an answer
    # and no deferral says the notice is silent on the person's case.
    scope_established = bool(scope) and not ctx.open_exclusions and not any(
        r["about"] == "scope" for r in deferral_reasons)
    if failures:
        verdict = INELIGIBLE
        reasons = failures
        # More answers cannot undo a clause that already rules the person out.
        ctx.needs = {k: p - {"verdict"} for k, p in ctx.needs.items() if p - {"verdict"}}
    else:
        verdict_needs = any("verdict" in p for p in ctx.needs.values())
        verdict = CONDITIONAL if deferral_reasons or verdict_needs else ELIGIBLE
        reasons = deferral_reasons + scope
    ctx.needs = askable_needs(book, answers, ctx.needs)
    needs = sorted(ctx.needs, key=lambda k: book.question_order.get(k, len(book.question_order)))
    meta = ctx.notice["meta"]
    return {
        "notice": {"id": meta["id"], "doc_number": meta["doc_number"], "title": meta["title"],
                   "short_title": meta["short_title"], "url": meta["url"], "committee": _committee(ctx)},
        "contacts": ctx.notice.get("contacts", []),
        "today": today.isoformat(),
        "cutoff": {"date": ctx.notice["cutoff"]["date"], **ctx.cite(ctx.notice["cutoff"]["clause"])},
        "verdict": verdict,
        "verdict_label": _verdict_label(verdict, deferred_to, needs, scope_established, deferral_reasons),
        "scope_established": scope_established,
        "reasons": reasons,
        "deferred_to": deferred_to,
        "path": path,
        "route": route,
        "fee_yuan": fee["yuan"],
        "fee": fee,
        "timeline": timeline.evaluate(ctx),
        "evidence": evidence.evaluate(ctx, route),
        "allowances": allowances.evaluate(ctx),
        "notes": allowances.notes(ctx),
        "needs": needs,
        "needs_detail": [_need_detail(book, key, ctx.needs[key]) for key in needs],
        "ignored": ignored,
        "answers": answers,      # the answers the verdict used (hidden questions dropped): the 工单摘要 lists them
        "errors": [],
    }


def askable_needs(book, answers: dict, needs: dict[str, set[str]]) -> dict[str, set[str]]:
    """Keep the questions the form would show now; for one it would not show yet
    (its show_when depends on an unanswered question), ask that question instead."""
    out: dict[str, set[str]] = {}
    pending = list(needs.items())
    for _ in range(len(book.questions) * 4):        # show_when chains are short; bound the loop anyway
        if not pending:
            break
        key, purposes = pending.pop(0)
        question = book.question.get(key)
        shown, unknown = eval_when(question.get("show_when") if question else None, answers)
        if shown:
            out.setdefault(key, set()).update(purposes)
        elif shown is None:
            pending.extend((k, purposes) for k in unknown if k != key)
    return out


def _verdict_label(verdict: str, deferred_to: list[dict], needs: list[str], in_scope: bool,
                   deferral_reasons: list[dict]) -> str:
    labels = words.VERDICT_LABELS
    if verdict in (INELIGIBLE, ELIGIBLE):
        return labels[verdict]
    silent = [r for r in deferral_reasons if r["about"] == "scope"]
    scope_ids = {ref for r in silent for ref in r["references"]}
    condition_ids = {ref for r in deferral_reasons if r["about"] != "scope" for ref in r["references"]}
    conditions = _names(deferred_to, condition_ids - scope_ids)
    then = words.VERDICT_THEN.format(documents=conditions) if conditions else ""
    if in_scope:
        return labels["in_scope_documents"].format(documents=conditions) if conditions else labels["in_scope_answers"]
    if silent:
        deciders = "、".join(r["decided_by"] for r in silent if r.get("decided_by"))
        who = "，".join(([words.VERDICT_CHECK_DOCUMENTS.format(documents=_names(deferred_to, scope_ids))] if scope_ids else [])
                       + ([words.VERDICT_DECIDED_BY.format(deciders=deciders)] if deciders else []))
        return labels["scope_silent"].format(who=who, then=then)
    return labels["scope_needs_answers" if needs else "scope_undecided"].format(then=then)


def _names(documents: list[dict], ids: set[str]) -> str:
    """《title》 (or the document number) of each cited document in `ids`, in citation order."""
    return words.document_names(d for d in documents if d["id"] in ids)


def _committee(ctx) -> dict | None:
    """The review committee; `name_is_composed` marks a name the notice never prints as such."""
    committee = ctx.notice["meta"].get("committee")
    if not committee:
        return None
    return {"name": committee["name"], "name_is_composed": bool(committee.get("name_is_composed")),
            **ctx.cite(committee["clause"])}


def _need_detail(book, key: str, purposes: set[str]) -> dict:
    question = book.question[key]
    ordered = [p for p in words.PURPOSE_LABELS if p in purposes]
    return {"field": key, "label": question["label"], "question": question["text"],
            "purposes": ordered, "purpose_labels": [words.PURPOSE_LABELS[p] for p in ordered]}
