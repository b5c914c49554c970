"""Each notice's timeline as an iCalendar file (calendar/<notice>.ics).

- Times are local to Asia/Shanghai (TZID with its VTIMEZONE: UTC+8, no daylight saving); what a
  printed time means (24:00 = the next day's 00:00 …) is decided in checker/moments.py.
- An event without any printed time is all-day (DTEND exclusive); a month-precision event
  (评审时间：12月) spans the whole month.
- A deadline with no start is an instant at the deadline.
- UIDs are `<notice>-<event>@yzt` and DTSTAMP is the notice's issue date, so a rebuild gives
  the same file and calendar apps update instead of duplicating.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from checker import moments
from checker import vocabulary as words
from policy_build.urls import clause_url

TZID = "Asia/Shanghai"
SHANGHAI = ZoneInfo(TZID)
PRODID = "-//渝职通//policy_data timeline//ZH"


def point_datetime(point: dict, is_end: bool) -> dt.datetime:
    """A timeline point as an aware datetime in Asia/Shanghai (what the times mean: checker/moments.py)."""
    return moments.instant(point["date"], point.get("time"), is_end).replace(tzinfo=SHANGHAI)


def event_times(event: dict) -> tuple[object, object | None]:
    """(DTSTART, DTEND or None) as dates (all-day) or aware datetimes."""
    start, end = event.get("start"), event.get("end")
    timed = any(p and p.get("time") for p in (start, end))
    if not start:
        return point_datetime(end, is_end=True), None          # a deadline: an instant
    if not timed:
        last = moments.as_date(end["date"]) if end else moments.as_date(start["date"])
        return moments.as_date(start["date"]), last + dt.timedelta(days=1)
    return point_datetime(start, is_end=False), point_datetime(end, is_end=True) if end else None


def _vtimezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    standard.add("tzname", "CST")
    zone.add_component(standard)
    return zone


def notice_calendar(site, notice, site_url: str = "") -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{notice.meta['short_title']}（{notice.meta['doc_number']}）")
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_vtimezone())
    stamp = dt.datetime.combine(moments.as_date(notice.meta["issued_on"]), dt.time(0), dt.timezone.utc)
    for event in notice.timeline.get("events", []):
        start, end = event_times(event)
        vevent = Event()
        vevent.add("uid", f"{notice.id}-{event['id']}@yzt")
        vevent.add("dtstamp", stamp)
        summary = event["label"] + ("截止" if not event.get("start") else "")
        vevent.add("summary", f"{summary}（{notice.meta['short_title']}）")
        vevent.add("dtstart", start)
        if end is not None:
            vevent.add("dtend", end)
        lines = [f"时间：{site.event_text(event)}"]
        if event.get("who"):
            lines.append(words.EVENT_WHO.format(who=event["who"]))
        if event.get("note"):
            lines.append(event["note"])
        lines.append(f"依据：{site.cite(notice.id, event['clause'])}")
        if site_url:
            url = site_url.rstrip("/") + "/" + clause_url(notice.id, event["clause"])
            vevent.add("url", url)
            lines.append(url)
        vevent.add("description", "\n".join(lines))
        vevent.add("transp", "TRANSPARENT")
        cal.add_component(vevent)
    return cal.to_ical()
