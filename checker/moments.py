"""When things happen: a notice's printed times as instants, one meaning of an event's status,
and the Chinese text of dates and times as the notice prints them.

The one place this is decided. The checker (timeline, round status), the site pages, the .ics
calendars and the data integrity checks all use it; the browser only compares the instants the
build wrote. Pure standard library (runs in Pyodide).

- Times are China Standard Time (Asia/Shanghai: UTC+8, no daylight saving since 1991).
- "18:00" is that instant; "24:00" is the end of that day, i.e. the next day's 00:00.
- A start without a time opens at 00:00 of its day; an end without a time closes at the end of
  its day (the next day's 00:00). End instants are exclusive.
- Status at an instant: before the start 未开始; at or after the end 已截止; otherwise 进行中
  (未截止 for an event that prints only a deadline).
"""

from __future__ import annotations

import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")

NOT_STARTED, OPEN, CLOSED = "not_started", "open", "closed"
STATUS_LABELS = {NOT_STARTED: "未开始", OPEN: "进行中", CLOSED: "已截止"}
DEADLINE_OPEN_LABEL = "未截止"       # an event with only a deadline, before it


def as_date(value) -> dt.date:
    """A date, or its ISO text."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def instant(day, time: str | None, is_end: bool) -> dt.datetime:
    """The moment a printed date (and time) stands for, in China time."""
    start_of_day = dt.datetime.combine(as_date(day), dt.time(0), CHINA)
    if time:
        hours, minutes = (int(x) for x in str(time).split(":"))
        return start_of_day + dt.timedelta(hours=hours, minutes=minutes)
    return start_of_day + dt.timedelta(days=1) if is_end else start_of_day


def start_of(day) -> dt.datetime:
    """A date given without a time (e.g. the `today` answer) is read as its first instant."""
    return instant(day, None, is_end=False)


def now() -> dt.datetime:
    return dt.datetime.now(CHINA)


def bounds(start, start_time, end, end_time) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(start instant, exclusive end instant) of an event; None for a side the notice leaves open."""
    return (instant(start, start_time, False) if start else None,
            instant(end, end_time, True) if end else None)


def status_code(at: dt.datetime, start: dt.datetime | None, end: dt.datetime | None) -> str:
    if start is not None and at < start:
        return NOT_STARTED
    if end is not None and at >= end:
        return CLOSED
    return OPEN


def status_label(code: str, has_start: bool) -> str:
    return STATUS_LABELS[code] if code != OPEN or has_start else DEADLINE_OPEN_LABEL


# --- Chinese text -------------------------------------------------------------------------------

def day_text(day, with_year: bool = True) -> str:
    day = as_date(day)
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


def month_text(day) -> str:
    day = as_date(day)
    return f"{day.year}年{day.month}月"


def span_text(start, start_time, end, end_time, precision: str = "day") -> str:
    """As the notice prints it: 2023年9月4日—9月15日 18:00前, 2023年9月26日 18:00前, 2025年12月."""
    if precision == "month":
        first, last = as_date(start or end), as_date(end or start)
        if (first.year, first.month) == (last.year, last.month):
            return month_text(first)
        return f"{month_text(first)}—{month_text(last) if first.year != last.year else f'{last.month}月'}"
    if start and end:
        first, last = as_date(start), as_date(end)
        head = day_text(first) + (f" {start_time}" if start_time else "")
        if first == last and not start_time:
            return day_text(last) + (f" {end_time}前" if end_time else "")
        tail = day_text(last, with_year=last.year != first.year)
        return f"{head}—{tail}" + (f" {end_time}前" if end_time else "")
    if end:
        return day_text(end) + (f" {end_time}前" if end_time else "前")
    return day_text(start) + (f" {start_time}" if start_time else "") + "起"


def iso(moment: dt.datetime | None) -> str:
    """The instant as ISO text with its +08:00 offset, as the build writes it for the browser."""
    return moment.isoformat() if moment else ""
