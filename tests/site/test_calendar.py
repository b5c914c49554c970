"""Each notice's timeline as calendar/<notice>.ics: parsed by the icalendar package, every event, right times."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


def parse(built_site, notice_id) -> Calendar:
    path = built_site.root / "calendar" / f"{notice_id}.ics"
    assert path.is_file(), f"missing {path}"
    return Calendar.from_ical(path.read_bytes())


def expected_bounds(event: dict):
    """Independent reading of a timeline entry: times as printed (24:00 = next day 00:00), else all-day."""
    def day(point):
        return dt.date.fromisoformat(str(point["date"]))

    def moment(point, is_end):
        if point.get("time"):
            h, m = map(int, point["time"].split(":"))
            return dt.datetime.combine(day(point), dt.time(0), SHANGHAI) + dt.timedelta(hours=h, minutes=m)
        return dt.datetime.combine(day(point) + dt.timedelta(days=int(is_end)), dt.time(0), SHANGHAI)

    start, end = event.get("start"), event.get("end")
    if not start:
        return moment(end, True), None
    if not (start.get("time") or (end or {}).get("time")):
        return day(start), day(end or start) + dt.timedelta(days=1)
    return moment(start, False), moment(end, True) if end else None


def test_every_timeline_event_is_in_the_calendar_with_its_times(built_site, policy):
    for notice_id, notice in policy.notices.items():
        cal = parse(built_site, notice_id)
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
        events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
        assert len(events) == len(notice.timeline["events"])
        for event in notice.timeline["events"]:
            vevent = events[f"{notice_id}-{event['id']}@yzt"]
            start, end = expected_bounds(event)
            assert vevent.decoded("DTSTART") == start, event["id"]
            assert (vevent.decoded("DTEND") if "DTEND" in vevent else None) == end, event["id"]
            if isinstance(start, dt.datetime):
                assert vevent["DTSTART"].params["TZID"] == "Asia/Shanghai"
            assert event["label"] in str(vevent["SUMMARY"])
            assert notice.meta["doc_number"] in str(vevent["DESCRIPTION"])


def test_printed_times_are_exact(built_site):
    cal = parse(built_site, "2023-manufacturing")
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    submission = events["2023-manufacturing-personal_submission@yzt"]
    assert submission.decoded("DTEND") == dt.datetime(2023, 9, 15, 18, 0, tzinfo=SHANGHAI)
    fee = events["2023-manufacturing-fee_payment@yzt"]     # 10月12—13日24:00前
    assert fee.decoded("DTEND") == dt.datetime(2023, 10, 14, 0, 0, tzinfo=SHANGHAI)
    assert fee.decoded("DTEND").utcoffset() == dt.timedelta(hours=8)


def test_month_only_event_is_all_day_over_the_month(built_site):
    events = {str(e["UID"]): e for e in parse(built_site, "2025-bigdata").walk("VEVENT")}
    review = events["2025-bigdata-evaluation@yzt"]
    assert review.decoded("DTSTART") == dt.date(2025, 12, 1)
    assert review.decoded("DTEND") == dt.date(2026, 1, 1)


def test_timeline_page_links_each_calendar(built_site, policy):
    page = built_site.page("timeline/")
    calendar_links = [l for l in page.links if l["href"].endswith(".ics")]
    assert sorted(l["href"] for l in calendar_links) == sorted(f"../calendar/{n}.ics" for n in policy.notices)
    assert all("加入日历" in l["text"] for l in calendar_links)
