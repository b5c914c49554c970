"""The notice's dated events, each with its status on a given day."""

from __future__ import annotations

import datetime as dt

from .dates import parse_date

NOT_STARTED, OPEN, CLOSED = "未开始", "进行中", "已截止"
STATUS_CODES = {NOT_STARTED: "not_started", OPEN: "open", CLOSED: "closed"}


def status_on(today: dt.date, start: dt.date | None, end: dt.date | None) -> str:
    """Day precision: an event is open on its first and its last day (times such as
    18:00 fall inside the day). An event with only a deadline is open until it."""
    if start is not None and today < start:
        return NOT_STARTED
    if end is not None and today > end:
        return CLOSED
    return OPEN


def evaluate(ctx) -> list[dict]:
    out = []
    for event in ctx.notice["timeline"]:
        status = status_on(ctx.today, parse_date(event["start"]), parse_date(event["end"]))
        out.append({
            "id": event["id"], "label": event["label"], "who": event["who"],
            "start": event["start"], "start_time": event["start_time"],
            "end": event["end"], "end_time": event["end_time"], "precision": event["precision"],
            "note": event["note"], "status": status, "status_code": STATUS_CODES[status],
            **ctx.cite(event["clause"]),
        })
    return out
