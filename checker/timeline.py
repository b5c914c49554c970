"""The notice's dated events, each with its instants, its text as the notice prints it, and its
status at the moment of the check (checker/moments.py says what the times mean)."""

from __future__ import annotations

import datetime as dt

from . import moments
from .context import cite_in


def evaluate(ctx) -> list[dict]:
    return events(ctx.notice, ctx.notice_id, ctx.at)


def events(notice: dict, notice_id: str, at: dt.datetime) -> list[dict]:
    """The timeline of a rules.json notice with each event's status at `at` (an aware datetime);
    checker.phrasing.round_status(events(...)) says the round's status as a result does."""
    out = []
    for event in notice["timeline"]:
        start, end = moments.bounds(event["start"], event["start_time"], event["end"], event["end_time"])
        code = moments.status_code(at, start, end)
        out.append({
            "id": event["id"], "label": event["label"], "who": event["who"],
            "start": event["start"], "start_time": event["start_time"],
            "end": event["end"], "end_time": event["end_time"], "precision": event["precision"],
            "starts_at": moments.iso(start) or None, "ends_at": moments.iso(end) or None,
            "when_text": moments.span_text(event["start"], event["start_time"], event["end"], event["end_time"],
                                           event["precision"]),
            "note": event["note"], "status": moments.status_label(code, start is not None), "status_code": code,
            **cite_in(notice, notice_id, event["clause"]),
        })
    return out
